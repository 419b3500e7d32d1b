SELECT COUNT(*) FROM dbo.alerts WHERE id = @Id AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution)) AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode);
