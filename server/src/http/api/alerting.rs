//! `GET|PUT /hospitals/{hospital}/alerting` (docs/formats.md §6): a
//! hospital's alert rules, case deadline, webhook and call-back offer.
//! Anyone of the hospital may read them (the secret shown as `"***"`);
//! only an administrator or the hospital's administrator may change them.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use wire::AlertSettings;

use super::json_body::read_json;
use super::query;
use crate::alerting::{check_settings, masked};
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};

/// The hospital code of the path, checked.
fn hospital_of(path: &str) -> Result<&str, ApiError> {
    query::hospital(Some(path))?.ok_or(ApiError::NotFound)
}

pub(super) async fn get(
    State(state): State<AppState>,
    who: Authenticated,
    Path(hospital): Path<String>,
) -> Result<Json<AlertSettings>, ApiError> {
    let hospital = hospital_of(&hospital)?;
    if !who.scope().reads_hospital(hospital) {
        return Err(ApiError::Forbidden(format!(
            "this account may not read the settings of hospital {hospital}"
        )));
    }
    Ok(Json(masked(state.store.alert_settings(hospital).await?)))
}

pub(super) async fn put(
    State(state): State<AppState>,
    who: Authenticated,
    Path(hospital): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AlertSettings>, ApiError> {
    let hospital = hospital_of(&hospital)?;
    if !who.scope().administers(hospital) {
        return Err(ApiError::Forbidden(format!(
            "only an admin or the administrator of hospital {hospital} may change its alert settings"
        )));
    }
    let new: AlertSettings = read_json(&headers, body, state.max_body_bytes)?;
    let stored = state.store.alert_settings(hospital).await?;
    let checked =
        check_settings(new, &stored).map_err(|e| ApiError::Unprocessable(e.to_string()))?;
    let now = state.clock.unix_seconds();
    state
        .store
        .put_alert_settings(hospital, &checked, now)
        .await?;
    tracing::info!(username = %who.0.username, %hospital, "alert settings changed");
    Ok(Json(masked(checked)))
}
