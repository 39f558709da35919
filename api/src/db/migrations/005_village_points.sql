-- 005: how sure a village point is, and who set it. A point placed by hand is 'approximate' unless the user
-- says it is exact; imported points keep 'exact'. `placed_by` is 'import' or 'hand'.
ALTER TABLE villages ADD COLUMN location_precision text CHECK (location_precision IS NULL OR location_precision IN ('exact', 'approximate'));
ALTER TABLE villages ADD COLUMN placed_by text CHECK (placed_by IS NULL OR placed_by IN ('import', 'hand'));
UPDATE villages SET location_precision = 'exact', placed_by = 'import' WHERE lng IS NOT NULL;
