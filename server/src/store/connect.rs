//! Opening a database by URL and applying the embedded migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::ConnectOptions;
use tracing::log::LevelFilter;

use super::{Store, StoreError};

/// Readers (exports, reports, logins) share the pool; the ingest writer
/// holds one connection at a time.
const SQLITE_CONNECTIONS: u32 = 8;
const POSTGRES_CONNECTIONS: u32 = 16;
/// How long a SQLite statement waits for another writer's lock before
/// failing with "database is locked".
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const SLOW_STATEMENT: Duration = Duration::from_secs(1);

impl Store {
    /// Opens `url` (`sqlite://path/to/file.db` or `postgres://…`), creating
    /// a SQLite file and its folder when missing, and migrates it.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("sqlite:") {
            connect_sqlite(url).await
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            connect_postgres(url).await
        } else {
            Err(StoreError::UnsupportedUrl(url.to_owned()))
        }
    }
}

async fn connect_sqlite(url: &str) -> Result<Store, StoreError> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // Durability of acknowledged responses. In WAL mode `NORMAL` fsyncs
        // only at checkpoints, so after a power loss the last commits can
        // vanish although the kiosk was told "stored" and deleted its copy.
        // `FULL` fsyncs the log at every commit: once the server answers
        // 201, the response survives a crash or power cut. The cost (one
        // fsync per commit) is shared by every response waiting for the
        // writer, see `ingest::group_commit`.
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(SQLITE_BUSY_TIMEOUT)
        .foreign_keys(true)
        // A larger page cache (per connection, in KiB when negative) and
        // memory-mapped reads: random-UUID primary keys touch index pages
        // all over the file, and the 2 MiB default made every insert
        // re-read them through system calls.
        .pragma("cache_size", "-32768")
        .pragma("mmap_size", "268435456")
        // The log is copied into the database in the background
        // (`ingest::checkpointer`) and starts over at about 64 MiB.
        // SQLite's own checkpoint, which stalls the committing writer, is
        // only a backstop for when the background copy cannot keep up
        // (160 MiB).
        .pragma("wal_autocheckpoint", "40000")
        .log_statements(LevelFilter::Trace)
        // An export or report streams its query into a slow consumer (the
        // network, the tally): the time the statement stays open says
        // nothing about the database, so it is not worth a warning.
        .log_slow_statements(LevelFilter::Debug, SLOW_STATEMENT);
    let file = options.get_filename().to_path_buf();
    if file.as_os_str() != ":memory:" {
        create_private(&file)?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(SQLITE_CONNECTIONS)
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/sqlite").run(&pool).await?;
    Ok(Store::Sqlite(pool))
}

/// Creates the database file (and missing folders) readable by the
/// server's user alone, before SQLite opens it: responses, comments and
/// call-back numbers are in it, and SQLite gives its `-wal` and `-shm`
/// files the database file's permissions. An existing file is left as it is.
fn create_private(file: &std::path::Path) -> Result<(), StoreError> {
    let failed = |path: &std::path::Path| {
        let path = path.display().to_string();
        move |source| StoreError::CreateFolder { path, source }
    };
    if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.exists() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(folder).map_err(failed(folder))?;
        }
    }
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    match open.open(file) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(failed(file)(e)),
    }
}

async fn connect_postgres(url: &str) -> Result<Store, StoreError> {
    let options = PgConnectOptions::from_str(url)?
        .log_statements(LevelFilter::Trace)
        .log_slow_statements(LevelFilter::Debug, SLOW_STATEMENT);
    let pool = PgPoolOptions::new()
        .max_connections(POSTGRES_CONNECTIONS)
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/postgres").run(&pool).await?;
    Ok(Store::Postgres(pool))
}
