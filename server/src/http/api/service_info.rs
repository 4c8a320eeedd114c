//! What the service is: health, the active instrument, the API description.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::{json, Value};

use crate::http::AppState;

/// The OpenAPI 3 description of `/api/v1`, written by hand next to the code.
pub(super) const OPENAPI_JSON: &str = include_str!("../../../openapi.json");

pub(super) async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The instrument the survey app renders and the server validates against.
pub(super) async fn instrument(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        state.instrument_json.clone(),
    )
}

pub(super) async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}
