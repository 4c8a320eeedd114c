-- Closing the loop (formats.md §6): department heads, alert settings,
-- cases, their timeline and call-back numbers, the webhook outbox, action
-- plans.

-- Department heads: one hospital and one department.
ALTER TABLE accounts ADD COLUMN department TEXT;
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check;
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('admin', 'hospital_admin', 'department_head'));
ALTER TABLE accounts ADD CONSTRAINT accounts_scope_check
    CHECK ((role = 'admin' AND hospital IS NULL AND department IS NULL)
        OR (role = 'hospital_admin' AND hospital IS NOT NULL AND department IS NULL)
        OR (role = 'department_head' AND hospital IS NOT NULL AND department IS NOT NULL));

-- A response's department, queryable (a department head reads only its
-- own): taken from the stored body for the rows already there, set on
-- insert for new ones.
ALTER TABLE responses ADD COLUMN department TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE responses SET department = coalesce(body::jsonb ->> 'department', '');
CREATE INDEX responses_by_department ON responses (hospital, department, submitted_key, id);

-- A hospital's alert rules, deadline, webhook (with its secret) and
-- call-back offer, as JSON; no row: the defaults.
CREATE TABLE alert_settings (
    hospital   TEXT    NOT NULL PRIMARY KEY,
    settings   TEXT    NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One case per alerting response, inserted in the transaction that stores
-- the response. `reasons` is the JSON list of why. `overdue_notified` is 1
-- once the case was found overdue (its notification queued exactly once).
CREATE TABLE cases (
    id               BIGSERIAL PRIMARY KEY,
    response_id      TEXT    NOT NULL UNIQUE REFERENCES responses (id),
    hospital         TEXT    NOT NULL,
    department       TEXT    NOT NULL,
    created_at       BIGINT NOT NULL,
    due_at           BIGINT NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    assignee         TEXT,
    reasons          TEXT    NOT NULL,
    overdue_notified BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX cases_by_scope ON cases (hospital, department, created_at);
CREATE INDEX cases_by_due ON cases (overdue_notified, due_at);

-- The call-back number, apart from everything else, deleted on resolve or
-- close, or once `expires_at` has passed.
CREATE TABLE case_contacts (
    case_id    BIGINT NOT NULL PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    phone      TEXT    NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX case_contacts_by_expiry ON case_contacts (expires_at);

-- A case's timeline: `action` is the JSON of the action taken.
CREATE TABLE case_events (
    id       BIGSERIAL PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at       BIGINT NOT NULL,
    username TEXT    NOT NULL,
    action   TEXT    NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- Webhook deliveries waiting or done. Times in milliseconds. A deliverer
-- claims a row by setting `lease_until`; a crashed one's lease runs out
-- and another takes the row again (at least once).
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    hospital        TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    body            TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT NOT NULL DEFAULT 0,
    delivered_at    BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_waiting ON outbox (delivered_at, next_attempt_at);

-- The action-plan ledger (整改台账). `notes` is a JSON list.
CREATE TABLE action_plans (
    id           BIGSERIAL PRIMARY KEY,
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
    created_at   BIGINT NOT NULL
);
CREATE INDEX action_plans_by_scope ON action_plans (hospital, department, id);
