-- 006: the leaders' evaluation (综合评估排位): volunteer counts, the volunteer team register, activity
-- records, field checks (实地督查) and the scoring rules saved per year.

-- Volunteer counts per township (village_code NULL) or village, on a date. scope_code is the village code,
-- or the township code for township rows, so one row per place and date.
CREATE TABLE volunteer_counts (
  id                     serial PRIMARY KEY,
  scope_code             text NOT NULL,
  township_code          text NOT NULL REFERENCES townships(code),
  village_code           text REFERENCES villages(code),
  on_date                date NOT NULL,
  population             integer CHECK (population IS NULL OR population >= 0),   -- resident population, when the file gives it
  registered_residents   integer CHECK (registered_residents IS NULL OR registered_residents >= 0),
  total_cadres           integer CHECK (total_cadres IS NULL OR total_cadres >= 0),
  registered_cadres      integer CHECK (registered_cadres IS NULL OR registered_cadres >= 0),
  participating_cadres   integer CHECK (participating_cadres IS NULL OR participating_cadres >= 0),
  participating_residents integer CHECK (participating_residents IS NULL OR participating_residents >= 0),
  source_id              text REFERENCES data_sources(id),
  UNIQUE (scope_code, on_date)
);
CREATE INDEX volunteer_counts_date ON volunteer_counts(on_date);

-- Volunteer service teams: the district 总队 (corps), its detachments (支队), township 大队 (brigade) and their teams.
CREATE TABLE volunteer_teams (
  id             text PRIMARY KEY,
  name           text NOT NULL CHECK (length(name) > 0),
  level          text NOT NULL CHECK (level IN ('corps', 'detachment', 'brigade', 'team')),
  parent_id      text REFERENCES volunteer_teams(id) ON DELETE SET NULL,
  township_code  text REFERENCES townships(code),
  home_site_id   text REFERENCES sites(id) ON DELETE SET NULL,
  members        integer CHECK (members IS NULL OR members >= 0),
  leader         text NOT NULL DEFAULT '',
  notes          text NOT NULL DEFAULT '',
  source_id      text REFERENCES data_sources(id)
);
CREATE UNIQUE INDEX volunteer_teams_name ON volunteer_teams(name);

-- The district corps and the plan's 15 detachments are part of the plan itself.
INSERT INTO volunteer_teams (id, name, level, parent_id) VALUES ('corps', '朝天区新时代文明实践志愿服务总队', 'corps', NULL);
INSERT INTO volunteer_teams (id, name, level, parent_id)
SELECT 'detachment-' || lpad(n::text, 2, '0'), f || '志愿服务支队', 'detachment', 'corps'
FROM unnest(ARRAY['理论政策宣讲','助学支教','文化文艺服务','科学普及','法律服务','移风易俗','医疗健身','党员','青年','巾帼',
                  '扶弱济困','应急救援','生态环保','关爱残疾人','退役军人']) WITH ORDINALITY AS x(f, n);

CREATE TABLE activities (
  id             text PRIMARY KEY,
  on_date        date NOT NULL,
  township_code  text REFERENCES townships(code),
  site_id        text REFERENCES sites(id) ON DELETE SET NULL,
  team_id        text REFERENCES volunteer_teams(id) ON DELETE SET NULL,
  project        text NOT NULL DEFAULT 'other' CHECK (project IN ('chaotian_talk','virtue','culture','customs','warmth','other')),
  participants   integer CHECK (participants IS NULL OR participants >= 0),
  title          text NOT NULL CHECK (length(title) > 0),
  source_id      text REFERENCES data_sources(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_date ON activities(on_date);
CREATE INDEX activities_site ON activities(site_id);
CREATE INDEX activities_team ON activities(team_id);

CREATE TABLE field_checks (
  id             text PRIMARY KEY,
  township_code  text NOT NULL REFERENCES townships(code),
  on_date        date NOT NULL,
  inspector      text NOT NULL CHECK (length(inspector) > 0),
  score          double precision CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  notes          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_checks_township ON field_checks(township_code, on_date);

-- Scoring rules (weights, targets, entered scores) saved per evaluation year, so a past ranking reproduces.
CREATE TABLE evaluation_rules (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  rules       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
