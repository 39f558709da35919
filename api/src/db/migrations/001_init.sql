-- 001: core tables. Plain SQL that runs on PostgreSQL 15 and on embedded PGlite.

CREATE TABLE data_sources (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  licence     text NOT NULL,
  attribution text NOT NULL DEFAULT '',
  datum       text NOT NULL,
  vintage     text NOT NULL DEFAULT '',
  modelled    boolean NOT NULL DEFAULT false,
  origin      text NOT NULL DEFAULT '',
  notes       text NOT NULL DEFAULT '',
  loaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE district (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL,
  boundary    jsonb NOT NULL,          -- GeoJSON MultiPolygon, WGS-84
  seat_lng    double precision,
  seat_lat    double precision,
  seat_source text NOT NULL DEFAULT ''
);

CREATE TABLE townships (
  code            text PRIMARY KEY,
  name            text NOT NULL UNIQUE,
  name_en         text NOT NULL DEFAULT '',
  seat_lng        double precision,
  seat_lat        double precision,
  seat_precision  text CHECK (seat_precision IN ('seat-2016', 'approximate')),
  seat_method     text NOT NULL DEFAULT '',
  boundary        jsonb,                -- imported polygon (WGS-84), NULL until imported
  boundary_source text,
  CHECK ((seat_lng IS NULL) = (seat_lat IS NULL))
);

CREATE TABLE villages (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  short_name     text NOT NULL,
  township_code  text NOT NULL REFERENCES townships(code),
  type           text NOT NULL CHECK (type IN ('village', 'community')),
  lng            double precision,
  lat            double precision,
  population     integer CHECK (population IS NULL OR population >= 0),
  source         text,
  CHECK ((lng IS NULL) = (lat IS NULL))
);
CREATE INDEX villages_township ON villages(township_code);

CREATE TABLE sites (
  id             text PRIMARY KEY,
  code           text UNIQUE,            -- the district's own register code, if any
  kind           text NOT NULL CHECK (kind IN ('center','institute','station','square','base','point','household','volunteer_site')),
  name           text NOT NULL CHECK (length(name) > 0),
  township_code  text REFERENCES townships(code),
  village_code   text REFERENCES villages(code),
  lng            double precision,
  lat            double precision,
  location_precision text NOT NULL DEFAULT 'exact' CHECK (location_precision IN ('exact', 'approximate')),
  status         text NOT NULL DEFAULT 'existing' CHECK (status IN ('existing','planned','proposed')),
  demonstration  boolean NOT NULL DEFAULT false,
  has_sign       boolean NOT NULL DEFAULT false,   -- 有标识
  has_staff      boolean NOT NULL DEFAULT false,   -- 有人员
  has_activities boolean NOT NULL DEFAULT false,   -- 有活动
  has_projects   boolean NOT NULL DEFAULT false,   -- 有项目
  has_rules      boolean NOT NULL DEFAULT false,   -- 有制度
  venue_type     text CHECK (venue_type IS NULL OR venue_type IN ('transit','scenic','park','hospital','mall','other')),
  address        text NOT NULL DEFAULT '',
  contact        text NOT NULL DEFAULT '',
  phone          text NOT NULL DEFAULT '',
  notes          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((lng IS NULL) = (lat IS NULL))
);
CREATE INDEX sites_kind ON sites(kind);
CREATE INDEX sites_township ON sites(township_code);

-- Monotonic data version: bumped by every change to sites or data, used to key the coverage cache.
CREATE TABLE data_version (
  id      integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

-- Shipped-data load marker: written in the same transaction as the data itself.
CREATE TABLE seed_state (
  name      text PRIMARY KEY,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Road graphs (CSR arrays serialised as one binary blob); exactly one may be active.
CREATE TABLE road_graphs (
  id          serial PRIMARY KEY,
  source_name text NOT NULL,
  node_count  integer NOT NULL,
  edge_count  integer NOT NULL,
  data        bytea NOT NULL,
  speeds      jsonb NOT NULL DEFAULT '{}'::jsonb,
  active      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX road_graphs_one_active ON road_graphs(active) WHERE active;

-- Demand sets: imported village points or population grids; the modelled surface needs no row.
CREATE TABLE demand_sets (
  id          serial PRIMARY KEY,
  source_id   text NOT NULL REFERENCES data_sources(id),
  kind        text NOT NULL CHECK (kind IN ('villages', 'grid')),
  cell_half_size_meters double precision NOT NULL DEFAULT 0,
  points      jsonb NOT NULL,            -- [[lng, lat, population], ...] WGS-84
  active      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX demand_sets_one_active ON demand_sets(active) WHERE active;
