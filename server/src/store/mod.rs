//! Storage: SQLite or PostgreSQL behind one [`Store`], so handlers never
//! care which. Only this module knows SQL.
//!
//! Invariants: a response is stored whole or not at all (each insert group
//! is one transaction); an id is stored at most once (primary key); what is
//! stored is the canonical JSON the client would get back in an export.

mod accounts;
mod action_plans;
mod cases;
mod connect;
mod kiosks;
mod limits;
mod outbox;
mod registry;
mod responses;
mod sessions;
mod short_reads;
mod wal;

pub use accounts::Account;
pub use cases::{CaseChange, CaseFilter, CaseRow, EventRow, Swept, MAX_LISTED_CASES};
pub use kiosks::{ClaimedKiosk, KioskRow, NewKioskRow};
pub use limits::{AttemptPolicy, BucketPolicy};
pub use outbox::Claimed;
pub use registry::PutOutcome;
pub use responses::{CaseOptions, InsertOutcome, NewResponse, ResponseFilter};
pub use wal::{WalConnection, WalProgress};

use sqlx::{PgPool, SqlitePool};
use thiserror::Error;

/// A pool of connections to one database, SQLite or PostgreSQL.
///
/// The same SQL text runs on both: SQLite accepts PostgreSQL's numbered
/// `$1` placeholders, and the two migration folders give the same tables.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Why the store failed. Never shown to clients (the HTTP layer logs it and
/// answers 500).
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL {0:?}: expected sqlite://… or postgres://…")]
    UnsupportedUrl(String),
    #[error("could not create the database folder or file {path}: {source}")]
    CreateFolder {
        path: String,
        source: std::io::Error,
    },
    #[error("a stored row is unreadable: {0}")]
    Corrupt(String),
}

/// Runs the same code on whichever pool the store holds. Each arm is
/// type-checked separately, so the body may use backend-specific types
/// through inference (transactions, rows).
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            $crate::store::Store::Sqlite($pool) => $body,
            $crate::store::Store::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

impl Store {
    /// Which backend, for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// Waits for every connection to be returned, then closes them (SQLite
    /// checkpoints its write-ahead log when the last one closes).
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}
