-- Login throttling and per-address rate limits live in the database, so
-- that every server on one database enforces the same limits and a
-- restart forgets nothing (README, "Operations").
--
-- `login_failures`: one row per username (`u:…`) and per client address
-- (`a:…`). An attempt counts before its password is checked; the row's
-- `locked_until` (seconds since the epoch) is the time before which the
-- next attempt is refused, so parallel attempts cannot pass the policy.
CREATE TABLE login_failures (
    key           TEXT   NOT NULL PRIMARY KEY CHECK (length(key) <= 80),
    failures      BIGINT NOT NULL,
    delay_seconds BIGINT NOT NULL,
    last_at       BIGINT NOT NULL,
    locked_until  BIGINT NOT NULL
);

CREATE INDEX login_failures_by_last ON login_failures (last_at);

-- Token buckets shared by the servers: `tokens` as of `updated_ms`
-- (milliseconds since the epoch); each server adds what it spent.
CREATE TABLE rate_buckets (
    scope      TEXT   NOT NULL,
    key        TEXT   NOT NULL,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE INDEX rate_buckets_by_update ON rate_buckets (updated_ms);

-- Accounts made by `seed-demo` (public password): it may reset these, and
-- never a real account.
ALTER TABLE accounts ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
