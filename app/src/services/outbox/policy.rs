//! The decision taken after each delivery attempt: what happens to the
//! outbox and when to try next.

use super::backoff::Backoff;
use super::delivery::BatchOutcome;
use super::queue::{Outbox, SetAsideReason};

/// When the sync loop should run next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// More is pending and the last exchange went well: send the next batch.
    Now,
    /// Wait this many milliseconds (backoff or `Retry-After`).
    After(u64),
    /// Nothing pending: wait for a new response, the `online` event or the
    /// periodic check.
    Idle,
}

/// Batch size and backoff state of one sync loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncPolicy {
    /// Largest batch sent in one request.
    pub max_batch: usize,
    batch: usize,
    pub backoff: Backoff,
}

impl Default for SyncPolicy {
    /// Batches of up to 20 (a response is ~2 KB, far below the 1 MiB body
    /// limit) and the default backoff.
    fn default() -> Self {
        SyncPolicy::new(20, Backoff::default())
    }
}

impl SyncPolicy {
    pub fn new(max_batch: usize, backoff: Backoff) -> Self {
        let max_batch = max_batch.max(1);
        SyncPolicy {
            max_batch,
            batch: max_batch,
            backoff,
        }
    }

    /// How many responses to put in the next request.
    pub fn batch_size(&self) -> usize {
        self.batch
    }

    /// Update `outbox` with the outcome of sending the batch `sent` (the
    /// ids, in order) and say when to go on. `jitter` is uniform in `[0, 1)`.
    pub fn after(
        &mut self,
        outbox: &mut Outbox,
        sent: &[String],
        outcome: BatchOutcome,
        jitter: f64,
    ) -> NextStep {
        match outcome {
            BatchOutcome::Answered(results) => {
                let applied = outbox.apply(sent, &results);
                if !applied.any() && sent.iter().any(|id| outbox.contains(id)) {
                    // A 200 that settles none of what we sent: do not spin.
                    return self.failed(None, jitter);
                }
                self.backoff.reset();
                self.batch = (self.batch * 2).min(self.max_batch);
                self.continue_or_idle(outbox)
            }
            BatchOutcome::TooLarge | BatchOutcome::Malformed if sent.len() > 1 => {
                // Find the culprit by halving; each half is still progress.
                self.batch = (sent.len() / 2).max(1);
                NextStep::Now
            }
            BatchOutcome::TooLarge => {
                self.set_aside_alone(outbox, sent, SetAsideReason::TooLarge, "413")
            }
            BatchOutcome::Malformed => {
                self.set_aside_alone(outbox, sent, SetAsideReason::Unreadable, "400")
            }
            BatchOutcome::RateLimited { retry_after_ms } => self.failed(retry_after_ms, jitter),
            BatchOutcome::Unavailable => self.failed(None, jitter),
        }
    }

    /// What to do when there is nothing to send right now (e.g. offline):
    /// counts as a failure so that the checks slow down.
    pub fn offline(&mut self, jitter: f64) -> NextStep {
        self.failed(None, jitter)
    }

    fn set_aside_alone(
        &mut self,
        outbox: &mut Outbox,
        sent: &[String],
        reason: SetAsideReason,
        message: &str,
    ) -> NextStep {
        if let Some(id) = sent.first() {
            outbox.set_aside(id, reason, message);
        }
        self.backoff.reset();
        self.continue_or_idle(outbox)
    }

    fn failed(&mut self, at_least_ms: Option<u64>, jitter: f64) -> NextStep {
        self.backoff.fail();
        let delay = self.backoff.delay_ms(jitter).max(at_least_ms.unwrap_or(0));
        NextStep::After(delay)
    }

