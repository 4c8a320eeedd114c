-- One row per response id (formats.md §2: the id is the idempotency key).
-- `body` is the canonical JSON of the response; `content_hash` its SHA-256,
-- compared when the same id arrives again (same hash: duplicate, else
-- conflict). `submitted_key` is `submitted_at` rewritten with a fixed
-- nine-digit fraction so that text order is time order (export order is
-- submitted_at, then id; formats.md §3). COLLATE "C" makes text order byte
-- order, as in SQLite, whatever the cluster's locale.
CREATE TABLE responses (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    hospital      TEXT COLLATE "C" NOT NULL,
    submitted_key TEXT COLLATE "C" NOT NULL,
    content_hash  BYTEA  NOT NULL,
    body          TEXT   NOT NULL,
    received_at   BIGINT NOT NULL
);

CREATE INDEX responses_by_time ON responses (submitted_key, id);
CREATE INDEX responses_by_hospital ON responses (hospital, submitted_key, id);

CREATE TABLE accounts (
    username      TEXT   NOT NULL PRIMARY KEY,
    password_hash TEXT   NOT NULL,
    role          TEXT   NOT NULL CHECK (role IN ('admin', 'hospital_admin')),
    hospital      TEXT,
    created_at    BIGINT NOT NULL,
    CHECK ((role = 'admin' AND hospital IS NULL) OR (role = 'hospital_admin' AND hospital IS NOT NULL))
);

-- Only the SHA-256 of a session token is stored: a copy of the database
-- does not let anyone log in.
CREATE TABLE sessions (
    token_hash BYTEA  NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);
