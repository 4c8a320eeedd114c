//! The tables of the limits every server on one database shares (README,
//! "Operations"): `login_failures` (the login throttle of `auth::throttle`)
//! and `rate_buckets` (the per-address token buckets of `http::rate_limit`).
//!
//! Each change is one statement that reads and writes its row, so two
//! servers, or two requests of one, cannot both pass a limit meant for one.

use sqlx::Row;

use super::{on_pool, Store, StoreError};

/// A login attempt's row: counted before the password is checked, and
/// refused (no row written, none returned) while the key is locked.
///
/// `$1` key, `$2` now (s), `$3` free failures, `$4` base delay (s),
/// `$5` the time before which old failures are forgotten, `$6` the
/// longest delay (s). The delay doubles from `$4` with each failure past
/// `$3`, as `ThrottlePolicy` describes.
const RESERVE_ATTEMPT: &str = "\
INSERT INTO login_failures (key, failures, delay_seconds, last_at, locked_until) \
VALUES ($1, 1, CASE WHEN 1 > $3 THEN $4 ELSE 0 END, $2, $2 + CASE WHEN 1 > $3 THEN $4 ELSE 0 END) \
ON CONFLICT (key) DO UPDATE SET \
  failures = CASE WHEN login_failures.last_at < $5 THEN 1 ELSE login_failures.failures + 1 END, \
  delay_seconds = CASE \
    WHEN login_failures.last_at < $5 OR login_failures.failures + 1 <= $3 THEN 0 \
    WHEN login_failures.delay_seconds = 0 THEN $4 \
    WHEN login_failures.delay_seconds * 2 > $6 THEN $6 \
    ELSE login_failures.delay_seconds * 2 END, \
  last_at = $2, \
  locked_until = $2 + CASE \
    WHEN login_failures.last_at < $5 OR login_failures.failures + 1 <= $3 THEN 0 \
    WHEN login_failures.delay_seconds = 0 THEN $4 \
    WHEN login_failures.delay_seconds * 2 > $6 THEN $6 \
    ELSE login_failures.delay_seconds * 2 END \
WHERE login_failures.locked_until <= $2 \
RETURNING failures";

const LOCKED_UNTIL: &str =
    "SELECT COALESCE(MAX(locked_until), 0) FROM login_failures WHERE key = $1 OR key = $2";
const FORGET: &str = "DELETE FROM login_failures WHERE key = $1";
/// A right password was not a failure: the address's count is given back.
const GIVE_BACK: &str =
    "UPDATE login_failures SET failures = failures - 1 WHERE key = $1 AND failures > 0";
const PRUNE_FAILURES: &str = "DELETE FROM login_failures WHERE last_at < $1";

/// Spends `$4` tokens of the bucket `($1, $2)` after refilling it at `$6`
/// tokens a millisecond up to `$3` since its last update, at `$5` (ms);
/// answers what is left (below zero when the servers together overspent).
const SPEND_TOKENS: &str = "\
INSERT INTO rate_buckets (scope, key, tokens, updated_ms) VALUES ($1, $2, $3 - $4, $5) \
ON CONFLICT (scope, key) DO UPDATE SET \
  tokens = CASE \
    WHEN rate_buckets.tokens + (CASE WHEN $5 > rate_buckets.updated_ms THEN $5 - rate_buckets.updated_ms ELSE 0 END) * $6 > $3 THEN $3 \
    ELSE rate_buckets.tokens + (CASE WHEN $5 > rate_buckets.updated_ms THEN $5 - rate_buckets.updated_ms ELSE 0 END) * $6 END - $4, \
  updated_ms = CASE WHEN $5 > rate_buckets.updated_ms THEN $5 ELSE rate_buckets.updated_ms END \
RETURNING tokens";
const PRUNE_BUCKETS: &str = "DELETE FROM rate_buckets WHERE updated_ms < $1";

/// How a login key is throttled, in whole seconds (`auth::ThrottlePolicy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptPolicy {
    pub free_failures: i64,
    pub base_delay: i64,
    pub max_delay: i64,
    pub forget_after: i64,
}

/// A per-address bucket's refill, in tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BucketPolicy {
    pub burst: f64,
    pub per_millisecond: f64,
}

impl Store {
    /// Counts an attempt against every key at `now`, all or none: `Ok(None)`
    /// when every key was open (the attempt may check its password),
    /// `Ok(Some(until))` when one is locked until `until` (nothing counted).
    pub async fn reserve_login_attempt(
        &self,
        keys: &[(&str, AttemptPolicy)],
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let refused = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let mut refused = false;
            for (key, policy) in keys {
                let counted = sqlx::query(RESERVE_ATTEMPT)
                    .bind(*key)
                    .bind(now)
                    .bind(policy.free_failures)
                    .bind(policy.base_delay)
                    .bind(now.saturating_sub(policy.forget_after))
                    .bind(policy.max_delay)
                    .fetch_optional(&mut *tx)
                    .await?;
                if counted.is_none() {
                    refused = true;
                    break;
                }
            }
            if refused {
                tx.rollback().await?;
            } else {
                tx.commit().await?;
            }
            refused
        });
        if !refused {
            return Ok(None);
        }
        let first = keys.first().map_or("", |(key, _)| *key);
        let second = keys.get(1).map_or(first, |(key, _)| *key);
        let until: i64 = on_pool!(self, pool => {
            sqlx::query(LOCKED_UNTIL)
                .bind(first)
                .bind(second)
                .fetch_one(pool)
                .await?
                .try_get(0)?
        });
        Ok(Some(until.max(now + 1)))
    }

    /// After a right password: the username's failures are forgotten and
    /// the address gets its counted attempt back.
    pub async fn login_succeeded(
        &self,
        username_key: &str,
        address_key: &str,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(FORGET).bind(username_key).execute(&mut *tx).await?;
            sqlx::query(GIVE_BACK).bind(address_key).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Forgets failures last counted before `before` (seconds).
    pub async fn prune_login_failures(&self, before: i64) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(PRUNE_FAILURES).bind(before).execute(pool).await?.rows_affected()
        }))
    }

    /// Spends `spent` tokens of the shared bucket `scope`/`key` at `now_ms`
    /// and answers the tokens left.
    pub async fn spend_rate_tokens(
        &self,
        scope: &str,
        key: &str,
        spent: f64,
        policy: BucketPolicy,
        now_ms: i64,
    ) -> Result<f64, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(SPEND_TOKENS)
                .bind(scope)
                .bind(key)
                .bind(policy.burst)
                .bind(spent)
                .bind(now_ms)
                .bind(policy.per_millisecond)
                .fetch_one(pool)
                .await?
                .try_get(0)?
        }))
    }

    /// Deletes buckets untouched since `before_ms` (full again by then).
    pub async fn prune_rate_buckets(&self, before_ms: i64) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(PRUNE_BUCKETS).bind(before_ms).execute(pool).await?.rows_affected()
        }))
    }
}
