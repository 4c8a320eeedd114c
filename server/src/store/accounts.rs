//! The `accounts` table: administrators who may log in.

use sqlx::Row;

use super::{on_pool, Store, StoreError};
use crate::auth::Role;

/// A staff account. `hospital` is set exactly for `hospital_admin` and
/// `department_head`, `department` exactly for `department_head` (a
/// database CHECK enforces it too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    /// An argon2 PHC string (`$argon2id$v=19$…`).
    pub password_hash: String,
    pub role: Role,
    pub hospital: Option<String>,
    pub department: Option<String>,
}

const UPSERT: &str =
    "INSERT INTO accounts (username, password_hash, role, hospital, created_at, department, demo) \
     VALUES ($1, $2, $3, $4, $5, $6, FALSE) \
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, \
     role = excluded.role, hospital = excluded.hospital, department = excluded.department, \
     demo = FALSE";
/// A demo account is written where the name is free or already a demo
/// account's; a real account of that name is left as it is (no row back).
const PUT_DEMO: &str =
    "INSERT INTO accounts (username, password_hash, role, hospital, created_at, department, demo) \
     VALUES ($1, $2, $3, $4, $5, $6, TRUE) \
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, \
     role = excluded.role, hospital = excluded.hospital, department = excluded.department \
     WHERE accounts.demo \
     RETURNING username";
const ALL: &str =
    "SELECT username, password_hash, role, hospital, department FROM accounts ORDER BY username";
const FIND: &str =
    "SELECT username, password_hash, role, hospital, department FROM accounts WHERE username = $1";

impl Store {
    /// Creates the account, or replaces the password, role and hospital of
    /// an existing one (and so ends none of its sessions: see
    /// [`Store::end_sessions_of`]). The account is a real one from then on:
    /// `seed-demo` no longer touches it.
    pub async fn upsert_account(&self, account: &Account, now: i64) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(UPSERT)
                .bind(&account.username)
                .bind(&account.password_hash)
                .bind(account.role.as_str())
                .bind(account.hospital.as_deref())
                .bind(now)
                .bind(account.department.as_deref())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Writes a demo account (public password) unless a real account has
    /// its name: `Ok(false)` then, and nothing changed.
    pub async fn put_demo_account(&self, account: &Account, now: i64) -> Result<bool, StoreError> {
        let written = on_pool!(self, pool => {
            sqlx::query(PUT_DEMO)
                .bind(&account.username)
                .bind(&account.password_hash)
                .bind(account.role.as_str())
                .bind(account.hospital.as_deref())
                .bind(now)
                .bind(account.department.as_deref())
                .fetch_optional(pool)
                .await?
                .is_some()
        });
        Ok(written)
    }

    /// Every account, by username (few: staff, not patients).
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        on_pool!(self, pool => {
            let rows = sqlx::query(ALL).fetch_all(pool).await?;
            rows.iter().map(account_from_row).collect()
        })
    }

    pub async fn find_account(&self, username: &str) -> Result<Option<Account>, StoreError> {
        on_pool!(self, pool => {
            let row = sqlx::query(FIND).bind(username).fetch_optional(pool).await?;
            row.map(|row| account_from_row(&row)).transpose()
        })
    }
}

/// Reads the five account columns, in order, from a row of either backend.
pub(super) fn account_from_row<R>(row: &R) -> Result<Account, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let role: String = row.try_get(2)?;
    Ok(Account {
        username: row.try_get(0)?,
        password_hash: row.try_get(1)?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        hospital: row.try_get(3)?,
        department: row.try_get(4)?,
    })
}
