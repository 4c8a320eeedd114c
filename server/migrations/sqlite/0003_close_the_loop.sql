-- Closing the loop (formats.md §6): department heads, alert settings,
-- cases, their timeline and call-back numbers, the webhook outbox, action
-- plans.

-- Department heads: one hospital and one department. SQLite cannot change
-- a CHECK in place, so `accounts` is rebuilt; `sessions` refers to it and
-- is rebuilt around it (dropping `accounts` first would delete every
-- session through ON DELETE CASCADE).
CREATE TABLE sessions_kept AS SELECT token_hash, username, created_at, expires_at FROM sessions;
DROP TABLE sessions;

CREATE TABLE accounts_new (
    username      TEXT    NOT NULL PRIMARY KEY,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'hospital_admin', 'department_head')),
    hospital      TEXT,
    created_at    INTEGER NOT NULL,
    department    TEXT,
    CHECK ((role = 'admin' AND hospital IS NULL AND department IS NULL)
        OR (role = 'hospital_admin' AND hospital IS NOT NULL AND department IS NULL)
        OR (role = 'department_head' AND hospital IS NOT NULL AND department IS NOT NULL))
);
INSERT INTO accounts_new (username, password_hash, role, hospital, created_at, department)
    SELECT username, password_hash, role, hospital, created_at, NULL FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;

CREATE TABLE sessions (
    token_hash BLOB    NOT NULL PRIMARY KEY,
    username   TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
INSERT INTO sessions SELECT token_hash, username, created_at, expires_at FROM sessions_kept;
DROP TABLE sessions_kept;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- A response's department, queryable (a department head reads only its
-- own): taken from the stored body for the rows already there, set on
-- insert for new ones. Adding a column renumbers no rowid.
ALTER TABLE responses ADD COLUMN department TEXT NOT NULL DEFAULT '';
UPDATE responses SET department = coalesce(json_extract(body, '$.department'), '');
CREATE INDEX responses_by_department ON responses (hospital, department, submitted_key);

-- A hospital's alert rules, deadline, webhook (with its secret) and
-- call-back offer, as JSON; no row: the defaults.
CREATE TABLE alert_settings (
    hospital   TEXT    NOT NULL PRIMARY KEY,
    settings   TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One case per alerting response, inserted in the transaction that stores
-- the response. `reasons` is the JSON list of why. `overdue_notified` is 1
-- once the case was found overdue (its notification queued exactly once).
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    response_id      TEXT    NOT NULL UNIQUE REFERENCES responses (id),
    hospital         TEXT    NOT NULL,
    department       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    due_at           INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    assignee         TEXT,
    reasons          TEXT    NOT NULL,
    overdue_notified INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_by_scope ON cases (hospital, department, created_at);
CREATE INDEX cases_by_due ON cases (overdue_notified, due_at);

-- The call-back number, apart from everything else, deleted on resolve or
-- close, or once `expires_at` has passed.
CREATE TABLE case_contacts (
    case_id    INTEGER NOT NULL PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    phone      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX case_contacts_by_expiry ON case_contacts (expires_at);

-- A case's timeline: `action` is the JSON of the action taken.
CREATE TABLE case_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at       INTEGER NOT NULL,
    username TEXT    NOT NULL,
    action   TEXT    NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- Webhook deliveries waiting or done. Times in milliseconds. A deliverer
-- claims a row by setting `lease_until`; a crashed one's lease runs out
-- and another takes the row again (at least once).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    hospital        TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER NOT NULL DEFAULT 0,
    delivered_at    INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_waiting ON outbox (delivered_at, next_attempt_at);

-- The action-plan ledger (整改台账). `notes` is a JSON list.
CREATE TABLE action_plans (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    hospital     TEXT    NOT NULL,
    department   TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    target_scope TEXT    NOT NULL CHECK (target_scope IN ('item', 'stage', 'index')),
    target_id    TEXT    NOT NULL,
    owner        TEXT    NOT NULL,
    due          TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
    started      TEXT    NOT NULL,
    notes        TEXT    NOT NULL,
    public_text  TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX action_plans_by_scope ON action_plans (hospital, department, id);
