//! The server's integration tests, one binary (matklad's layout).
//!
//! Every test runs over real HTTP on 127.0.0.1 against a fresh SQLite
//! database, and again against a fresh PostgreSQL database when
//! `TIYAN_TEST_PG=1` (connection from `PGHOST`, `PGPORT`, `PGUSER`,
//! `PGPASSWORD`, `PGDATABASE`; e.g. `TIYAN_TEST_PG=1 pg_virtualenv cargo
//! test -p server`).

mod cases;
mod export;
mod hardening;
mod kiosks;
mod migrations;
mod posters;
mod process;
mod registry;
mod report;
mod sessions;
mod static_files;
mod submissions;
mod support;