    fn continue_or_idle(&self, outbox: &Outbox) -> NextStep {
        if outbox.pending.is_empty() {
            NextStep::Idle
        } else {
            NextStep::Now
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::queue::tests::response;
    use super::*;
    use wire::{SubmissionResult, SubmissionStatus};

    fn outbox_of(ids: &[&str]) -> Outbox {
        let mut outbox = Outbox::default();
        for id in ids {
            outbox.enqueue(response(id));
        }
        outbox
    }

    fn sent(outbox: &Outbox, policy: &SyncPolicy) -> Vec<String> {
        outbox
            .batch(policy.batch_size())
            .iter()
            .map(|r| r.id.clone())
            .collect()
    }

    fn all(ids: &[String], status: SubmissionStatus) -> BatchOutcome {
        BatchOutcome::Answered(
            ids.iter()
                .map(|id| SubmissionResult {
                    id: Some(id.clone()),
                    status,
                    errors: Vec::new(),
                    message: None,
                })
                .collect(),
        )
    }

    /// Run the policy against a scripted server until it goes idle or
    /// makes `limit` requests; returns the requests' sizes and the waits.
    fn drive(
        outbox: &mut Outbox,
        policy: &mut SyncPolicy,
        mut server: impl FnMut(&[String]) -> BatchOutcome,
        limit: usize,
    ) -> (Vec<usize>, Vec<u64>) {
        let (mut sizes, mut waits) = (Vec::new(), Vec::new());
        for _ in 0..limit {
            let batch = sent(outbox, policy);
            sizes.push(batch.len());
            match policy.after(outbox, &batch, server(&batch), 0.0) {
                NextStep::Now => {}
                NextStep::After(ms) => waits.push(ms),
                NextStep::Idle => break,
            }
        }
        (sizes, waits)
    }

    #[test]
    fn sends_everything_in_batches_then_goes_idle() {
        let mut outbox = outbox_of(&["a", "b", "c", "d", "e"]);
        let mut policy = SyncPolicy::new(2, Backoff::new(1_000, 8_000));
        let (sizes, waits) = drive(
            &mut outbox,
            &mut policy,
            |ids| all(ids, SubmissionStatus::Stored),
            10,
        );
        assert_eq!(sizes, [2, 2, 1]);
        assert!(waits.is_empty());
        assert!(outbox.pending.is_empty() && outbox.kept_aside.is_empty());
    }

    #[test]
    fn server_down_backs_off_exponentially_up_to_the_cap_then_recovers() {
        let mut outbox = outbox_of(&["a"]);
        let mut policy = SyncPolicy::new(20, Backoff::new(1_000, 8_000));
        let mut calls = 0;
        let (_, waits) = drive(
            &mut outbox,
            &mut policy,
            |ids| {
                calls += 1;
                if calls <= 6 {
                    BatchOutcome::Unavailable
                } else {
                    all(ids, SubmissionStatus::Duplicate)
                }
            },
            20,
        );
        // jitter 0 waits half the nominal delay: 1, 2, 4, 8, 8, 8 s nominal.
        assert_eq!(waits, [500, 1_000, 2_000, 4_000, 4_000, 4_000]);
        assert!(outbox.pending.is_empty());
        assert_eq!(policy.backoff.failures(), 0);
    }

    #[test]
    fn retry_after_is_respected_when_longer_than_the_backoff() {
        let mut outbox = outbox_of(&["a"]);
        let mut policy = SyncPolicy::default();
        let ids = sent(&outbox, &policy);
        let next = policy.after(
            &mut outbox,
            &ids,
            BatchOutcome::RateLimited {
                retry_after_ms: Some(30_000),
            },
            0.0,
        );
        assert_eq!(next, NextStep::After(30_000));
        assert_eq!(outbox.pending.len(), 1);
    }

    #[test]
    fn an_oversized_response_is_isolated_by_halving_and_kept_aside() {
        let mut outbox = outbox_of(&["a", "b", "big", "c"]);
        let mut policy = SyncPolicy::new(4, Backoff::default());
        let (sizes, waits) = drive(
            &mut outbox,
            &mut policy,
            |ids| {
                if ids.iter().any(|id| id == "big") {
                    BatchOutcome::TooLarge
                } else {
                    all(ids, SubmissionStatus::Stored)
                }
            },
            20,
        );
        assert_eq!(sizes, [4, 2, 2, 1, 1]);
        assert!(waits.is_empty());
        assert!(outbox.pending.is_empty());
        assert_eq!(outbox.kept_aside.len(), 1);
        assert_eq!(outbox.kept_aside[0].response.id, "big");
        assert_eq!(outbox.kept_aside[0].reason, SetAsideReason::TooLarge);
    }

    #[test]
    fn conflicts_are_never_retried() {
        let mut outbox = outbox_of(&["a", "b"]);
        let mut policy = SyncPolicy::default();
        let (sizes, _) = drive(
            &mut outbox,
            &mut policy,
            |ids| all(ids, SubmissionStatus::Conflict),
            10,
        );
        assert_eq!(sizes, [2]);
        assert!(outbox.pending.is_empty());
        assert_eq!(outbox.kept_aside.len(), 2);
    }

    #[test]
    fn an_answer_that_settles_nothing_counts_as_a_failure() {
        let mut outbox = outbox_of(&["a"]);
        let mut policy = SyncPolicy::new(20, Backoff::new(1_000, 8_000));
        let ids = sent(&outbox, &policy);
        let next = policy.after(&mut outbox, &ids, BatchOutcome::Answered(Vec::new()), 0.0);
        assert_eq!(next, NextStep::After(500));
        assert_eq!(outbox.pending.len(), 1);
    }
}
