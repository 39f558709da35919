-- 003: accounts (users, sessions, API tokens), settings and the append-only audit trail.

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'planner', 'township_editor', 'viewer')),
  townships     jsonb NOT NULL DEFAULT '[]'::jsonb,   -- township codes a township_editor may edit
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Cookie sessions: only the SHA-256 of the session secret is stored.
CREATE TABLE sessions (
  secret_hash text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- API tokens for scripts: hashed at rest, scoped to a role no higher than their owner's, revocable.
CREATE TABLE api_tokens (
  id          text PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name        text NOT NULL DEFAULT '',
  role        text NOT NULL CHECK (role IN ('admin', 'planner', 'township_editor', 'viewer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who changed what: one row per write, inserted in the same transaction as the write.
-- No foreign keys, so a row outlives the user or site it names.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id       text,
  username      text NOT NULL,
  role          text,
  address       text NOT NULL DEFAULT '',
  action        text NOT NULL,         -- e.g. site.create, site.delete, import.sites, scenario.accept, user.update
  entity        text NOT NULL,         -- site, village, import, scenario, user, token, settings
  entity_id     text,
  township_code text,
  site_id       text,
  before        jsonb,
  after         jsonb,
  details       jsonb
);
CREATE INDEX audit_log_at ON audit_log(at DESC, id DESC);
CREATE INDEX audit_log_site ON audit_log(site_id);
CREATE INDEX audit_log_user ON audit_log(user_id);
CREATE INDEX audit_log_township ON audit_log(township_code);

-- Append-only: a trigger (portable to PGlite and PostgreSQL) refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
