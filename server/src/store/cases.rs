//! Alert settings, cases, their timeline and call-back numbers
//! (docs/formats.md §6). Cases are inserted by `insert_responses`, in the
//! transaction that stores their response; here they are read, changed by
//! staff actions, and swept (overdue, expired numbers).

use sqlx::Row;
use wire::{AlertSettings, CaseAction, CaseStatus, Reason};

use super::outbox::INSERT_OUTBOX;
use super::{on_pool, Store, StoreError};
use crate::auth::Restriction;
use crate::clock::rfc3339;
use crate::notify::payload::CaseFacts;
use crate::notify::{case_event, CaseLinks, Event};

pub(super) const SELECT_SETTINGS: &str = "SELECT settings FROM alert_settings WHERE hospital = $1";
const UPSERT_SETTINGS: &str = "INSERT INTO alert_settings (hospital, settings, updated_at) \
     VALUES ($1, $2, $3) ON CONFLICT (hospital) DO UPDATE SET \
     settings = excluded.settings, updated_at = excluded.updated_at";
pub(super) const INSERT_CASE: &str = "INSERT INTO cases \
     (response_id, hospital, department, created_at, due_at, status, reasons) \
     VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id";
pub(super) const INSERT_CONTACT: &str =
    "INSERT INTO case_contacts (case_id, phone, expires_at) VALUES ($1, $2, $3)";
/// A case with its call-back number, if still kept.
const CASE_COLUMNS: &str = "c.id, c.response_id, c.hospital, c.department, c.created_at, \
     c.due_at, c.status, c.assignee, c.reasons, k.phone \
     FROM cases c LEFT JOIN case_contacts k ON k.case_id = c.id";
/// Overdue first (not finished and past due), then newest first.
const CASE_ORDER: &str =
    "ORDER BY CASE WHEN c.status IN ('open', 'in_progress') AND c.due_at <= $1 \
     THEN 0 ELSE 1 END, c.created_at DESC, c.id DESC LIMIT $5";
const UPDATE_CASE: &str =
    "UPDATE cases SET status = $1, assignee = $2 WHERE id = $3 AND status = $4";
const INSERT_EVENT: &str =
    "INSERT INTO case_events (case_id, at, username, action) VALUES ($1, $2, $3, $4)";
const DELETE_CONTACT: &str = "DELETE FROM case_contacts WHERE case_id = $1";
const SELECT_EVENTS: &str =
    "SELECT at, username, action FROM case_events WHERE case_id = $1 ORDER BY id";
const SELECT_RESPONSE_BODY: &str = "SELECT body FROM responses WHERE id = $1";
const DELETE_EXPIRED_CONTACTS: &str = "DELETE FROM case_contacts WHERE expires_at <= $1";
const SELECT_NEWLY_OVERDUE: &str = "SELECT id, hospital, department, due_at, reasons FROM cases \
     WHERE overdue_notified = 0 AND due_at <= $1 AND status IN ('open', 'in_progress') \
     ORDER BY id LIMIT 100";
/// Marks one case; the `overdue_notified = 0` condition makes the mark,
/// and so its notification, happen once even with several servers.
const MARK_OVERDUE: &str =
    "UPDATE cases SET overdue_notified = 1 WHERE id = $1 AND overdue_notified = 0";

/// The most cases one list returns.
pub const MAX_LISTED_CASES: i64 = 1000;

/// The settings stored for a hospital, or the defaults.
pub(super) fn parse_settings(text: Option<&str>) -> Result<AlertSettings, StoreError> {
    match text {
        None => Ok(AlertSettings::default()),
        Some(text) => serde_json::from_str(text)
            .map_err(|e| StoreError::Corrupt(format!("alert settings: {e}"))),
    }
}

/// A case as stored, before `overdue` is computed for the caller's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: i64,
    pub response_id: String,
    pub hospital: String,
    pub department: String,
    pub created_at: i64,
    pub due_at: i64,
    pub status: CaseStatus,
    pub assignee: Option<String>,
    pub reasons: Vec<Reason>,
    pub phone: Option<String>,
}

