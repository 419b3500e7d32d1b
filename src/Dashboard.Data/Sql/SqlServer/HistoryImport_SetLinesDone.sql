UPDATE dbo.history_imports SET lines_done = @LinesDone WHERE source = @Source AND lines_done < @LinesDone;
