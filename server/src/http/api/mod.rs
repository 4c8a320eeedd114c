//! `/api/v1`: one file per resource.

mod export;
mod query;
mod report;
mod responses;
mod service_info;
mod session;

use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;

use super::{body_limit, no_store, rate_limit, ApiError, AppState};

pub(super) fn router(state: AppState) -> Router {
    let submissions = Router::new()
        .route("/responses", post(responses::submit))
        .route_layer(from_fn_with_state(
            state.clone(),
            rate_limit::limit_submissions,
        ));
    Router::new()
        .route("/health", get(service_info::health))
        .route("/instrument", get(service_info::instrument))
        .route("/openapi.json", get(service_info::openapi))
        .route("/login", post(session::login))
        .route("/logout", post(session::logout))
        .route("/me", get(session::me))
        .route("/export", get(export::export))
        .route("/report", get(report::report))
        .merge(submissions)
        .fallback(|| async { ApiError::NotFound })
        .layer(body_limit(&state))
        .layer(no_store())
        .with_state(state)
}
