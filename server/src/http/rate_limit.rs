//! Per-address rate limits on submissions, kiosk requests and public
//! reads: a token bucket per client address (`client_address`: the peer,
//! or behind `--trusted-proxies` the forwarded client).
//!
//! Kiosks of one hospital often share a NAT address, so the default is
//! generous (600 a minute with a burst of 600); the limit is there to stop
//! a runaway client or a flood, not a busy hall. A submission costs one
//! token per response it carries (a batch of 100 costs 100), so batching
//! does not multiply what an address may store.
//!
//! Each server decides from its own buckets at once (no database round
//! trip per request), and every [`SYNC_EVERY`] adds what it spent to the
//! shared buckets in the database (`store::limits`) and takes back what
//! all servers together left: several servers on one database, or a
//! restarted one, admit an address at the configured rate, give or take
//! one interval's spending.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{error::ApiError, AppState};
use crate::clock::Clock;
use crate::store::{BucketPolicy, Store};

/// How often each server settles its spending with the shared buckets.
pub const SYNC_EVERY: Duration = Duration::from_secs(1);
/// An address that took a token this recently is settled every round.
const RECENT: Duration = Duration::from_secs(60);
/// At most this many idle-but-recent addresses are settled per round, so
/// a flood of addresses costs the database a bounded amount of work.
const MAX_SETTLED_PER_ROUND: usize = 2_000;

/// Tokens refill at `per_minute / 60` a second up to `burst`.
/// `per_minute == 0` turns the limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatePolicy {
    pub per_minute: u32,
    pub burst: u32,
}

impl RatePolicy {
    pub const DEFAULT: RatePolicy = RatePolicy {
        per_minute: 600,
        burst: 600,
    };

    fn per_second(self) -> f64 {
        f64::from(self.per_minute) / 60.0
    }

    fn shared(self) -> BucketPolicy {
        BucketPolicy {
            burst: f64::from(self.burst.max(1)),
            per_millisecond: self.per_second() / 1000.0,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    /// When `tokens` was last brought up to date.
    last: Instant,
    /// When the address last asked for a token here.
    used: Instant,
}

impl Bucket {
    fn full(policy: RatePolicy, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(policy.burst.max(1)),
            last: now,
            used: now,
        }
    }

    /// Takes `cost` tokens, or says how long until they are there.
    fn take(&mut self, policy: RatePolicy, cost: f64, now: Instant) -> Result<(), Duration> {
        let burst = f64::from(policy.burst.max(1));
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * policy.per_second()).min(burst);
        self.last = now;
        self.used = now;
        if self.tokens >= cost {
            self.tokens -= cost;
            Ok(())
        } else {
            Err(Duration::from_secs_f64(
                ((cost - self.tokens) / policy.per_second()).min(86_400.0),
            ))
        }
    }

    fn is_full(&self, policy: RatePolicy, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens + elapsed * policy.per_second() >= f64::from(policy.burst.max(1))
    }
}

/// Buckets above this many are pruned of full ones (a full bucket is the
/// same as no bucket), bounding memory under a spoofed-address flood.
const PRUNE_ABOVE: usize = 100_000;

#[derive(Debug)]
pub struct RateLimiter {
    /// The name of its buckets in the shared table.
    scope: &'static str,
    policy: RatePolicy,
    state: Mutex<Buckets>,
}

#[derive(Debug, Default)]
struct Buckets {
    local: HashMap<IpAddr, Bucket>,
    /// Tokens spent since the last settlement with the shared buckets.
    unsettled: HashMap<IpAddr, f64>,
}

impl RateLimiter {
    pub fn new(scope: &'static str, policy: RatePolicy) -> RateLimiter {
        RateLimiter {
            scope,
            policy,
            state: Mutex::new(Buckets::default()),
        }
    }

    pub fn policy(&self) -> RatePolicy {
        self.policy
    }

