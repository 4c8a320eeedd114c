//! Group commit: one writer task stores responses for every request.
//!
//! With `synchronous=FULL` each SQLite commit waits for an fsync (a few
//! milliseconds). One commit per request would cap the server at a few
//! hundred responses a second; instead, requests queue their rows here and
//! the writer takes everything waiting, stores it in one transaction, and
//! answers each request after the commit. Under load the groups grow and
//! the fsync is shared; idle, a lone response is committed at once (no
//! timer, no added latency). Nothing is acknowledged before its commit.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use super::checkpointer::{Checkpointer, WalDuty};
use crate::clock::Clock;
use crate::store::{CaseOptions, InsertOutcome, NewResponse, Store, StoreError};

/// At most this many rows per transaction, so one commit stays short.
pub const MAX_GROUP_ROWS: usize = 512;
/// Requests that may wait for the writer before new ones wait to queue.
const QUEUE_DEPTH: usize = 4096;

#[derive(Debug, Clone, thiserror::Error)]
pub enum IngestError {
    #[error("the writer has stopped")]
    Stopped,
    #[error("could not store the responses: {0}")]
    Store(Arc<StoreError>),
}

struct Job {
    rows: Vec<NewResponse>,
    reply: oneshot::Sender<Result<Vec<InsertOutcome>, IngestError>>,
}

/// The handle requests use to store responses. Cloning is cheap.
#[derive(Debug, Clone)]
pub struct Ingest {
    jobs: mpsc::Sender<Job>,
}

/// Stops the writer.
#[derive(Debug)]
pub struct Writer {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
    checkpointer: Checkpointer,
}

impl Writer {
    /// Refuses new rows ([`IngestError::Stopped`]), commits every row
    /// already queued, and returns when the last commit is done: no request
    /// that was queued is dropped at shutdown.
    pub async fn finish(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the ingest writer failed");
        }
        self.checkpointer.stop().await;
    }
}

impl Ingest {
    /// `cases`: how the cases opened with stored responses are linked in
    /// their notifications.
    pub fn start(store: Store, clock: Arc<dyn Clock>, cases: CaseOptions) -> (Ingest, Writer) {
        let (jobs, queue) = mpsc::channel(QUEUE_DEPTH);
        let (stop, stopped) = oneshot::channel();
        let wal = WalDuty::default();
        let checkpointer = Checkpointer::start(store.clone(), wal.clone());
        let task = tokio::spawn(write_groups(store, clock, cases, wal, queue, stopped));
        let writer = Writer {
            stop,
            task,
            checkpointer,
        };
        (Ingest { jobs }, writer)
    }

    /// Stores `rows` (each atomically) and returns one outcome per row, in
    /// order, once they are committed.
    pub async fn store(&self, rows: Vec<NewResponse>) -> Result<Vec<InsertOutcome>, IngestError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let (reply, outcome) = oneshot::channel();
        self.jobs
            .send(Job { rows, reply })
            .await
            .map_err(|_| IngestError::Stopped)?;
        outcome.await.map_err(|_| IngestError::Stopped)?
    }
}

async fn write_groups(
    store: Store,
    clock: Arc<dyn Clock>,
    cases: CaseOptions,
    wal: WalDuty,
    mut queue: mpsc::Receiver<Job>,
    mut stopped: oneshot::Receiver<()>,
) {
    let mut stopping = false;
    loop {
        let first = if stopping {
            queue.recv().await
        } else {
            tokio::select! {
                job = queue.recv() => job,
                _ = &mut stopped => {
                    // Closing refuses new jobs but keeps the queued ones.
                    queue.close();
                    stopping = true;
                    continue;
                }
            }
        };
        let Some(first) = first else { break };
        // Between two groups, never inside one (see `checkpointer`); what
        // arrives meanwhile joins this group.
        wal.catch_up_if_asked(&store).await;
        let mut rows_waiting = first.rows.len();
        let mut group = vec![first];
        while rows_waiting < MAX_GROUP_ROWS {
            match queue.try_recv() {
                Ok(job) => {
                    rows_waiting += job.rows.len();
                    group.push(job);
                }
                Err(_) => break,
            }
        }
        commit(&store, clock.as_ref(), &cases, group).await;
        wal.committed();
    }
    tracing::info!("ingest writer stopped: every queued response is committed");
}

async fn commit(store: &Store, clock: &dyn Clock, cases: &CaseOptions, group: Vec<Job>) {
    let rows: Vec<&NewResponse> = group.iter().flat_map(|job| &job.rows).collect();
    let started = std::time::Instant::now();
    let result = store
        .insert_responses(&rows, clock.unix_seconds(), cases)
        .await;
    tracing::trace!(
        rows = rows.len(),
        requests = group.len(),
        micros = started.elapsed().as_micros() as u64,
        "group committed"
    );
    drop(rows);
    match result {
        Ok(outcomes) => {
            let mut outcomes = outcomes.into_iter();
            for job in group {
                let mine: Vec<InsertOutcome> = outcomes.by_ref().take(job.rows.len()).collect();
                // The request may have gone (client disconnected): its rows
                // are stored all the same, and a retry will read "duplicate".
                let _ = job.reply.send(Ok(mine));
            }
        }
        Err(e) => {
            tracing::error!(error = %e, rows = group.iter().map(|j| j.rows.len()).sum::<usize>(), "could not commit responses");
            let e = IngestError::Store(Arc::new(e));
            for job in group {
                let _ = job.reply.send(Err(e.clone()));
            }
        }
    }
}
