//! The action-plan ledger (整改台账, docs/formats.md §6). A plan is one
//! row; its notes are a JSON list.

use sqlx::Row;
use wire::{ActionPlan, PlanStatus, PublicAction, Target, TargetScope};

use super::{on_pool, Store, StoreError};
use crate::auth::Restriction;

const COLUMNS: &str = "id, hospital, department, title, target_scope, target_id, owner, due, \
     status, started, notes, public_text FROM action_plans";
const INSERT: &str = "INSERT INTO action_plans (hospital, department, title, target_scope, \
     target_id, owner, due, status, started, notes, public_text, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
const UPDATE: &str = "UPDATE action_plans SET title = $2, target_scope = $3, target_id = $4, \
     owner = $5, due = $6, status = $7, started = $8, notes = $9, public_text = $10 WHERE id = $1";
const PUBLIC: &str = "SELECT department, title, public_text, status, started FROM action_plans \
     WHERE hospital = $1 AND public_text IS NOT NULL ORDER BY started DESC, id DESC LIMIT $2";

/// The most plans the public list shows.
pub(super) const MAX_PUBLIC_ACTIONS: i64 = 20;

fn scope_text(scope: TargetScope) -> &'static str {
    match scope {
        TargetScope::Item => "item",
        TargetScope::Stage => "stage",
        TargetScope::Index => "index",
    }
}

pub(crate) fn status_text(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Planned => "planned",
        PlanStatus::InProgress => "in_progress",
        PlanStatus::Done => "done",
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| StoreError::Corrupt(format!("{what} {text:?}")))
}

fn plan_from_row<R>(row: &R) -> Result<ActionPlan, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let scope: String = row.try_get(4)?;
    let status: String = row.try_get(8)?;
    let notes: String = row.try_get(10)?;
    Ok(ActionPlan {
        id: row.try_get(0)?,
        hospital: row.try_get(1)?,
        department: row.try_get(2)?,
        title: row.try_get(3)?,
        target: Target {
            scope: parse_enum("target scope", &scope)?,
            id: row.try_get(5)?,
        },
        owner: row.try_get(6)?,
        due: row.try_get(7)?,
        status: parse_enum("plan status", &status)?,
        started: row.try_get(9)?,
        notes: serde_json::from_str(&notes)
            .map_err(|e| StoreError::Corrupt(format!("plan notes: {e}")))?,
        public_text: row.try_get(11)?,
    })
}

fn notes_json(plan: &ActionPlan) -> Result<String, StoreError> {
    serde_json::to_string(&plan.notes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// The plans in scope, newest first.
    pub async fn action_plans(&self, scope: &Restriction) -> Result<Vec<ActionPlan>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} WHERE ($1 IS NULL OR hospital = $1) \
             AND ($2 IS NULL OR department = $2) ORDER BY id DESC"
        );
        on_pool!(self, pool => {
            let rows = sqlx::query(&sql)
                .bind(scope.hospital.as_deref())
                .bind(scope.department.as_deref())
                .fetch_all(pool)
                .await?;
            rows.iter().map(plan_from_row).collect()
        })
    }

    pub async fn action_plan(&self, id: i64) -> Result<Option<ActionPlan>, StoreError> {
        let sql = format!("SELECT {COLUMNS} WHERE id = $1");
        on_pool!(self, pool => {
            let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
            row.as_ref().map(plan_from_row).transpose()
        })
    }

    /// Stores a new plan (its `id` is ignored) and returns its id.
    pub async fn insert_action_plan(&self, plan: &ActionPlan, now: i64) -> Result<i64, StoreError> {
        let notes = notes_json(plan)?;
        on_pool!(self, pool => {
            Ok(sqlx::query_scalar(INSERT)
                .bind(&plan.hospital)
                .bind(&plan.department)
                .bind(&plan.title)
                .bind(scope_text(plan.target.scope))
                .bind(&plan.target.id)
                .bind(&plan.owner)
                .bind(&plan.due)
                .bind(status_text(plan.status))
                .bind(&plan.started)
                .bind(notes)
                .bind(plan.public_text.as_deref())
                .bind(now)
                .fetch_one(pool)
                .await?)
        })
    }

    /// Writes every changeable field of a plan (hospital and department
    /// stay).
    pub async fn update_action_plan(&self, plan: &ActionPlan) -> Result<(), StoreError> {
        let notes = notes_json(plan)?;
        on_pool!(self, pool => {
            sqlx::query(UPDATE)
                .bind(plan.id)
                .bind(&plan.title)
                .bind(scope_text(plan.target.scope))
                .bind(&plan.target.id)
                .bind(&plan.owner)
                .bind(&plan.due)
                .bind(status_text(plan.status))
                .bind(&plan.started)
                .bind(notes)
                .bind(plan.public_text.as_deref())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// A hospital's published plans ("you said, we did"), latest started
    /// first.
    pub async fn public_actions(&self, hospital: &str) -> Result<Vec<PublicAction>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(PUBLIC)
                .bind(hospital)
                .bind(MAX_PUBLIC_ACTIONS)
                .fetch_all(pool)
                .await?;
            rows.into_iter()
                .map(|(department, title, public_text, status, started)| {
                    Ok(PublicAction {
                        department,
                        title,
                        public_text,
                        status: parse_enum("plan status", &status)?,
                        started,
                    })
                })
                .collect()
        })
    }
}
