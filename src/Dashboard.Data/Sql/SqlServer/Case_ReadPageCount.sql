-- The same filter as Case_ReadPage: the total of all its pages.
SELECT COUNT(*)
FROM dbo.cases
WHERE (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)
    AND (@Open IS NULL OR is_open = @Open)
    AND (@Complex IS NULL OR is_complex = @Complex)
OPTION (RECOMPILE);
