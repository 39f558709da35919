-- 009: one server, many districts (issue 14). Every table that holds a district's data carries `district_code`
-- (the county code, e.g. 510812 朝天区); the rows that existed before belong to 朝天区, the only district then.
-- Each such table gets a unique key that starts with the district code — the key a Citus distribution on
-- district_code needs (docs/scaling.md). The single-column keys stay for now, because foreign keys (ours and those
-- of later migrations) point at them; their values are unique across districts anyway (county-prefixed codes,
-- random ids). Unique names and natural keys that are only unique inside a county become per district.

ALTER TABLE district ADD COLUMN parent_code text;
UPDATE district SET parent_code = '510800';

ALTER TABLE townships ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE townships ADD CONSTRAINT townships_district_code_key UNIQUE (district_code, code);
ALTER TABLE townships DROP CONSTRAINT townships_name_key;
ALTER TABLE townships ADD CONSTRAINT townships_district_name_key UNIQUE (district_code, name);

ALTER TABLE villages ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE villages ADD CONSTRAINT villages_district_code_key UNIQUE (district_code, code);

ALTER TABLE sites ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE sites ADD CONSTRAINT sites_district_id_key UNIQUE (district_code, id);
ALTER TABLE sites DROP CONSTRAINT sites_code_key;
ALTER TABLE sites ADD CONSTRAINT sites_district_register_code_key UNIQUE (district_code, code);
CREATE INDEX sites_district_kind ON sites(district_code, kind);

ALTER TABLE scenarios ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE scenarios ADD CONSTRAINT scenarios_district_id_key UNIQUE (district_code, id);
ALTER TABLE scenario_sites ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE scenario_sites ADD CONSTRAINT scenario_sites_district_id_key UNIQUE (district_code, id);

-- Data sources: NULL = shared by every district (basemap rivers); a county's own sources carry its code.
ALTER TABLE data_sources ADD COLUMN district_code text DEFAULT '510812';

ALTER TABLE road_graphs ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE road_graphs ADD CONSTRAINT road_graphs_district_id_key UNIQUE (district_code, id);
DROP INDEX road_graphs_one_active;
CREATE UNIQUE INDEX road_graphs_one_active ON road_graphs(district_code) WHERE active;

ALTER TABLE demand_sets ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE demand_sets ADD CONSTRAINT demand_sets_district_id_key UNIQUE (district_code, id);
DROP INDEX demand_sets_one_active;
CREATE UNIQUE INDEX demand_sets_one_active ON demand_sets(district_code) WHERE active;

ALTER TABLE volunteer_counts ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE volunteer_counts DROP CONSTRAINT volunteer_counts_scope_code_on_date_key;
ALTER TABLE volunteer_counts ADD CONSTRAINT volunteer_counts_district_scope_date_key UNIQUE (district_code, scope_code, on_date);

ALTER TABLE volunteer_teams ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE volunteer_teams ADD CONSTRAINT volunteer_teams_district_id_key UNIQUE (district_code, id);
DROP INDEX volunteer_teams_name;
CREATE UNIQUE INDEX volunteer_teams_name ON volunteer_teams(district_code, name);

ALTER TABLE activities ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE activities ADD CONSTRAINT activities_district_id_key UNIQUE (district_code, id);
ALTER TABLE field_checks ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE field_checks ADD CONSTRAINT field_checks_district_id_key UNIQUE (district_code, id);

ALTER TABLE evaluation_rules ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE evaluation_rules DROP CONSTRAINT evaluation_rules_pkey;
ALTER TABLE evaluation_rules ADD PRIMARY KEY (district_code, year);

ALTER TABLE service_requests ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE service_requests ADD CONSTRAINT service_requests_district_id_key UNIQUE (district_code, id);
CREATE INDEX service_requests_district ON service_requests(district_code, submitted_at);

-- Audit rows that concern a district carry it; account and settings rows have none. ADD COLUMN fills the existing
-- rows without firing the append-only trigger (朝天区 was the only district they could concern).
ALTER TABLE audit_log ADD COLUMN district_code text DEFAULT '510812';
ALTER TABLE audit_log ALTER COLUMN district_code DROP DEFAULT;
CREATE INDEX audit_log_district ON audit_log(district_code, at DESC);

-- The data version is per district: caches are keyed by district + version.
ALTER TABLE data_version ADD COLUMN district_code text NOT NULL DEFAULT '510812';
ALTER TABLE data_version DROP CONSTRAINT data_version_pkey;
ALTER TABLE data_version DROP COLUMN id;
ALTER TABLE data_version ADD PRIMARY KEY (district_code);
ALTER TABLE data_version ALTER COLUMN district_code DROP DEFAULT;

-- A user's (and their tokens') district: a county code, or the city 510800 (reads every county, writes none).
ALTER TABLE users ADD COLUMN district_code text NOT NULL DEFAULT '510812';

-- New rows must name their district: no default from here on (service_requests keeps 朝天区 as its default until
-- the resident page's request form names a district).
ALTER TABLE townships ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE villages ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE sites ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE scenarios ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE scenario_sites ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE data_sources ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE road_graphs ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE demand_sets ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE volunteer_counts ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE volunteer_teams ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE activities ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE field_checks ALTER COLUMN district_code DROP DEFAULT;
ALTER TABLE evaluation_rules ALTER COLUMN district_code DROP DEFAULT;
