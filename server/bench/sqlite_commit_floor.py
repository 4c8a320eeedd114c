#!/usr/bin/env python3
"""What the disk allows: SQLite alone (Python's sqlite3, no HTTP, no Rust),
committing groups of 32 responses-sized rows into the server's table and
indexes with the server's settings (WAL, cache 32 MiB, checkpoint every
10,000 pages), and the commit time distribution. The server cannot answer
faster than its commits; compare with its figures in BENCHMARKS.md.

    python3 server/bench/sqlite_commit_floor.py [FULL|NORMAL|OFF] [folder]
"""
import os
import sqlite3
import sys
import time
import uuid

synchronous = sys.argv[1] if len(sys.argv) > 1 else "FULL"
folder = sys.argv[2] if len(sys.argv) > 2 else "."
path = os.path.join(folder, "commit-floor.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)

db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={synchronous}")
db.execute("PRAGMA cache_size=-32768")
db.execute("PRAGMA wal_autocheckpoint=10000")
db.execute(
    "CREATE TABLE responses (id TEXT NOT NULL PRIMARY KEY, hospital TEXT NOT NULL, "
    "submitted_key TEXT NOT NULL, content_hash BLOB NOT NULL, body TEXT NOT NULL, "
    "received_at INTEGER NOT NULL)"
)
db.execute("CREATE INDEX responses_by_time ON responses (submitted_key, id)")
db.execute("CREATE INDEX responses_by_hospital ON responses (hospital, submitted_key, id)")

GROUPS, ROWS = 1500, 32
body = "x" * 900
times = []
started = time.time()
for g in range(GROUPS):
    t = time.time()
    db.execute("BEGIN IMMEDIATE")
    key = time.strftime("%Y-%m-%dT%H:%M:%S.000000000Z", time.gmtime())
    db.executemany(
        "INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        [(str(uuid.uuid4()), f"H00{g % 5 + 1}", key, b"h" * 32, body, 0) for _ in range(ROWS)],
    )
    db.execute("COMMIT")
    times.append((time.time() - t) * 1000)
elapsed = time.time() - started
times.sort()
pct = lambda p: times[min(len(times) - 1, int(len(times) * p))]
print(
    f"synchronous={synchronous}: {GROUPS * ROWS / elapsed:.0f} rows/s; commit of {ROWS} rows "
    f"p50 {pct(0.5):.1f} ms, p90 {pct(0.9):.1f} ms, p99 {pct(0.99):.1f} ms, max {times[-1]:.1f} ms"
)
db.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
