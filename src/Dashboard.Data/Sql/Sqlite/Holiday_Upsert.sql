INSERT INTO holidays (country, date, name) VALUES (@Country, @Date, @Name)
ON CONFLICT (country, date) DO UPDATE SET name = excluded.name;
