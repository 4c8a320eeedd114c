//! Write-ahead-log checkpoints off the request path (SQLite).
//!
//! Left to itself, SQLite checkpoints in the connection that commits once
//! the log passes a threshold: the ingest writer then spends 30–60 ms
//! copying pages and fsyncing the database file while every request waits
//! for it: that wait is the whole p99 of the load benchmark (BENCHMARKS.md,
//! "Server load (SQLite)"). Here a background task copies the log on a
//! connection of its own after commits, without blocking the writer (a
//! PASSIVE checkpoint).
//!
//! It copies often ([`MIN_PERIOD`]): each copy ends with an fsync of the
//! database file, and on this project's disk an fsync waits for every write
//! in flight, the writer's log fsync included; many small copies delay the
//! writer's commits far less than a few large ones.
//!
//! Copying is not enough: SQLite starts the log over only when a write
//! transaction begins with every frame copied, and under load the writer
//! has always committed a little more by the time a copy ends. So once the
//! log is longer than [`CATCH_UP_FRAMES`], the task asks the writer to
//! catch up: between two groups the writer copies the few frames committed
//! during the last copy (about 5 ms), and its next group starts the log
//! over.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{oneshot, Notify};
use tokio::task::JoinHandle;

use crate::store::{Store, WalConnection};

/// The shortest time between two background copies.
const MIN_PERIOD: Duration = Duration::from_millis(10);
/// Log length (4 KiB frames, so 64 MiB) past which the writer is asked to
/// catch up so that the log can start over.
const CATCH_UP_FRAMES: i64 = 16_384;

/// What the writer and the background task tell each other.
#[derive(Debug, Default)]
struct Signals {
    /// The writer committed: there is something to copy.
    committed: Notify,
    /// The task wants the writer to copy the rest of the log.
    catch_up: AtomicBool,
}

/// The writer's side of the checkpointer.
#[derive(Debug, Clone, Default)]
pub(crate) struct WalDuty(Arc<Signals>);

impl WalDuty {
    /// After each commit. Cheap: wakes the task at most once.
    pub(crate) fn committed(&self) {
        self.0.committed.notify_one();
    }

    /// Between two groups: copies what is left of the log if the task
    /// asked for it. A failure is logged, not returned: the log is then
    /// copied later (by the next catch-up, or by SQLite's own automatic
    /// checkpoint).
    pub(crate) async fn catch_up_if_asked(&self, store: &Store) {
        if !self.0.catch_up.swap(false, Ordering::AcqRel) {
            return;
        }
        let started = std::time::Instant::now();
        match store.checkpoint_wal().await {
            Ok(progress) => tracing::trace!(
                ?progress,
                micros = started.elapsed().as_micros() as u64,
                "writer caught up with the log"
            ),
            Err(e) => tracing::warn!(error = %e, "the writer could not checkpoint the log"),
        }
    }

    fn ask_to_catch_up(&self) {
        self.0.catch_up.store(true, Ordering::Release);
    }
}

/// The background task; [`Checkpointer::stop`] ends it.
#[derive(Debug)]
pub(crate) struct Checkpointer {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Checkpointer {
    /// Starts the task for a SQLite store (for PostgreSQL it ends at once).
    pub(crate) fn start(store: Store, duty: WalDuty) -> Checkpointer {
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(copy_after_commits(store, duty, stopped));
        Checkpointer { stop, task }
    }

    pub(crate) async fn stop(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the checkpoint task failed");
        }
    }
}

async fn copy_after_commits(store: Store, duty: WalDuty, mut stopped: oneshot::Receiver<()>) {
    let mut connection = match store.wal_connection().await {
        Ok(Some(connection)) => connection,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(error = %e, "no background checkpoints: SQLite checkpoints in the writer");
            return;
        }
    };
    loop {
        // Idle, the task sleeps until the next commit (no timer).
        tokio::select! {
            _ = &mut stopped => break,
            _ = duty.0.committed.notified() => copy_once(&mut connection, &duty).await,
        }
        tokio::select! {
            _ = &mut stopped => break,
            _ = tokio::time::sleep(MIN_PERIOD) => {}
        }
    }
    connection.close().await;
}

async fn copy_once(connection: &mut WalConnection, duty: &WalDuty) {
    let started = std::time::Instant::now();
    match connection.checkpoint().await {
        Ok(progress) => {
            tracing::trace!(
                ?progress,
                micros = started.elapsed().as_micros() as u64,
                "background checkpoint"
            );
            if !progress.busy && progress.log_frames >= CATCH_UP_FRAMES {
                duty.ask_to_catch_up();
            }
        }
        Err(e) => tracing::warn!(error = %e, "background checkpoint failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catch_up_request_is_taken_once() {
        let duty = WalDuty::default();
        let take = |d: &WalDuty| d.0.catch_up.swap(false, Ordering::AcqRel);
        assert!(!take(&duty));
        duty.ask_to_catch_up();
        duty.ask_to_catch_up();
        assert!(take(&duty));
        assert!(!take(&duty));
    }
}
