-- The registry and the kiosk fleet (docs/formats.md §7).
--
-- Hospitals and departments give codes their names in zh-CN, zh-Hant and
-- en (an empty text: not given). Responses do not refer to them: a
-- response whose codes are not registered is still stored.
CREATE TABLE hospitals (
    code         TEXT    NOT NULL PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name_zh_cn   TEXT    NOT NULL,
    name_zh_hant TEXT    NOT NULL DEFAULT '',
    name_en      TEXT    NOT NULL DEFAULT '',
    level        TEXT    CHECK (level IN ('三级', '二级', '一级')),
    kind         TEXT    CHECK (kind IN ('general', 'specialist', 'tcm')),
    region       TEXT,
    updated_at   INTEGER NOT NULL,
    CHECK (name_zh_cn <> '' OR name_zh_hant <> '' OR name_en <> '')
);

-- `position` keeps the order staff gave.
CREATE TABLE departments (
    hospital     TEXT    NOT NULL REFERENCES hospitals (code) ON DELETE CASCADE,
    code         TEXT    NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    name_zh_cn   TEXT    NOT NULL,
    name_zh_hant TEXT    NOT NULL DEFAULT '',
    name_en      TEXT    NOT NULL DEFAULT '',
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (hospital, code),
    CHECK (name_zh_cn <> '' OR name_zh_hant <> '' OR name_en <> '')
);

-- A kiosk is created with the SHA-256 of a one-time setup code; the device
-- that opens the setup URL exchanges the code (which is then forgotten)
-- for a secret, of which only the SHA-256 is kept too. The remaining
-- columns are the last heartbeat. `oldest_pending_at` is the server's time
-- of the oldest waiting answer, so it keeps ageing while a kiosk is quiet.
CREATE TABLE kiosks (
    id                TEXT    NOT NULL PRIMARY KEY,
    hospital          TEXT    NOT NULL REFERENCES hospitals (code),
    department        TEXT,
    name              TEXT    NOT NULL,
    location          TEXT,
    setup_hash        BLOB,
    secret_hash       BLOB,
    created_at        INTEGER NOT NULL,
    set_up_at         INTEGER,
    last_seen         INTEGER,
    app_version       TEXT,
    outbox_pending    INTEGER NOT NULL DEFAULT 0 CHECK (outbox_pending >= 0),
    outbox_rejected   INTEGER NOT NULL DEFAULT 0 CHECK (outbox_rejected >= 0),
    last_delivered_at TEXT,
    oldest_pending_at INTEGER,
    CHECK (setup_hash IS NOT NULL OR secret_hash IS NOT NULL)
);

CREATE INDEX kiosks_by_hospital ON kiosks (hospital);
