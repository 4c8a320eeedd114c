//! `GET /public/{hospital}/actions` (no sign-in): "you said, we did", the
//! hospital's published action plans (their public words only), and
//! whether its survey offers a call-back (docs/formats.md §6). Cacheable
//! for a minute: kiosks keep the last answer for offline use.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use wire::PublicActions;

use super::query;
use crate::http::{ApiError, AppState};

const CACHE: &str = "public, max-age=60";

pub(super) async fn actions(
    State(state): State<AppState>,
    Path(hospital): Path<String>,
) -> Result<Response, ApiError> {
    let hospital = query::hospital(Some(&hospital))
        .map_err(|_| ApiError::NotFound)?
        .ok_or(ApiError::NotFound)?;
    let actions = state.store.public_actions(hospital).await?;
    let callback_offered = state.store.alert_settings(hospital).await?.callback_offered;
    let mut response = Json(PublicActions {
        actions,
        callback_offered,
    })
    .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    Ok(response)
}
