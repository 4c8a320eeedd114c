//! `GET /public/{hospital}` (no sign-in): the names the survey's welcome
//! screen shows ("您正在评价：XX医院 · 心内科"), active departments only
//! (docs/formats.md §7). Bounded (one hospital, at most
//! `wire::DEPARTMENTS_MAX` departments) and cacheable for five minutes:
//! names are public and change rarely, and the survey keeps a copy for
//! when the kiosk is offline.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use wire::PublicHospital;

use super::query;
use crate::http::{ApiError, AppState};

const CACHE: &str = "public, max-age=300";

pub(super) async fn public_hospital(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let code = query::hospital(Some(&code))?
        .ok_or_else(|| ApiError::BadRequest("hospital: a code is required".into()))?;
    let hospital = state
        .store
        .find_hospital(code)
        .await?
        .ok_or(ApiError::NotFound)?;
    let body = PublicHospital::from(&hospital);
    Ok((
        [(header::CACHE_CONTROL, HeaderValue::from_static(CACHE))],
        Json(body),
    )
        .into_response())
}
