//! The webhook outbox: events queued in the transaction that makes them
//! true, claimed by a deliverer with a lease (several servers on one
//! PostgreSQL never hold the same row at once: `FOR UPDATE SKIP LOCKED`;
//! SQLite has one writer), then marked delivered or given a later attempt.
//! A row whose deliverer died is taken again when its lease runs out, so
//! delivery is at least once. Times are in milliseconds.

use super::{on_pool, Store, StoreError};

pub(super) const INSERT_OUTBOX: &str = "INSERT INTO outbox \
     (hospital, idempotency_key, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4) \
     ON CONFLICT (idempotency_key) DO NOTHING";
const CLAIM_SQLITE: &str = "UPDATE outbox SET lease_until = $1 + $2, attempts = attempts + 1 \
     WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1 \
     AND lease_until <= $1 ORDER BY id LIMIT $3) \
     RETURNING id, hospital, idempotency_key, body, attempts";
const CLAIM_POSTGRES: &str = "UPDATE outbox SET lease_until = $1 + $2, attempts = attempts + 1 \
     WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1 \
     AND lease_until <= $1 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) \
     RETURNING id, hospital, idempotency_key, body, attempts";
const DELIVERED: &str =
    "UPDATE outbox SET delivered_at = $2, lease_until = 0, last_error = NULL WHERE id = $1";
const RETRY: &str =
    "UPDATE outbox SET next_attempt_at = $2, lease_until = 0, last_error = $3 WHERE id = $1";
const WAITING: &str = "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL";

/// A row taken for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub hospital: String,
    pub idempotency_key: String,
    pub body: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

impl Store {
    /// Takes up to `limit` rows due at `now` for `lease` milliseconds.
    pub async fn claim_outbox(
        &self,
        now: i64,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let sql = match self {
            Store::Sqlite(_) => CLAIM_SQLITE,
            Store::Postgres(_) => CLAIM_POSTGRES,
        };
        on_pool!(self, pool => {
            let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(sql)
                .bind(now)
                .bind(lease)
                .bind(limit)
                .fetch_all(pool)
                .await?;
            let mut claimed: Vec<Claimed> = rows
                .into_iter()
                .map(|(id, hospital, idempotency_key, body, attempts)| Claimed {
                    id,
                    hospital,
                    idempotency_key,
                    body,
                    attempts,
                })
                .collect();
            claimed.sort_by_key(|c| c.id);
            Ok(claimed)
        })
    }

    pub async fn outbox_delivered(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(DELIVERED).bind(id).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    /// Gives the row back for another attempt at `next_attempt_at`.
    pub async fn outbox_retry(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(RETRY).bind(id).bind(next_attempt_at).bind(error).execute(pool).await?;
        });
        Ok(())
    }

    /// Events not yet delivered.
    pub async fn outbox_waiting(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(WAITING).fetch_one(pool).await?))
    }
}
