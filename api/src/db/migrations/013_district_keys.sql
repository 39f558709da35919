-- 013: every district table's primary key leads with district_code, and every foreign key between district tables
-- is composite (district_code, …) → (district_code, …) — what a Citus distribution on district_code needs
-- (docs/scaling.md), and a reference from one county to another county's row is now impossible.
-- Global tables (users, sessions, api_tokens, settings, schema_migrations, seed_state, district, data_sources,
-- audit_log) keep their keys; a district table's reference to one of them stays a plain foreign key.
-- ON DELETE SET NULL names its column, so district_code itself is never nulled (PostgreSQL 15+).

-- user_sites (a dispatcher's sites) points at sites, so it becomes a district table too: the site's district.
ALTER TABLE user_sites ADD COLUMN district_code text;
UPDATE user_sites u SET district_code = s.district_code FROM sites s WHERE s.id = u.site_id;
ALTER TABLE user_sites ALTER COLUMN district_code SET NOT NULL;

-- 1. Drop the foreign keys that point at the single-column keys.
ALTER TABLE villages DROP CONSTRAINT villages_township_code_fkey;
ALTER TABLE sites DROP CONSTRAINT sites_township_code_fkey;
ALTER TABLE sites DROP CONSTRAINT sites_village_code_fkey;
ALTER TABLE scenario_sites DROP CONSTRAINT scenario_sites_scenario_id_fkey;
ALTER TABLE scenario_sites DROP CONSTRAINT scenario_sites_township_code_fkey;
ALTER TABLE volunteer_counts DROP CONSTRAINT volunteer_counts_township_code_fkey;
ALTER TABLE volunteer_counts DROP CONSTRAINT volunteer_counts_village_code_fkey;
ALTER TABLE volunteer_teams DROP CONSTRAINT volunteer_teams_parent_id_fkey;
ALTER TABLE volunteer_teams DROP CONSTRAINT volunteer_teams_township_code_fkey;
ALTER TABLE volunteer_teams DROP CONSTRAINT volunteer_teams_home_site_id_fkey;
ALTER TABLE activities DROP CONSTRAINT activities_township_code_fkey;
ALTER TABLE activities DROP CONSTRAINT activities_site_id_fkey;
ALTER TABLE activities DROP CONSTRAINT activities_team_id_fkey;
ALTER TABLE field_checks DROP CONSTRAINT field_checks_township_code_fkey;
ALTER TABLE service_requests DROP CONSTRAINT service_requests_township_code_fkey;
ALTER TABLE service_requests DROP CONSTRAINT service_requests_village_code_fkey;
ALTER TABLE service_requests DROP CONSTRAINT service_requests_first_site_id_fkey;
ALTER TABLE service_requests DROP CONSTRAINT service_requests_site_id_fkey;
ALTER TABLE service_requests DROP CONSTRAINT service_requests_team_id_fkey;
ALTER TABLE user_sites DROP CONSTRAINT user_sites_site_id_fkey;

-- 2. Primary keys led by district_code (replacing 009's (district_code, …) unique keys, which they duplicate).
ALTER TABLE townships DROP CONSTRAINT townships_pkey, DROP CONSTRAINT townships_district_code_key, ADD PRIMARY KEY (district_code, code);
ALTER TABLE villages DROP CONSTRAINT villages_pkey, DROP CONSTRAINT villages_district_code_key, ADD PRIMARY KEY (district_code, code);
ALTER TABLE sites DROP CONSTRAINT sites_pkey, DROP CONSTRAINT sites_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE scenarios DROP CONSTRAINT scenarios_pkey, DROP CONSTRAINT scenarios_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE scenario_sites DROP CONSTRAINT scenario_sites_pkey, DROP CONSTRAINT scenario_sites_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE road_graphs DROP CONSTRAINT road_graphs_pkey, DROP CONSTRAINT road_graphs_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE demand_sets DROP CONSTRAINT demand_sets_pkey, DROP CONSTRAINT demand_sets_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE volunteer_counts DROP CONSTRAINT volunteer_counts_pkey, ADD PRIMARY KEY (district_code, id);
ALTER TABLE volunteer_teams DROP CONSTRAINT volunteer_teams_pkey, DROP CONSTRAINT volunteer_teams_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE activities DROP CONSTRAINT activities_pkey, DROP CONSTRAINT activities_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE field_checks DROP CONSTRAINT field_checks_pkey, DROP CONSTRAINT field_checks_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE service_requests DROP CONSTRAINT service_requests_pkey, DROP CONSTRAINT service_requests_district_id_key, ADD PRIMARY KEY (district_code, id);
ALTER TABLE user_sites DROP CONSTRAINT user_sites_pkey, ADD PRIMARY KEY (district_code, user_id, site_id);
-- Lookups by id alone (the resident's tracking page, the request sweep, a dispatcher's sites) keep an index.
CREATE INDEX sites_id ON sites(id);
CREATE INDEX service_requests_id ON service_requests(id);
CREATE INDEX user_sites_user ON user_sites(user_id);

-- 3. Composite foreign keys, same ON DELETE behaviour as before.
ALTER TABLE villages ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE sites ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE sites ADD FOREIGN KEY (district_code, village_code) REFERENCES villages (district_code, code);
ALTER TABLE scenario_sites ADD FOREIGN KEY (district_code, scenario_id) REFERENCES scenarios (district_code, id) ON DELETE CASCADE;
ALTER TABLE scenario_sites ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE volunteer_counts ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE volunteer_counts ADD FOREIGN KEY (district_code, village_code) REFERENCES villages (district_code, code);
ALTER TABLE volunteer_teams ADD FOREIGN KEY (district_code, parent_id) REFERENCES volunteer_teams (district_code, id) ON DELETE SET NULL (parent_id);
ALTER TABLE volunteer_teams ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE volunteer_teams ADD FOREIGN KEY (district_code, home_site_id) REFERENCES sites (district_code, id) ON DELETE SET NULL (home_site_id);
ALTER TABLE activities ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE activities ADD FOREIGN KEY (district_code, site_id) REFERENCES sites (district_code, id) ON DELETE SET NULL (site_id);
ALTER TABLE activities ADD FOREIGN KEY (district_code, team_id) REFERENCES volunteer_teams (district_code, id) ON DELETE SET NULL (team_id);
ALTER TABLE field_checks ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE service_requests ADD FOREIGN KEY (district_code, township_code) REFERENCES townships (district_code, code);
ALTER TABLE service_requests ADD FOREIGN KEY (district_code, village_code) REFERENCES villages (district_code, code);
ALTER TABLE service_requests ADD FOREIGN KEY (district_code, first_site_id) REFERENCES sites (district_code, id) ON DELETE SET NULL (first_site_id);
ALTER TABLE service_requests ADD FOREIGN KEY (district_code, site_id) REFERENCES sites (district_code, id) ON DELETE SET NULL (site_id);
ALTER TABLE service_requests ADD FOREIGN KEY (district_code, team_id) REFERENCES volunteer_teams (district_code, id) ON DELETE SET NULL (team_id);
ALTER TABLE user_sites ADD FOREIGN KEY (district_code, site_id) REFERENCES sites (district_code, id) ON DELETE CASCADE;
