//! The registry (docs/formats.md §7): `GET /hospitals` (those in scope),
//! `GET|PUT /hospitals/{hospital}`, and `GET /hospitals/unregistered`
//! (codes responses carry that the registry does not know).
//!
//! Every signed-in account reads the hospitals of its scope. An `admin`
//! registers and edits any hospital; a `hospital_admin` edits the names
//! and departments of its own, which must already be registered; no one
//! else writes.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use wire::{Hospital, Unregistered};

use super::json_body::{json_body, require_json};
use super::query;
use crate::auth::Role;
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::rollout::check_hospital;
use crate::store::{PutOutcome, ResponseFilter};

#[derive(Debug, Deserialize)]
pub(super) struct HospitalQuery {
    hospital: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// May this account change the registry at all?
pub(super) fn may_write(who: &Authenticated) -> Result<(), ApiError> {
    if matches!(who.0.role, Role::Admin | Role::HospitalAdmin) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "only an admin or a hospital's administrator may change the registry or kiosks".into(),
        ))
    }
}

/// The path's hospital code, or 400.
fn path_code(code: &str) -> Result<&str, ApiError> {
    query::hospital(Some(code))?
        .ok_or_else(|| ApiError::BadRequest("hospital: a code is required".into()))
}

/// `GET /hospitals[?hospital=]`: every hospital in scope, by code.
pub(super) async fn list(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<HospitalQuery>, QueryRejection>,
) -> Result<Json<Vec<Hospital>>, ApiError> {
    let params = query::query(params)?;
    let asked = query::hospital(params.hospital.as_deref())?;
    let only = who.scope().restrict(asked).map_err(ApiError::Forbidden)?;
    Ok(Json(state.store.list_hospitals(only.as_deref()).await?))
}

/// `GET /hospitals/{hospital}`.
pub(super) async fn get_one(
    State(state): State<AppState>,
    who: Authenticated,
    Path(code): Path<String>,
) -> Result<Json<Hospital>, ApiError> {
    let code = path_code(&code)?;
    who.scope()
        .restrict(Some(code))
        .map_err(ApiError::Forbidden)?;
    let hospital = state.store.find_hospital(code).await?;
    hospital.map(Json).ok_or(ApiError::NotFound)
}

/// `PUT /hospitals/{hospital}`: the whole entry, departments included
/// (one left out is deleted). 201 when it registers the hospital, 200
/// when it replaces it; the answer is the entry as stored.
pub(super) async fn put(
    State(state): State<AppState>,
    who: Authenticated,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    may_write(&who)?;
    let code = path_code(&code)?;
    who.scope()
        .restrict(Some(code))
        .map_err(ApiError::Forbidden)?;
    require_json(&headers)?;
    let body: Hospital = json_body(body, state.max_body_bytes)?;
    let hospital = check_hospital(code, &body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if who.0.role != Role::Admin {
        let Some(stored) = state.store.find_hospital(code).await? else {
            return Err(ApiError::Forbidden(format!(
                "hospital {code} is not registered; only an admin may register a hospital"
            )));
        };
        for (field, changed) in [
            ("level", stored.level != hospital.level),
            ("kind", stored.kind != hospital.kind),
            ("region", stored.region != hospital.region),
        ] {
            if changed {
                return Err(ApiError::Forbidden(format!(
                    "{field}: only an admin may change a hospital's {field}"
                )));
            }
        }
    }
    let now = state.clock.unix_seconds();
    let outcome = state.store.put_hospital(&hospital, now).await?;
    tracing::info!(hospital = code, username = %who.0.username, ?outcome, "registry entry saved");
    let status = match outcome {
        PutOutcome::Created => StatusCode::CREATED,
        PutOutcome::Replaced => StatusCode::OK,
    };
    let stored = state
        .store
        .find_hospital(code)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("hospital {code} vanished")))?;
    Ok((status, Json(stored)).into_response())
}

/// `GET /hospitals/unregistered[?hospital=&from=&to=]`: the hospital and
/// department codes of the responses in scope that the registry lacks.
pub(super) async fn unregistered(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<HospitalQuery>, QueryRejection>,
) -> Result<Json<Unregistered>, ApiError> {
    let params = query::query(params)?;
    let asked = query::hospital(params.hospital.as_deref())?;
    let filter = ResponseFilter {
        from: query::date("from", params.from.as_deref())?,
        to: query::date("to", params.to.as_deref())?,
        hospital: who.scope().restrict(asked).map_err(ApiError::Forbidden)?,
    };
    Ok(Json(state.store.unregistered(&filter).await?))
}
