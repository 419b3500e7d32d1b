INSERT INTO demo_settings (name, value) VALUES (@Name, @Value)
ON CONFLICT (name) DO UPDATE SET value = excluded.value;
