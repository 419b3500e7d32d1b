DELETE FROM dbo.holidays WHERE country = @Country AND [date] = CAST(@Date AS DATE);
