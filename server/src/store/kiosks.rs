//! The `kiosks` table: registration, the one-time setup exchange and
//! heartbeats (docs/formats.md §7). Only SHA-256 hashes of setup codes and
//! kiosk secrets are stored.

use sqlx::Row;
use wire::{Heartbeat, KioskReport};

use super::{on_pool, Store, StoreError};

/// A kiosk as stored; times are unix seconds of the server's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskRow {
    pub id: String,
    pub hospital: String,
    pub department: Option<String>,
    pub name: String,
    pub location: Option<String>,
    pub created_at: i64,
    pub set_up_at: Option<i64>,
    pub app_version: Option<String>,
    pub last_delivered_at: Option<String>,
    pub report: KioskReport,
}

/// A kiosk about to be registered (checked by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewKioskRow<'a> {
    pub id: &'a str,
    pub hospital: &'a str,
    pub department: Option<&'a str>,
    pub name: &'a str,
    pub location: Option<&'a str>,
    pub setup_hash: [u8; 32],
}

/// What a claimed kiosk is, for the device that claimed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedKiosk {
    pub id: String,
    pub hospital: String,
    pub department: Option<String>,
    pub name: String,
    pub location: Option<String>,
}

const COLUMNS: &str = "id, hospital, department, name, location, created_at, set_up_at, \
     app_version, last_delivered_at, last_seen, outbox_pending, outbox_rejected, oldest_pending_at";
const INSERT: &str = "INSERT INTO kiosks \
     (id, hospital, department, name, location, setup_hash, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const NEW_SETUP: &str = "UPDATE kiosks SET setup_hash = $2 WHERE id = $1";
/// The code is forgotten in the same statement that accepts it: a second
/// device with the same URL finds nothing.
const CLAIM: &str = "UPDATE kiosks SET setup_hash = NULL, secret_hash = $3, set_up_at = $4 \
     WHERE id = $1 AND setup_hash = $2 \
     RETURNING id, hospital, department, name, location";
const HEARTBEAT: &str = "UPDATE kiosks SET last_seen = $3, app_version = $4, \
     outbox_pending = $5, outbox_rejected = $6, last_delivered_at = $7, oldest_pending_at = $8 \
     WHERE id = $1 AND secret_hash = $2";
const PLACE_OF: &str = "SELECT hospital, department FROM kiosks WHERE id = $1";
const DELETE: &str = "DELETE FROM kiosks WHERE id = $1";

fn kiosk_from_row<R>(row: &R) -> Result<KioskRow, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let count = |i: usize| -> Result<u32, StoreError> {
        let n: i64 = row.try_get(i)?;
        u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("outbox count {n}")))
    };
    Ok(KioskRow {
        id: row.try_get(0)?,
        hospital: row.try_get(1)?,
        department: row.try_get(2)?,
        name: row.try_get(3)?,
        location: row.try_get(4)?,
        created_at: row.try_get(5)?,
        set_up_at: row.try_get(6)?,
        app_version: row.try_get(7)?,
        last_delivered_at: row.try_get(8)?,
        report: KioskReport {
            last_seen: row.try_get(9)?,
            outbox_pending: count(10)?,
            outbox_rejected: count(11)?,
            oldest_pending_at: row.try_get(12)?,
        },
    })
}

impl Store {
    pub async fn create_kiosk(&self, kiosk: &NewKioskRow<'_>, now: i64) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(INSERT)
                .bind(kiosk.id)
                .bind(kiosk.hospital)
                .bind(kiosk.department)
                .bind(kiosk.name)
                .bind(kiosk.location)
                .bind(&kiosk.setup_hash[..])
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Replaces the kiosk's setup code (a new device, a lost link); the
    /// device it has keeps working until another claims it. False when
    /// there is no such kiosk.
    pub async fn new_kiosk_setup(
        &self,
        id: &str,
        setup_hash: &[u8; 32],
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(NEW_SETUP)
                .bind(id)
                .bind(&setup_hash[..])
                .execute(pool)
                .await?
                .rows_affected()
                == 1
        }))
    }

    /// Exchanges a setup code for a secret: `None` unless `setup_hash` is
    /// the kiosk's current, unused code.
    pub async fn claim_kiosk(
        &self,
        id: &str,
        setup_hash: &[u8; 32],
        secret_hash: &[u8; 32],
        now: i64,
    ) -> Result<Option<ClaimedKiosk>, StoreError> {
        on_pool!(self, pool => {
            let row = sqlx::query(CLAIM)
                .bind(id)
                .bind(&setup_hash[..])
                .bind(&secret_hash[..])
                .bind(now)
                .fetch_optional(pool)
                .await?;
            row.map(|row| -> Result<ClaimedKiosk, StoreError> {
                Ok(ClaimedKiosk {
                    id: row.try_get(0)?,
                    hospital: row.try_get(1)?,
                    department: row.try_get(2)?,
                    name: row.try_get(3)?,
                    location: row.try_get(4)?,
                })
            })
            .transpose()
        })
    }

    /// Records a heartbeat (one statement): false unless `secret_hash` is
    /// the kiosk's. `oldest_pending_at` is the server time of the oldest
    /// waiting answer.
    pub async fn record_heartbeat(
        &self,
        id: &str,
        secret_hash: &[u8; 32],
        beat: &Heartbeat,
        oldest_pending_at: Option<i64>,
        now: i64,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(HEARTBEAT)
                .bind(id)
                .bind(&secret_hash[..])
                .bind(now)
                .bind(&beat.app_version)
                .bind(i64::from(beat.outbox_pending))
                .bind(i64::from(beat.outbox_rejected))
                .bind(beat.last_delivered_at.as_deref())
                .bind(oldest_pending_at)
                .execute(pool)
                .await?
                .rows_affected()
                == 1
        }))
    }

    /// The kiosks of one hospital, or of all; by hospital, then name.
    pub async fn list_kiosks(&self, hospital: Option<&str>) -> Result<Vec<KioskRow>, StoreError> {
        let all = format!("SELECT {COLUMNS} FROM kiosks ORDER BY hospital, name, id");
        let of = format!("SELECT {COLUMNS} FROM kiosks WHERE hospital = $1 ORDER BY name, id");
        on_pool!(self, pool => {
            let rows = match hospital {
                Some(code) => sqlx::query(&of).bind(code).fetch_all(pool).await?,
                None => sqlx::query(&all).fetch_all(pool).await?,
            };
            rows.iter().map(kiosk_from_row).collect()
        })
    }

    /// The hospital and department of a kiosk (scope checks, setup links).
    pub async fn kiosk_place(
        &self,
        id: &str,
    ) -> Result<Option<(String, Option<String>)>, StoreError> {
        on_pool!(self, pool => {
            let row = sqlx::query(PLACE_OF).bind(id).fetch_optional(pool).await?;
            row.map(|row| -> Result<_, StoreError> { Ok((row.try_get(0)?, row.try_get(1)?)) })
                .transpose()
        })
    }

    pub async fn delete_kiosk(&self, id: &str) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(DELETE).bind(id).execute(pool).await?.rows_affected() == 1
        }))
    }
}
