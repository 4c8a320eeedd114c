//! `GET /cases`, `GET /cases/{id}`, `POST /cases/{id}/events`
//! (docs/formats.md §6). An account sees the cases of its scope only; a
//! case out of scope answers 404, as one that does not exist. The
//! response's answers and comment come with a case, to signed-in accounts
//! in scope only; log lines name the case and the action, never a text.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::Deserialize;
use wire::{
    Assignee, Assignees, CaseAction, CaseDetail, CaseEvent, CaseList, CaseResponse, CaseStatus,
};

use super::json_body::read_json;
use super::query;
use crate::auth::Scope;
use crate::cases::{apply, CaseState, EventError};
use crate::clock::rfc3339;
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::store::{CaseChange, CaseFilter, CaseRow};

/// `POST /cases/{id}/events` read field by field, so that a wrong field is
/// named (serde names none inside an internally tagged enum).
#[derive(Debug, Deserialize)]
struct ActionBody {
    action: String,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    root_cause: Option<String>,
}

impl ActionBody {
    fn action(self) -> Result<CaseAction, ApiError> {
        let required = |field: &str, value: Option<String>| {
            value.ok_or_else(|| ApiError::Unprocessable(format!("{field}: is required")))
        };
        let text = self.text.unwrap_or_default();
        Ok(match self.action.as_str() {
            "assign" => CaseAction::Assign {
                to: required("to", self.to)?,
            },
            "note" => CaseAction::Note { text },
            "resolve" => CaseAction::Resolve {
                root_cause: required("root_cause", self.root_cause)?,
                text,
            },
            "close" => CaseAction::Close { text },
            "reopen" => CaseAction::Reopen { text },
            other => {
                return Err(ApiError::Unprocessable(format!(
                    "action: {other:?} is not assign, note, resolve, close or reopen"
                )))
            }
        })
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct CaseQuery {
    status: Option<String>,
    hospital: Option<String>,
    department: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<CaseQuery>, QueryRejection>,
) -> Result<Json<CaseList>, ApiError> {
    let params = query::query(params)?;
    let status = match params.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(text) => Some(CaseStatus::parse(text).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "status: {text:?} is not open, in_progress, resolved or closed"
            ))
        })?),
    };
    let hospital = query::hospital(params.hospital.as_deref())?;
    let department = params.department.as_deref().filter(|d| !d.is_empty());
    let scope = who
        .scope()
        .restrict_to(hospital, department)
        .map_err(ApiError::Forbidden)?;
    let now = state.clock.unix_seconds();
    let rows = state
        .store
        .cases(&CaseFilter { status, scope }, now)
        .await?;
    Ok(Json(CaseList {
        cases: rows.iter().map(|row| row.to_wire(now)).collect(),
    }))
}

/// The case `id` if the account may see it.
async fn case_in_scope(
    state: &AppState,
    scope: &Scope,
    id: Result<Path<i64>, PathRejection>,
) -> Result<CaseRow, ApiError> {
    let Path(id) = id.map_err(|_| ApiError::NotFound)?;
    match state.store.case(id).await? {
        Some(case) if scope.covers(&case.hospital, &case.department) => Ok(case),
        _ => Err(ApiError::NotFound),
    }
}

/// The case with its timeline and response.
async fn detail(state: &AppState, case: CaseRow) -> Result<CaseDetail, ApiError> {
    let now = state.clock.unix_seconds();
    let events = state
        .store
        .case_events(case.id)
        .await?
        .into_iter()
        .map(|e| CaseEvent {
            at: rfc3339(e.at),
            by: e.username,
            action: e.action,
        })
        .collect();
    let response = match state.store.response_body(&case.response_id).await? {
        None => None,
        Some(body) => {
            let r: scoring::response::Response =
                serde_json::from_str(&body).map_err(ApiError::internal)?;
            Some(CaseResponse {
                instrument: r.instrument,
                instrument_version: r.instrument_version,
                visit_type: r.visit_type.as_str().to_owned(),
                channel: r.channel.as_str().to_owned(),
                submitted_at: r.submitted_at,
                answers: r.answers,
                respondent: r.respondent,
                // Free text is shown masked (docs/scoring.md §16).
                comment: scoring::comments::mask_personal_data(&r.comment),
            })
        }
    };
    Ok(CaseDetail {
        case: case.to_wire(now),
        events,
        response,
    })
}

pub(super) async fn get(
    State(state): State<AppState>,
    who: Authenticated,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<CaseDetail>, ApiError> {
    let case = case_in_scope(&state, &who.scope(), id).await?;
    Ok(Json(detail(&state, case).await?))
}

/// The accounts that can see a case, to whom it may be assigned.
pub(super) async fn assignees(
    State(state): State<AppState>,
    who: Authenticated,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Assignees>, ApiError> {
    let case = case_in_scope(&state, &who.scope(), id).await?;
    let assignees = state
        .store
        .accounts()
        .await?
        .into_iter()
        .filter(|a| {
            Scope::of(a.role, a.hospital.as_deref(), a.department.as_deref())
                .covers(&case.hospital, &case.department)
        })
        .map(|a| Assignee {
            username: a.username,
            role: a.role.to_wire(),
        })
        .collect();
    Ok(Json(Assignees { assignees }))
}

fn action_name(action: &CaseAction) -> &'static str {
    match action {
        CaseAction::Assign { .. } => "assign",
        CaseAction::Note { .. } => "note",
        CaseAction::Resolve { .. } => "resolve",
        CaseAction::Close { .. } => "close",
        CaseAction::Reopen { .. } => "reopen",
    }
}

pub(super) async fn post_event(
    State(state): State<AppState>,
    who: Authenticated,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<CaseDetail>, ApiError> {
    let case = case_in_scope(&state, &who.scope(), id).await?;
    let action = read_json::<ActionBody>(&headers, body, state.max_body_bytes)?.action()?;
    if let CaseAction::Assign { to } = &action {
        // Only to an account that can see the case.
        let account = state.store.find_account(to.trim()).await?;
        let sees_it = account.is_some_and(|a| {
            Scope::of(a.role, a.hospital.as_deref(), a.department.as_deref())
                .covers(&case.hospital, &case.department)
        });
        if !sees_it {
            return Err(ApiError::Unprocessable(format!(
                "to: no account {:?} that can see this case",
                to.trim()
            )));
        }
    }
    let current = CaseState {
        status: case.status,
        assignee: case.assignee.clone(),
    };
    let applied = apply(&current, action).map_err(|e| match e {
        EventError::Invalid { .. } => ApiError::Unprocessable(e.to_string()),
        EventError::NotNow(message) => ApiError::Conflict(message),
    })?;
    let change = CaseChange {
        id: case.id,
        from: case.status,
        status: applied.state.status,
        assignee: applied.state.assignee.as_deref(),
        action: &applied.action,
        username: &who.0.username,
        at: state.clock.unix_seconds(),
        forget_contact: applied.forget_contact,
    };
    if !state.store.change_case(&change).await? {
        return Err(ApiError::Conflict(
            "the case changed meanwhile; reload it and try again".into(),
        ));
    }
    tracing::info!(
        username = %who.0.username,
        case = case.id,
        action = action_name(&applied.action),
        status = applied.state.status.as_str(),
        "case event"
    );
    let case = state.store.case(case.id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(detail(&state, case).await?))
}
