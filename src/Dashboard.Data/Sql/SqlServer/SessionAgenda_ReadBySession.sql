SELECT g.session_id AS SessionId, g.item_key AS ItemKey, g.state AS State, g.label AS Label, g.by_name AS ByName, g.at_utc AS At, g.position AS Position
FROM dbo.session_agenda g
WHERE g.session_id = @SessionId
ORDER BY g.position, g.at_utc;
