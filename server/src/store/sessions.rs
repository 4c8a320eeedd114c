//! The `sessions` table: who is logged in, until when.
//!
//! Rows hold the SHA-256 of the token, never the token itself.

use super::accounts::account_from_row;
use super::{on_pool, Account, Store, StoreError};

const CREATE: &str = "INSERT INTO sessions (token_hash, username, created_at, expires_at) \
     VALUES ($1, $2, $3, $4)";
const ACCOUNT_OF: &str = "SELECT a.username, a.password_hash, a.role, a.hospital, a.department \
     FROM sessions s JOIN accounts a ON a.username = s.username \
     WHERE s.token_hash = $1 AND s.expires_at > $2";
const DELETE: &str = "DELETE FROM sessions WHERE token_hash = $1";
const DELETE_OF: &str = "DELETE FROM sessions WHERE username = $1";
const DELETE_EXPIRED: &str = "DELETE FROM sessions WHERE expires_at <= $1";

impl Store {
    pub async fn create_session(
        &self,
        token_hash: &[u8; 32],
        username: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(CREATE)
                .bind(&token_hash[..])
                .bind(username)
                .bind(now)
                .bind(expires_at)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The account of an unexpired session, if any.
    pub async fn session_account(
        &self,
        token_hash: &[u8; 32],
        now: i64,
    ) -> Result<Option<Account>, StoreError> {
        on_pool!(self, pool => {
            let row = sqlx::query(ACCOUNT_OF)
                .bind(&token_hash[..])
                .bind(now)
                .fetch_optional(pool)
                .await?;
            row.map(|row| account_from_row(&row)).transpose()
        })
    }

    pub async fn end_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(DELETE).bind(&token_hash[..]).execute(pool).await?;
        });
        Ok(())
    }

    /// Logs an account out everywhere (after its password changed).
    pub async fn end_sessions_of(&self, username: &str) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(DELETE_OF).bind(username).execute(pool).await?.rows_affected()
        }))
    }

    /// Forgets sessions that can no longer be used.
    pub async fn end_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(DELETE_EXPIRED).bind(now).execute(pool).await?.rows_affected()
        }))
    }
}