    /// `Err(wait)` when `address` has used its tokens.
    pub fn check(&self, address: IpAddr, now: Instant) -> Result<(), Duration> {
        self.take(address, 1, now)
    }

    /// Takes `cost` tokens (at most the burst, so a full request always
    /// passes a full bucket), or `Err(wait)`.
    pub fn take(&self, address: IpAddr, cost: u32, now: Instant) -> Result<(), Duration> {
        if self.policy.per_minute == 0 {
            return Ok(());
        }
        let cost = f64::from(cost.clamp(1, self.policy.burst.max(1)));
        let mut state = self.lock();
        if state.local.len() > PRUNE_ABOVE {
            let policy = self.policy;
            state.local.retain(|_, bucket| !bucket.is_full(policy, now));
        }
        let policy = self.policy;
        state
            .local
            .entry(address)
            .or_insert_with(|| Bucket::full(policy, now))
            .take(policy, cost, now)?;
        *state.unsettled.entry(address).or_insert(0.0) += cost;
        Ok(())
    }

    // A poisoned lock only means another request panicked mid-update of a
    // bucket; the counts are still usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, Buckets> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds this server's spending to the shared buckets and takes back
    /// what every server together left (`store::limits`).
    pub async fn settle(
        &self,
        store: &Store,
        clock: &dyn Clock,
    ) -> Result<(), crate::store::StoreError> {
        if self.policy.per_minute == 0 {
            return Ok(());
        }
        let spent: Vec<(IpAddr, f64)> = {
            let mut state = self.lock();
            let mut spent: HashMap<IpAddr, f64> = std::mem::take(&mut state.unsettled);
            // Addresses active lately learn what the other servers spent
            // even when they spent nothing here since the last round.
            let now = Instant::now();
            for (address, bucket) in &state.local {
                if spent.len() >= MAX_SETTLED_PER_ROUND {
                    break;
                }
                if now.saturating_duration_since(bucket.used) < RECENT {
                    spent.entry(*address).or_insert(0.0);
                }
            }
            spent.into_iter().collect()
        };
        let shared = self.policy.shared();
        for (address, tokens) in spent {
            let now_ms = millis(clock);
            let left = store
                .spend_rate_tokens(self.scope, &address.to_string(), tokens, shared, now_ms)
                .await?;
            let mut state = self.lock();
            // What was spent here while the database answered is not in
            // `left` yet: it stays unsettled and is taken off now too.
            let since = state.unsettled.get(&address).copied().unwrap_or(0.0);
            let now = Instant::now();
            let used = state.local.get(&address).map_or(now, |b| b.used);
            state.local.insert(
                address,
                Bucket {
                    tokens: left - since,
                    last: now,
                    used,
                },
            );
        }
        let full_after_ms =
            (f64::from(self.policy.burst.max(1)) / shared.per_millisecond).min(86_400_000.0) as i64;
        store
            .prune_rate_buckets(millis(clock).saturating_sub(full_after_ms.max(60_000)))
            .await?;
        Ok(())
    }
}

fn millis(clock: &dyn Clock) -> i64 {
    i64::try_from(clock.now().as_millis()).unwrap_or(i64::MAX)
}

/// One token per request, before the body is read; a submission's batch
/// pays the rest in the handler ([`charge_batch`]).
pub(crate) async fn limit_submissions(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = state.client_address(&request);
    match state.submit_limiter.check(address, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(retry_after) => {
            tracing::warn!(%address, "submission rate limit reached");
            ApiError::TooManyRequests {
                retry_after,
                message: "too many submissions from this address; retry later",
            }
            .into_response()
        }
    }
}

