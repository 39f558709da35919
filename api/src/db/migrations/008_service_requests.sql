-- 008: service requests (群众点单、派单、接单、评单), the dispatcher role and the sites a dispatcher works for.

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'planner', 'township_editor', 'dispatcher', 'viewer'));
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('admin', 'planner', 'township_editor', 'dispatcher', 'viewer'));

-- The sites a dispatcher (a site's operator) dispatches for.
CREATE TABLE user_sites (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, site_id)
);
CREATE INDEX user_sites_site ON user_sites(site_id);

CREATE TABLE service_requests (
  id              text PRIMARY KEY,
  tracking_code   text NOT NULL UNIQUE,
  service         text NOT NULL,
  description     text NOT NULL,
  -- Personal data: erased (set NULL, erased_at set) after the retention period.
  contact_name    text,
  phone           text,
  phone_hash      text,            -- SHA-256 of the phone, kept for the per-phone limit after erasure
  client_hash     text NOT NULL,   -- SHA-256 of the submitting address, for the per-address limit
  erased_at       timestamptz,
  lng             double precision,
  lat             double precision,
  village_code    text REFERENCES villages(code),
  location_precision text NOT NULL CHECK (location_precision IN ('point', 'village')),
  township_code   text REFERENCES townships(code),
  outside_circle  boolean,         -- NULL: the place is approximate, no verdict
  proposed        jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_site_id   text REFERENCES sites(id) ON DELETE SET NULL,   -- the site it was first routed to (daily cap)
  site_id         text REFERENCES sites(id) ON DELETE SET NULL,   -- the site dispatching it now
  team_id         text REFERENCES volunteer_teams(id) ON DELETE SET NULL,
  status          text NOT NULL DEFAULT 'submitted'
                  CHECK (status IN ('submitted','dispatched','accepted','done','rated','declined','passed_up','cancelled','expired')),
  reason          text NOT NULL DEFAULT '',
  note            text NOT NULL DEFAULT '',
  stars           integer CHECK (stars IS NULL OR stars BETWEEN 1 AND 5),
  rating_comment  text NOT NULL DEFAULT '',
  accepted_by     text,
  submitted_at    timestamptz NOT NULL DEFAULT now(),
  dispatched_at   timestamptz,
  accepted_at     timestamptz,
  done_at         timestamptz,
  rated_at        timestamptz,
  closed_at       timestamptz,
  dispatch_due_at timestamptz NOT NULL,
  accept_due_at   timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((lng IS NULL) = (lat IS NULL))
);
CREATE INDEX service_requests_site ON service_requests(site_id, status);
CREATE INDEX service_requests_township ON service_requests(township_code, submitted_at);
CREATE INDEX service_requests_submitted ON service_requests(submitted_at);
CREATE INDEX service_requests_client ON service_requests(client_hash, submitted_at);
CREATE INDEX service_requests_phone ON service_requests(phone_hash, submitted_at);
