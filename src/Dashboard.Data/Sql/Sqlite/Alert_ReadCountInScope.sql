SELECT COUNT(*) FROM alerts WHERE id = @Id AND (@RegionCode IS NULL OR region_code = @RegionCode) AND (@UnitCode IS NULL OR unit_code = @UnitCode);