/// The tokens of a batch's responses beyond the first (which
/// [`limit_submissions`] took): a batch of `n` costs `n`.
pub(crate) fn charge_batch(
    state: &AppState,
    address: IpAddr,
    responses: usize,
) -> Result<(), ApiError> {
    let more = u32::try_from(responses.saturating_sub(1)).unwrap_or(u32::MAX);
    if more == 0 {
        return Ok(());
    }
    state
        .submit_limiter
        .take(address, more, Instant::now())
        .map_err(|retry_after| {
            tracing::warn!(%address, responses, "submission rate limit reached by a batch");
            ApiError::TooManyRequests {
                retry_after,
                message: "too many responses from this address; retry later (each response of a batch counts)",
            }
        })
}

/// Kiosk claims and heartbeats: no sign-in, so each address has a budget
/// (the submission policy, in buckets of its own).
pub(crate) async fn limit_kiosks(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = state.client_address(&request);
    match state.kiosk_limiter.check(address, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(retry_after) => {
            tracing::warn!(%address, "kiosk rate limit reached");
            ApiError::TooManyRequests {
                retry_after,
                message: "too many kiosk requests from this address; retry later",
            }
            .into_response()
        }
    }
}

/// The public, signed-out reads (`/public/…`) share the submissions'
/// per-address budget: a kiosk or phone that reads them also submits, and
/// one bound covers both.
pub(crate) async fn limit_public_reads(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = state.client_address(&request);
    match state.submit_limiter.check(address, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(retry_after) => {
            tracing::warn!(%address, "public read rate limit reached");
            ApiError::TooManyRequests {
                retry_after,
                message: "too many requests from this address; retry later",
            }
            .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    const ONE_A_SECOND: RatePolicy = RatePolicy {
        per_minute: 60,
        burst: 3,
    };

    #[test]
    fn a_batch_costs_its_responses_up_to_the_burst() {
        let limiter = RateLimiter::new("test", ONE_A_SECOND);
        let t0 = Instant::now();
        assert_eq!(limiter.take(address(1), 2, t0), Ok(()));
        assert!(limiter.take(address(1), 2, t0).is_err());
        assert_eq!(limiter.take(address(1), 1, t0), Ok(()));
        // More than the burst costs the burst: it passes a full bucket.
        assert_eq!(limiter.take(address(2), 500, t0), Ok(()));
        assert!(limiter.check(address(2), t0).is_err());
    }

    fn address(last: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(10, 0, 0, last))
    }

    #[test]
    fn a_burst_passes_then_the_rate_applies() {
        let limiter = RateLimiter::new("test", ONE_A_SECOND);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check(address(1), t0), Ok(()));
        }
        let wait = limiter.check(address(1), t0).unwrap_err();
        assert!((wait.as_secs_f64() - 1.0).abs() < 1e-6, "{wait:?}");
        assert_eq!(
            limiter.check(address(1), t0 + Duration::from_secs(1)),
            Ok(())
        );
        assert!(limiter
            .check(address(1), t0 + Duration::from_secs(1))
            .is_err());
    }

    #[test]
    fn addresses_have_their_own_buckets() {
        let limiter = RateLimiter::new("test", ONE_A_SECOND);
        let t0 = Instant::now();
        for _ in 0..3 {
            limiter.check(address(1), t0).unwrap();
        }
        assert!(limiter.check(address(1), t0).is_err());
        assert_eq!(limiter.check(address(2), t0), Ok(()));
    }

    #[test]
    fn a_rate_of_zero_turns_the_limit_off() {
        let limiter = RateLimiter::new(
            "test",
            RatePolicy {
                per_minute: 0,
                burst: 0,
            },
        );
        let t0 = Instant::now();
        for _ in 0..10_000 {
            assert_eq!(limiter.check(address(1), t0), Ok(()));
        }
    }

    #[test]
    fn buckets_refill_only_up_to_the_burst() {
        let limiter = RateLimiter::new("test", ONE_A_SECOND);
        let t0 = Instant::now();
        let later = t0 + Duration::from_secs(3600);
        limiter.check(address(1), t0).unwrap();
        for _ in 0..3 {
            assert_eq!(limiter.check(address(1), later), Ok(()));
        }
        assert!(limiter.check(address(1), later).is_err());
    }
}
