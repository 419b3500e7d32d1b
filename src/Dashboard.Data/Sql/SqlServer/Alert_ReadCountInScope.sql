SELECT COUNT(*) FROM dbo.alerts WHERE id = @Id AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode) AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode);
