-- 002: planning scenarios: named sets of proposed sites on top of the current network.
CREATE TABLE scenarios (
  id          text PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) > 0),
  description text NOT NULL DEFAULT '',
  mode        text NOT NULL DEFAULT 'walk' CHECK (mode IN ('walk', 'bike', 'car')),
  minutes     double precision NOT NULL DEFAULT 15 CHECK (minutes > 0 AND minutes <= 60),
  older       boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scenario_sites (
  id             text PRIMARY KEY,
  scenario_id    text NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('center','institute','station','square','base','point','household','volunteer_site')),
  name           text NOT NULL CHECK (length(name) > 0),
  township_code  text REFERENCES townships(code),
  lng            double precision NOT NULL,
  lat            double precision NOT NULL,
  rank           integer,
  accepted_site_id text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenario_sites_scenario ON scenario_sites(scenario_id);
