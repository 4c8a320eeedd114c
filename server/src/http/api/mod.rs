//! `/api/v1`: one file per resource.

mod action_plans;
mod alerting;
mod cases;
mod export;
mod json_body;
mod public_actions;
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
    let public = Router::new()
        .route("/public/{hospital}/actions", get(public_actions::actions))
        .route_layer(from_fn_with_state(
            state.clone(),
            rate_limit::limit_public_reads,
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
        .route(
            "/hospitals/{hospital}/alerting",
            get(alerting::get).put(alerting::put),
        )
        .route("/cases", get(cases::list))
        .route("/cases/{id}", get(cases::get))
        .route("/cases/{id}/events", post(cases::post_event))
        .route("/cases/{id}/assignees", get(cases::assignees))
        .route(
            "/action-plans",
            get(action_plans::list).post(action_plans::create),
        )
        .route(
            "/action-plans/{id}",
            get(action_plans::get).patch(action_plans::patch),
        )
        .merge(submissions)
        .merge(public)
        .fallback(|| async { ApiError::NotFound })
        .layer(body_limit(&state))
        .layer(no_store())
        .with_state(state)
}
