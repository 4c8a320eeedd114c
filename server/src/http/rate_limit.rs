//! Per-address rate limit on submissions: a token bucket per client IP.
//!
//! Kiosks of one hospital often share a NAT address, so the default is
//! generous (600 a minute with a burst of 600); the limit is there to stop
//! a runaway client or a flood, not a busy hall. A request costs one token
//! however many responses it carries (an offline kiosk syncs its queue as
//! one batch).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{error::ApiError, AppState};

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
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn full(policy: RatePolicy, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(policy.burst.max(1)),
            last: now,
        }
    }

    /// Takes one token, or says how long until one is there.
    fn take(&mut self, policy: RatePolicy, now: Instant) -> Result<(), Duration> {
        let burst = f64::from(policy.burst.max(1));
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * policy.per_second()).min(burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64(
                (1.0 - self.tokens) / policy.per_second(),
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
    policy: RatePolicy,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl RateLimiter {
    pub fn new(policy: RatePolicy) -> RateLimiter {
        RateLimiter {
            policy,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(wait)` when `address` has used its tokens.
    pub fn check(&self, address: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.policy.per_minute == 0 {
            return Ok(());
        }
        // A poisoned lock only means another request panicked mid-update
        // of a bucket; the counts are still usable.
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            let policy = self.policy;
            buckets.retain(|_, bucket| !bucket.is_full(policy, now));
        }
        buckets
            .entry(address)
            .or_insert_with(|| Bucket::full(self.policy, now))
            .take(self.policy, now)
    }
}

/// The peer address of the connection (`listen` records it). Behind a
/// reverse proxy this is the proxy: run the limit there instead.
pub(crate) fn client_address(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

pub(crate) async fn limit_submissions(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = client_address(&request);
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

/// Kiosk claims and heartbeats: no sign-in, so each address has a budget
/// (the submission policy, in buckets of its own).
pub(crate) async fn limit_kiosks(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = client_address(&request);
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

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_A_SECOND: RatePolicy = RatePolicy {
        per_minute: 60,
        burst: 3,
    };

    fn address(last: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(10, 0, 0, last))
    }

    #[test]
    fn a_burst_passes_then_the_rate_applies() {
        let limiter = RateLimiter::new(ONE_A_SECOND);
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
        let limiter = RateLimiter::new(ONE_A_SECOND);
        let t0 = Instant::now();
        for _ in 0..3 {
            limiter.check(address(1), t0).unwrap();
        }
        assert!(limiter.check(address(1), t0).is_err());
        assert_eq!(limiter.check(address(2), t0), Ok(()));
    }

    #[test]
    fn a_rate_of_zero_turns_the_limit_off() {
        let limiter = RateLimiter::new(RatePolicy {
            per_minute: 0,
            burst: 0,
        });
        let t0 = Instant::now();
        for _ in 0..10_000 {
            assert_eq!(limiter.check(address(1), t0), Ok(()));
        }
    }

    #[test]
    fn buckets_refill_only_up_to_the_burst() {
        let limiter = RateLimiter::new(ONE_A_SECOND);
        let t0 = Instant::now();
        let later = t0 + Duration::from_secs(3600);
        limiter.check(address(1), t0).unwrap();
        for _ in 0..3 {
            assert_eq!(limiter.check(address(1), later), Ok(()));
        }
        assert!(limiter.check(address(1), later).is_err());
    }
}
