//! The background sweep over cases: marks the cases that passed their
//! `due_at` unfinished (queueing `case.overdue` once per case) and deletes
//! call-back numbers older than [`super::CONTACT_DAYS`] days
//! (docs/formats.md §6, docs/domain.md Privacy).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::clock::Clock;
use crate::notify::CaseLinks;
use crate::store::Store;

/// Stops the sweep.
#[derive(Debug)]
pub struct Sweeper {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Sweeper {
    /// Sweeps at once, then every `every`.
    pub fn start(
        store: Store,
        clock: Arc<dyn Clock>,
        links: CaseLinks,
        every: Duration,
    ) -> Sweeper {
        let (stop, mut stopped) = oneshot::channel();
        let task = tokio::spawn(async move {
            loop {
                match store.sweep_cases(clock.unix_seconds(), &links).await {
                    Ok(swept) if swept.overdue > 0 || swept.contacts_expired > 0 => {
                        tracing::info!(
                            overdue = swept.overdue,
                            contacts_expired = swept.contacts_expired,
                            "cases swept"
                        );
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "could not sweep the cases"),
                }
                tokio::select! {
                    _ = tokio::time::sleep(every) => {}
                    _ = &mut stopped => break,
                }
            }
        });
        Sweeper { stop, task }
    }

    pub async fn stop(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the case sweeper failed");
        }
    }
}
