//! `GET|POST /action-plans`, `GET|PATCH /action-plans/{id}`: the
//! action-plan ledger (整改台账, docs/formats.md §6). An administrator
//! names the hospital; a hospital administrator's plans are of its
//! hospital (any department, or `""` for the whole hospital); a department
//! head's of its department. A plan out of scope answers 404.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use scoring::instrument::Instrument;
use scoring::timestamp::Date;
use serde::Deserialize;
use wire::{
    ActionPlan, ActionPlanList, ActionPlanPatch, NewActionPlan, PlanNote, PlanStatus, TargetScope,
};

use super::json_body::read_json;
use super::query;
use crate::clock::{rfc3339, utc_date};
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};

const MAX_TITLE_CHARS: usize = 200;
const MAX_OWNER_CHARS: usize = 100;
const MAX_DEPARTMENT_CHARS: usize = 64;
const MAX_PUBLIC_TEXT_CHARS: usize = 500;
const MAX_NOTE_CHARS: usize = 2000;
/// The id of the overall index as a target.
const INDEX_TARGET: &str = "index";

fn invalid(field: &str, message: impl std::fmt::Display) -> ApiError {
    ApiError::Unprocessable(format!("{field}: {message}"))
}

/// A required text, trimmed, of at most `max` characters.
fn required(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(field, "is required"));
    }
    if value.chars().count() > max {
        return Err(invalid(field, format!("longer than {max} characters")));
    }
    Ok(value.to_owned())
}

/// Checks and tidies every field of a plan (texts trimmed; an empty public
/// text is none).
fn check_plan(mut plan: ActionPlan, instrument: &Instrument) -> Result<ActionPlan, ApiError> {
    plan.title = required("title", &plan.title, MAX_TITLE_CHARS)?;
    plan.owner = required("owner", &plan.owner, MAX_OWNER_CHARS)?;
    if plan.department.chars().count() > MAX_DEPARTMENT_CHARS {
        return Err(invalid(
            "department",
            format!("longer than {MAX_DEPARTMENT_CHARS} characters"),
        ));
    }
    for (field, value) in [("due", &plan.due), ("started", &plan.started)] {
        Date::parse(value).map_err(|e| invalid(field, e))?;
    }
    let target = &plan.target;
    let known = match target.scope {
        TargetScope::Item => instrument.item(&target.id).is_some(),
        TargetScope::Stage => instrument.stage(&target.id).is_some(),
        TargetScope::Index => target.id == INDEX_TARGET,
    };
    if !known {
        return Err(invalid(
            "target.id",
            format!(
                "{:?} is not a {} of the instrument{}",
                target.id,
                match target.scope {
                    TargetScope::Item => "item",
                    TargetScope::Stage => "stage",
                    TargetScope::Index => "target",
                },
                if target.scope == TargetScope::Index {
                    " (the index target's id is \"index\")"
                } else {
                    ""
                }
            ),
        ));
    }
    plan.public_text = match plan.public_text.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) if text.chars().count() > MAX_PUBLIC_TEXT_CHARS => {
            return Err(invalid(
                "public_text",
                format!("longer than {MAX_PUBLIC_TEXT_CHARS} characters"),
            ))
        }
        Some(text) => Some(text.to_owned()),
    };
    Ok(plan)
}

#[derive(Debug, Deserialize)]
pub(super) struct PlanQuery {
    hospital: Option<String>,
    department: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<PlanQuery>, QueryRejection>,
) -> Result<Json<ActionPlanList>, ApiError> {
    let params = query::query(params)?;
    let hospital = query::hospital(params.hospital.as_deref())?;
    let scope = who
        .scope()
        .restrict_to(hospital, params.department.as_deref())
        .map_err(ApiError::Forbidden)?;
    Ok(Json(ActionPlanList {
        action_plans: state.store.action_plans(&scope).await?,
    }))
}

pub(super) async fn create(
    State(state): State<AppState>,
    who: Authenticated,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<ActionPlan>), ApiError> {
    let new: NewActionPlan = read_json(&headers, body, state.max_body_bytes)?;
    let hospital = query::hospital(new.hospital.as_deref())?;
    let scope = who
        .scope()
        .restrict_to(hospital, new.department.as_deref())
        .map_err(ApiError::Forbidden)?;
    let hospital = scope
        .hospital
        .ok_or_else(|| invalid("hospital", "is required for an account of every hospital"))?;
    let now = state.clock.unix_seconds();
    let plan = ActionPlan {
        id: 0,
        hospital,
        department: scope.department.unwrap_or_default(),
        title: new.title,
        target: new.target,
        owner: new.owner,
        due: new.due,
        status: new.status.unwrap_or(PlanStatus::Planned),
        started: new.started.unwrap_or_else(|| utc_date(now)),
        notes: Vec::new(),
        public_text: new.public_text,
    };
    let mut plan = check_plan(plan, state.instrument)?;
    plan.id = state.store.insert_action_plan(&plan, now).await?;
    tracing::info!(username = %who.0.username, plan = plan.id, hospital = %plan.hospital, "action plan created");
    Ok((StatusCode::CREATED, Json(plan)))
}

