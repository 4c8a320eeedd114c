//! SQLite write-ahead-log checkpoints, for `ingest::checkpointer`.
//!
//! A commit appends pages to the log; a checkpoint copies them into the
//! database file and fsyncs it. SQLite starts the log over only when a
//! write transaction begins with every frame copied. PostgreSQL manages its
//! own log, so these are no-ops there.

use sqlx::sqlite::SqliteConnection;
use sqlx::Connection;

use super::{Store, StoreError};

const PASSIVE_CHECKPOINT: &str = "PRAGMA wal_checkpoint(PASSIVE)";

/// What one checkpoint found: the frames in the log and how many of them
/// are now copied into the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalProgress {
    /// Another checkpoint was running, so this one did nothing.
    pub busy: bool,
    pub log_frames: i64,
    pub copied_frames: i64,
}

impl WalProgress {
    fn from_row((busy, log_frames, copied_frames): (i64, i64, i64)) -> WalProgress {
        WalProgress {
            busy: busy != 0,
            log_frames,
            copied_frames,
        }
    }
}

/// A connection of its own for background checkpoints: taken out of the
/// pool, so a long copy never holds a connection an export or a login
/// waits for.
#[derive(Debug)]
pub struct WalConnection(SqliteConnection);

impl WalConnection {
    /// Copies every committed frame it can without waiting for the writer
    /// or for readers (PASSIVE): commits go on while it runs.
    pub async fn checkpoint(&mut self) -> Result<WalProgress, StoreError> {
        let row = sqlx::query_as(PASSIVE_CHECKPOINT)
            .fetch_one(&mut self.0)
            .await?;
        Ok(WalProgress::from_row(row))
    }

    pub async fn close(self) {
        if let Err(e) = self.0.close().await {
            tracing::warn!(error = %e, "could not close the checkpoint connection");
        }
    }
}

impl Store {
    /// A dedicated connection for background checkpoints; `None` for
    /// PostgreSQL.
    pub async fn wal_connection(&self) -> Result<Option<WalConnection>, StoreError> {
        match self {
            Store::Sqlite(pool) => Ok(Some(WalConnection(pool.acquire().await?.detach()))),
            Store::Postgres(_) => Ok(None),
        }
    }

    /// A passive checkpoint on a pooled connection: the ingest writer's
    /// catch-up between two groups, copying the few frames committed while
    /// the background checkpoint ran, so the next group starts the log over.
    pub async fn checkpoint_wal(&self) -> Result<Option<WalProgress>, StoreError> {
        match self {
            Store::Sqlite(pool) => {
                let row = sqlx::query_as(PASSIVE_CHECKPOINT).fetch_one(pool).await?;
                Ok(Some(WalProgress::from_row(row)))
            }
            Store::Postgres(_) => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewResponse;

    async fn insert(store: &Store, ids: std::ops::Range<u32>) {
        let rows: Vec<NewResponse> = ids
            .map(|i| NewResponse {
                id: format!(
                    "{:08x}-0000-4000-8000-000000000000",
                    i.wrapping_mul(2_654_435_761)
                ),
                hospital: "H001".into(),
                department: String::new(),
                submitted_key: "2024-05-03T09:12:44.000000000Z".into(),
                content_hash: [7; 32],
                body: "x".repeat(600),
                alert: None,
            })
            .collect();
        let rows: Vec<&NewResponse> = rows.iter().collect();
        store
            .insert_responses(&rows, 0, &Default::default())
            .await
            .unwrap();
    }

    /// What `ingest::checkpointer` relies on: a passive copy on its own
    /// connection takes every committed frame, and the next commit then
    /// starts the log over instead of growing it.
    #[tokio::test]
    async fn after_a_full_copy_the_next_commit_starts_the_log_over() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("wal.db").display());
        let store = Store::connect(&url).await.unwrap();
        insert(&store, 0..300).await;
        let mut copier = store.wal_connection().await.unwrap().unwrap();

        let full = copier.checkpoint().await.unwrap();
        assert!(!full.busy);
        assert!(full.log_frames > 50, "{full:?}");
        assert_eq!(full.copied_frames, full.log_frames);

        insert(&store, 300..301).await;
        let after = copier.checkpoint().await.unwrap();
        assert!(
            after.log_frames < 20,
            "the log did not start over: {after:?}"
        );

        // The writer's catch-up goes through the pool and reports the same.
        let caught_up = store.checkpoint_wal().await.unwrap().unwrap();
        assert_eq!(caught_up.copied_frames, caught_up.log_frames);
        copier.close().await;
        store.close().await;
    }
}
