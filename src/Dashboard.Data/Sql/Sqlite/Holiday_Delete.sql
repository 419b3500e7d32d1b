DELETE FROM holidays WHERE country = @Country AND date = @Date;