async fn plan_in_scope(
    state: &AppState,
    who: &Authenticated,
    id: Result<Path<i64>, PathRejection>,
) -> Result<ActionPlan, ApiError> {
    let Path(id) = id.map_err(|_| ApiError::NotFound)?;
    match state.store.action_plan(id).await? {
        Some(plan) if who.scope().covers(&plan.hospital, &plan.department) => Ok(plan),
        _ => Err(ApiError::NotFound),
    }
}

pub(super) async fn get(
    State(state): State<AppState>,
    who: Authenticated,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ActionPlan>, ApiError> {
    Ok(Json(plan_in_scope(&state, &who, id).await?))
}

pub(super) async fn patch(
    State(state): State<AppState>,
    who: Authenticated,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ActionPlan>, ApiError> {
    let mut plan = plan_in_scope(&state, &who, id).await?;
    let patch: ActionPlanPatch = read_json(&headers, body, state.max_body_bytes)?;
    if let Some(title) = patch.title {
        plan.title = title;
    }
    if let Some(target) = patch.target {
        plan.target = target;
    }
    if let Some(owner) = patch.owner {
        plan.owner = owner;
    }
    if let Some(due) = patch.due {
        plan.due = due;
    }
    if let Some(status) = patch.status {
        plan.status = status;
    }
    if let Some(started) = patch.started {
        plan.started = started;
    }
    if let Some(public_text) = patch.public_text {
        plan.public_text = public_text;
    }
    if let Some(note) = patch.note {
        plan.notes.push(PlanNote {
            at: rfc3339(state.clock.unix_seconds()),
            by: who.0.username.clone(),
            text: required("note", &note, MAX_NOTE_CHARS)?,
        });
    }
    let plan = check_plan(plan, state.instrument)?;
    state.store.update_action_plan(&plan).await?;
    tracing::info!(username = %who.0.username, plan = plan.id, "action plan changed");
    Ok(Json(plan))
}

#[cfg(test)]
mod tests {
    use scoring::instrument::default_instrument;
    use wire::Target;

    use super::*;

    fn plan() -> ActionPlan {
        ActionPlan {
            id: 0,
            hospital: "H001".into(),
            department: "cardiology".into(),
            title: " 缩短候诊时间 ".into(),
            target: Target {
                scope: TargetScope::Item,
                id: "outpatient.wait_time".into(),
            },
            owner: "王主任".into(),
            due: "2025-09-30".into(),
            status: PlanStatus::Planned,
            started: "2025-06-01".into(),
            notes: Vec::new(),
            public_text: Some("  ".into()),
        }
    }

    fn refused_field(plan: ActionPlan) -> String {
        let message = check_plan(plan, &default_instrument())
            .unwrap_err()
            .to_string();
        message.split(':').next().unwrap_or_default().to_owned()
    }

    #[test]
    fn a_valid_plan_is_tidied() {
        let checked = check_plan(plan(), &default_instrument()).unwrap();
        assert_eq!(checked.title, "缩短候诊时间");
        assert_eq!(checked.public_text, None);
    }

    #[test]
    fn refusals_name_the_field() {
        let mut p = plan();
        p.title = String::new();
        assert_eq!(refused_field(p), "title");
        let mut p = plan();
        p.due = "2025-13-01".into();
        assert_eq!(refused_field(p), "due");
        let mut p = plan();
        p.target.id = "outpatient.nothing".into();
        assert_eq!(refused_field(p), "target.id");
        let mut p = plan();
        p.target = Target {
            scope: TargetScope::Stage,
            id: "outpatient".into(),
        };
        assert!(check_plan(p, &default_instrument()).is_ok());
        let mut p = plan();
        p.target = Target {
            scope: TargetScope::Index,
            id: "overall".into(),
        };
        assert_eq!(refused_field(p), "target.id");
        let mut p = plan();
        p.public_text = Some("字".repeat(501));
        assert_eq!(refused_field(p), "public_text");
    }
}
