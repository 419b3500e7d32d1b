INSERT INTO session_agenda (session_id, item_key, state, label, by_name, at_utc, position)
VALUES (@SessionId, @ItemKey, @State, @Label, @ByName, @At, @Position);
