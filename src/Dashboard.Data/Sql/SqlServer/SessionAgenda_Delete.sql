DELETE FROM dbo.session_agenda WHERE session_id = @SessionId AND item_key = @ItemKey AND state = @State;
