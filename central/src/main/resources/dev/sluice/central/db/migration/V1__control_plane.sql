-- Central's configuration database. Portable between SQLite and PostgreSQL: text ids (UUIDs),
-- BIGINT epoch milliseconds for times, INTEGER 0/1 for flags, JSON documents as TEXT.

CREATE TABLE tenants (
  id                  VARCHAR(64) PRIMARY KEY,
  name                VARCHAR(200) NOT NULL,
  license_packs       TEXT NOT NULL,
  internal_domains    TEXT NOT NULL,
  internal_ip_ranges  TEXT NOT NULL,
  domains_confirmed   INTEGER NOT NULL,
  created_at          BIGINT NOT NULL
);

CREATE TABLE users (
  id             VARCHAR(64) PRIMARY KEY,
  tenant_id      VARCHAR(64) NOT NULL REFERENCES tenants(id),
  email          VARCHAR(320) NOT NULL UNIQUE,
  name           VARCHAR(200) NOT NULL,
  password_hash  TEXT NOT NULL,
  role           VARCHAR(32) NOT NULL,
  operator       INTEGER NOT NULL,
  created_at     BIGINT NOT NULL
);

CREATE TABLE tokens (
  id            VARCHAR(64) PRIMARY KEY,
  user_id       VARCHAR(64) NOT NULL REFERENCES users(id),
  token_hash    VARCHAR(64) NOT NULL UNIQUE,
  kind          VARCHAR(16) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  role          VARCHAR(32) NOT NULL,
  created_at    BIGINT NOT NULL,
  expires_at    BIGINT
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE audit_log (
  id           VARCHAR(64) PRIMARY KEY,
  tenant_id    VARCHAR(64),
  actor_id     VARCHAR(64),
  actor        VARCHAR(320) NOT NULL,
  action       VARCHAR(100) NOT NULL,
  target_type  VARCHAR(50) NOT NULL,
  target_id    VARCHAR(64),
  detail       TEXT NOT NULL,
  at           BIGINT NOT NULL,
  seq          BIGINT NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log(tenant_id, seq);

CREATE TABLE tenant_cas (
  tenant_id        VARCHAR(64) PRIMARY KEY REFERENCES tenants(id),
  certificate_pem  TEXT NOT NULL,
  private_key_pem  TEXT NOT NULL,
  created_at       BIGINT NOT NULL
);

CREATE TABLE appliances (
  id                  VARCHAR(64) PRIMARY KEY,
  tenant_id           VARCHAR(64) NOT NULL REFERENCES tenants(id),
  name                VARCHAR(200) NOT NULL,
  description         TEXT NOT NULL,
  platform            VARCHAR(16) NOT NULL,
  network             TEXT NOT NULL,
  syslog_ip_version   VARCHAR(8) NOT NULL,
  syslog_address      VARCHAR(64) NOT NULL,
  certificate_serial  VARCHAR(64),
  enrolled_at         BIGINT,
  hostname            VARCHAR(253),
  version             VARCHAR(64),
  last_heartbeat_at   BIGINT,
  last_heartbeat      TEXT,
  created_at          BIGINT NOT NULL
);
CREATE INDEX appliances_tenant ON appliances(tenant_id);

CREATE TABLE integrations (
  id               VARCHAR(64) PRIMARY KEY,
  tenant_id        VARCHAR(64) NOT NULL REFERENCES tenants(id),
  appliance_id     VARCHAR(64) NOT NULL REFERENCES appliances(id),
  product          VARCHAR(64) NOT NULL,
  name             VARCHAR(200) NOT NULL,
  description      TEXT NOT NULL,
  port             INTEGER NOT NULL,
  created_at       BIGINT NOT NULL,
  health_status    VARCHAR(32) NOT NULL,
  health_reason    TEXT,
  unhealthy_since  BIGINT,
  CONSTRAINT integrations_port_unique UNIQUE (appliance_id, port)
);
CREATE INDEX integrations_tenant ON integrations(tenant_id);

CREATE TABLE images (
  id                  VARCHAR(64) PRIMARY KEY,
  tenant_id           VARCHAR(64) NOT NULL REFERENCES tenants(id),
  appliance_id        VARCHAR(64) NOT NULL REFERENCES appliances(id),
  platform            VARCHAR(16) NOT NULL,
  state               VARCHAR(16) NOT NULL,
  failure_reason      TEXT,
  file_name           VARCHAR(200),
  size_bytes          BIGINT,
  sha256              VARCHAR(64),
  secret_hash         VARCHAR(64) NOT NULL,
  secret_state        VARCHAR(16) NOT NULL,
  secret_expires_at   BIGINT NOT NULL,
  created_at          BIGINT NOT NULL,
  ready_at            BIGINT,
  used_at             BIGINT
);
CREATE INDEX images_appliance ON images(appliance_id, platform);

CREATE TABLE alerts (
  id               VARCHAR(64) PRIMARY KEY,
  tenant_id        VARCHAR(64) NOT NULL REFERENCES tenants(id),
  integration_id   VARCHAR(64),
  appliance_id     VARCHAR(64),
  kind             VARCHAR(64) NOT NULL,
  severity         VARCHAR(16) NOT NULL,
  message          TEXT NOT NULL,
  raised_at        BIGINT NOT NULL,
  acknowledged_at  BIGINT,
  acknowledged_by  VARCHAR(320),
  resolved_at      BIGINT
);
CREATE INDEX alerts_tenant ON alerts(tenant_id, raised_at);
