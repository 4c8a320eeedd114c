//! `/api/v1`: one file per resource.

mod action_plans;
mod alerting;
mod cases;
mod export;
mod hospitals;
mod json_body;
mod kiosks;
mod posters;
mod public_actions;
mod public_hospital;
mod query;
mod report;
mod responses;
mod service_info;
mod session;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{delete, get, post};
use axum::Router;

use super::{body_deadline, body_limit, no_store, rate_limit, ApiError, AppState};

pub(super) fn router(state: AppState) -> Router {
    let submissions = Router::new()
        .route("/responses", post(responses::submit))
        .route_layer(from_fn_with_state(
            state.clone(),
            rate_limit::limit_submissions,
        ));
    let kiosk_devices = Router::new()
        .route("/kiosks/{id}/claim", post(kiosks::claim))
        .route("/kiosks/{id}/heartbeat", post(kiosks::heartbeat))
        .route_layer(DefaultBodyLimit::max(kiosks::KIOSK_BODY_BYTES))
        .route_layer(from_fn_with_state(state.clone(), rate_limit::limit_kiosks));
    let rollout = Router::new()
        .route("/hospitals", get(hospitals::list))
        .route("/hospitals/unregistered", get(hospitals::unregistered))
        .route(
            "/hospitals/{hospital}",
            get(hospitals::get_one).put(hospitals::put),
        )
        .route("/kiosks", get(kiosks::list).post(kiosks::create))
        .route("/kiosks/{id}", delete(kiosks::delete))
        .route("/kiosks/{id}/setup", post(kiosks::new_setup))
        .merge(kiosk_devices);
    let public = Router::new()
        .route("/public/{hospital}", get(public_hospital::public_hospital))
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
        .route("/hospitals/{hospital}/posters", get(posters::posters))
        .merge(rollout)
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
        .layer(from_fn_with_state(
            state.clone(),
            body_deadline::read_body_in_time,
        ))
        .layer(body_limit(&state))
        .layer(no_store())
        .with_state(state)
}
