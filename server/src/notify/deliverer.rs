//! Delivers the outbox: every `poll`, takes the events due, POSTs each to
//! its hospital's webhook signed with the hospital's secret, and marks it
//! delivered on a 2xx answer or schedules another attempt with capped
//! exponential backoff. The webhook is read at delivery time, so a changed
//! URL or secret applies to events still waiting. Log lines name the event
//! and the hospital, never the URL (robot URLs carry access tokens) nor
//! the body.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wire::Webhook;

use super::signature::{sign, SIGNATURE_HEADER};
use crate::clock::Clock;
use crate::store::{Claimed, Store, StoreError};

/// How often and how patiently events are delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryPolicy {
    /// Between two looks at the outbox.
    pub poll: Duration,
    /// How long a claimed event is left to its deliverer before another
    /// may take it (longer than a batch of `timeout`s).
    pub lease: Duration,
    /// The wait after the first failure; doubled after each further one…
    pub first_backoff: Duration,
    /// …up to this.
    pub max_backoff: Duration,
    /// For one POST.
    pub timeout: Duration,
}

impl DeliveryPolicy {
    pub const DEFAULT: DeliveryPolicy = DeliveryPolicy {
        poll: Duration::from_secs(1),
        lease: Duration::from_secs(60),
        first_backoff: Duration::from_secs(2),
        max_backoff: Duration::from_secs(600),
        timeout: Duration::from_secs(10),
    };

    /// The wait after the `attempts`-th failed attempt (1 = the first).
    pub fn backoff(&self, attempts: i64) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        self.first_backoff
            .saturating_mul(2u32.saturating_pow(doublings))
            .min(self.max_backoff)
    }
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        DeliveryPolicy::DEFAULT
    }
}

/// Events claimed per look: few enough that posting all of them, each
/// within `timeout`, ends well inside the lease (4 × 10 s < 60 s), so no
/// other server takes them meanwhile.
const BATCH: usize = 4;

/// Stops the deliverer.
#[derive(Debug)]
pub struct Deliverer {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl Deliverer {
    pub fn start(store: Store, clock: Arc<dyn Clock>, policy: DeliveryPolicy) -> Deliverer {
        let (stop, mut stopped) = oneshot::channel();
        let task = tokio::spawn(async move {
            let client = match reqwest::Client::builder()
                .timeout(policy.timeout)
                .redirect(reqwest::redirect::Policy::none())
                .build()
            {
                Ok(client) => client,
                Err(e) => {
                    tracing::error!(error = %e, "no HTTP client: webhooks are not delivered");
                    return;
                }
            };
            loop {
                let claimed = match deliver_due(&store, clock.as_ref(), &client, &policy).await {
                    Ok(claimed) => claimed,
                    Err(e) => {
                        tracing::warn!(error = %e, "could not read the outbox");
                        0
                    }
                };
                // A full batch: more may be waiting (a backlog after an
                // outage), so look again at once.
                if claimed == BATCH {
                    if stopped.try_recv().is_ok() {
                        break;
                    }
                    continue;
                }
                tokio::select! {
                    _ = tokio::time::sleep(policy.poll) => {}
                    _ = &mut stopped => break,
                }
            }
        });
        Deliverer { stop, task }
    }

    /// Lets the delivery in progress finish; what is left waits in the
    /// outbox for the next start (or another server).
    pub async fn stop(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the webhook deliverer failed");
        }
    }
}

async fn deliver_due(
    store: &Store,
    clock: &dyn Clock,
    client: &reqwest::Client,
    policy: &DeliveryPolicy,
) -> Result<usize, StoreError> {
    let now = millis(clock.now());
    let claimed = store
        .claim_outbox(now, millis(policy.lease), BATCH as i64)
        .await?;
    let count = claimed.len();
    let mut webhooks: HashMap<String, Option<Webhook>> = HashMap::new();
    for event in claimed {
        if !webhooks.contains_key(&event.hospital) {
            let settings = store.alert_settings(&event.hospital).await?;
            webhooks.insert(event.hospital.clone(), settings.webhook);
        }
        let webhook = webhooks.get(&event.hospital).cloned().flatten();
        let outcome = match &webhook {
            None => Err("the hospital has no webhook".to_owned()),
            Some(webhook) => post(client, webhook, &event).await,
        };
        let now = millis(clock.now());
        match outcome {
            Ok(()) => {
                tracing::info!(key = %event.idempotency_key, hospital = %event.hospital, attempts = event.attempts, "webhook delivered");
                store.outbox_delivered(event.id, now).await?;
            }
            Err(why) => {
                let wait = policy.backoff(event.attempts);
                tracing::warn!(
                    key = %event.idempotency_key,
                    hospital = %event.hospital,
                    attempts = event.attempts,
                    retry_in_ms = millis(wait),
                    error = %why,
                    "webhook not delivered"
                );
                store
                    .outbox_retry(event.id, now.saturating_add(millis(wait)), &why)
                    .await?;
            }
        }
    }
    Ok(count)
}

/// One signed POST; `Err` says why it failed, without the URL.
async fn post(client: &reqwest::Client, webhook: &Webhook, event: &Claimed) -> Result<(), String> {
    let response = client
        .post(&webhook.url)
        .header(CONTENT_TYPE, "application/json")
        .header(
            SIGNATURE_HEADER,
            sign(&webhook.secret, event.body.as_bytes()),
        )
        .header("idempotency-key", &event.idempotency_key)
        .body(event.body.clone())
        .send()
        .await
        .map_err(|e| e.without_url().to_string())?;
    let status = response.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("the receiver answered {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let policy = DeliveryPolicy {
            first_backoff: Duration::from_secs(2),
            max_backoff: Duration::from_secs(60),
            ..DeliveryPolicy::DEFAULT
        };
        let waits: Vec<u64> = (1..=8).map(|a| policy.backoff(a).as_secs()).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(policy.backoff(0).as_secs(), 2);
        assert_eq!(policy.backoff(i64::MAX).as_secs(), 60);
    }
}