impl CaseRow {
    /// The API form at `now` (seconds).
    pub fn to_wire(&self, now: i64) -> wire::Case {
        wire::Case {
            id: self.id,
            response_id: self.response_id.clone(),
            hospital: self.hospital.clone(),
            department: self.department.clone(),
            created_at: rfc3339(self.created_at),
            due_at: rfc3339(self.due_at),
            status: self.status,
            assignee: self.assignee.clone(),
            reasons: self.reasons.clone(),
            overdue: !self.status.is_finished() && self.due_at <= now,
            callback: self.phone.clone().map(|phone| wire::Callback { phone }),
        }
    }
}

/// One timeline entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub at: i64,
    pub username: String,
    pub action: CaseAction,
}

/// Which cases to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    pub scope: Restriction,
}

/// A change to a case, from a staff action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseChange<'a> {
    pub id: i64,
    /// The status the change was decided from: the update applies only if
    /// the case is still in it.
    pub from: CaseStatus,
    pub status: CaseStatus,
    pub assignee: Option<&'a str>,
    pub action: &'a CaseAction,
    pub username: &'a str,
    pub at: i64,
    pub forget_contact: bool,
}

fn case_from_row<R>(row: &R) -> Result<CaseRow, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let status: String = row.try_get(6)?;
    let reasons: String = row.try_get(8)?;
    Ok(CaseRow {
        id: row.try_get(0)?,
        response_id: row.try_get(1)?,
        hospital: row.try_get(2)?,
        department: row.try_get(3)?,
        created_at: row.try_get(4)?,
        due_at: row.try_get(5)?,
        status: CaseStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("case status {status:?}")))?,
        assignee: row.try_get(7)?,
        reasons: serde_json::from_str(&reasons)
            .map_err(|e| StoreError::Corrupt(format!("case reasons: {e}")))?,
        phone: row.try_get(9)?,
    })
}

/// What a sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Cases newly found overdue (each marked, and notified, once).
    pub overdue: usize,
    /// Call-back numbers deleted after their time.
    pub contacts_expired: u64,
}

impl Store {
    /// A hospital's alert settings (the defaults until changed).
    pub async fn alert_settings(&self, hospital: &str) -> Result<AlertSettings, StoreError> {
        on_pool!(self, pool => {
            let text: Option<String> = sqlx::query_scalar(SELECT_SETTINGS)
                .bind(hospital)
                .fetch_optional(pool)
                .await?;
            parse_settings(text.as_deref())
        })
    }

    pub async fn put_alert_settings(
        &self,
        hospital: &str,
        settings: &AlertSettings,
        now: i64,
    ) -> Result<(), StoreError> {
        let text =
            serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        on_pool!(self, pool => {
            sqlx::query(UPSERT_SETTINGS)
                .bind(hospital)
                .bind(text)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Cases in `filter`, overdue first, then newest first (`now` in seconds).
    pub async fn cases(&self, filter: &CaseFilter, now: i64) -> Result<Vec<CaseRow>, StoreError> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} WHERE ($2 IS NULL OR c.status = $2) \
             AND ($3 IS NULL OR c.hospital = $3) AND ($4 IS NULL OR c.department = $4) {CASE_ORDER}"
        );
        on_pool!(self, pool => {
            let rows = sqlx::query(&sql)
                .bind(now)
                .bind(filter.status.map(CaseStatus::as_str))
                .bind(filter.scope.hospital.as_deref())
                .bind(filter.scope.department.as_deref())
                .bind(MAX_LISTED_CASES)
                .fetch_all(pool)
                .await?;
            rows.iter().map(case_from_row).collect()
        })
    }

    pub async fn case(&self, id: i64) -> Result<Option<CaseRow>, StoreError> {
        let sql = format!("SELECT {CASE_COLUMNS} WHERE c.id = $1");
        on_pool!(self, pool => {
            let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
            row.as_ref().map(case_from_row).transpose()
        })
    }

    /// The case of a response, if it has one.
    pub async fn case_of_response(&self, response_id: &str) -> Result<Option<CaseRow>, StoreError> {
        let sql = format!("SELECT {CASE_COLUMNS} WHERE c.response_id = $1");
        on_pool!(self, pool => {
            let row = sqlx::query(&sql).bind(response_id).fetch_optional(pool).await?;
            row.as_ref().map(case_from_row).transpose()
        })
    }

    /// A case's timeline, oldest first.
    pub async fn case_events(&self, id: i64) -> Result<Vec<EventRow>, StoreError> {
        on_pool!(self, pool => {
            let rows = sqlx::query(SELECT_EVENTS).bind(id).fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    let action: String = row.try_get(2)?;
                    Ok(EventRow {
                        at: row.try_get(0)?,
                        username: row.try_get(1)?,
                        action: serde_json::from_str(&action)
                            .map_err(|e| StoreError::Corrupt(format!("case event: {e}")))?,
                    })
                })
                .collect()
        })
    }

    /// The stored body of a response.
    pub async fn response_body(&self, id: &str) -> Result<Option<String>, StoreError> {
        on_pool!(self, pool => {
            Ok(sqlx::query_scalar(SELECT_RESPONSE_BODY).bind(id).fetch_optional(pool).await?)
        })
    }

    /// Applies a staff action in one transaction: the new status and
    /// assignee, the timeline entry, and the call-back number deleted when
    /// the action finishes the case. `false`: the case changed status
    /// meanwhile, and nothing was written.
    pub async fn change_case(&self, change: &CaseChange<'_>) -> Result<bool, StoreError> {
        let action =
            serde_json::to_string(change.action).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        on_pool!(self, pool => {
            let mut tx = match self {
                Store::Sqlite(_) => pool.begin_with("BEGIN IMMEDIATE").await?,
                Store::Postgres(_) => pool.begin().await?,
            };
            let updated = sqlx::query(UPDATE_CASE)
                .bind(change.status.as_str())
                .bind(change.assignee)
                .bind(change.id)
                .bind(change.from.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if updated != 1 {
                return Ok(false);
            }
            sqlx::query(INSERT_EVENT)
                .bind(change.id)
                .bind(change.at)
                .bind(change.username)
                .bind(&action)
                .execute(&mut *tx)
                .await?;
            if change.forget_contact {
                sqlx::query(DELETE_CONTACT).bind(change.id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Deletes the call-back numbers whose time has passed, and marks the
    /// cases that became overdue, queueing each one's `case.overdue`
    /// notification (when its hospital has a webhook) in the same
    /// transaction as its mark: exactly once per case, whichever server
    /// sweeps.
    pub async fn sweep_cases(&self, now: i64, links: &CaseLinks) -> Result<Swept, StoreError> {
        let mut swept = Swept::default();
        on_pool!(self, pool => {
            swept.contacts_expired = sqlx::query(DELETE_EXPIRED_CONTACTS)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected();
            loop {
                let mut tx = match self {
                    Store::Sqlite(_) => pool.begin_with("BEGIN IMMEDIATE").await?,
                    Store::Postgres(_) => pool.begin().await?,
                };
                let due: Vec<(i64, String, String, i64, String)> =
                    sqlx::query_as(SELECT_NEWLY_OVERDUE).bind(now).fetch_all(&mut *tx).await?;
                if due.is_empty() {
                    break;
                }
                let mut webhooks = std::collections::HashMap::new();
                for (id, hospital, department, due_at, reasons) in &due {
                    let marked = sqlx::query(MARK_OVERDUE)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if marked != 1 {
                        continue;
                    }
                    swept.overdue += 1;
                    if !webhooks.contains_key(hospital) {
                        let text: Option<String> = sqlx::query_scalar(SELECT_SETTINGS)
                            .bind(hospital)
                            .fetch_optional(&mut *tx)
                            .await?;
                        let settings = parse_settings(text.as_deref())?;
                        webhooks.insert(hospital.clone(), settings.webhook.is_some());
                    }
                    if webhooks.get(hospital) != Some(&true) {
                        continue;
                    }
                    let reasons: Vec<Reason> = serde_json::from_str(reasons)
                        .map_err(|e| StoreError::Corrupt(format!("case reasons: {e}")))?;
                    let due = rfc3339(*due_at);
                    let facts = CaseFacts {
                        id: *id,
                        hospital,
                        department,
                        reasons: &reasons,
                        due_at: &due,
                    };
                    let (key, body) = case_event(Event::Overdue, facts, links);
                    sqlx::query(INSERT_OUTBOX)
                        .bind(hospital)
                        .bind(key)
                        .bind(body)
                        .bind(now * 1000)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
            }
        });
        Ok(swept)
    }
}
