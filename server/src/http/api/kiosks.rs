//! The kiosk fleet (docs/formats.md §7).
//!
//! Staff (`admin`, or a `hospital_admin` for its own hospital) register a
//! kiosk with `POST /kiosks` and get a one-time setup URL; the device that
//! opens it exchanges its code for a secret with `POST /kiosks/{id}/claim`
//! and signs its heartbeats with that secret (`POST /kiosks/{id}/heartbeat`,
//! `Authorization: Bearer <secret>`). `GET /kiosks` lists the kiosks in
//! scope with their state. Claims and heartbeats need no sign-in: they are
//! rate-limited per address, small, and each is one statement.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use time::macros::format_description;
use time::OffsetDateTime;
use wire::{
    Heartbeat, HeartbeatReply, Kiosk, KioskClaim, KioskClaimed, KioskReport, KioskSetup,
    KioskState, NewKiosk,
};

use super::hospitals::may_write;
use super::json_body::{json_body, require_json};
use super::query;
use crate::auth::token_hash;
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::rollout::{
    check_heartbeat, check_new_kiosk, new_kiosk_id, new_secret, KIOSK_SECRET_BYTES,
    SETUP_CODE_BYTES,
};
use crate::store::{KioskRow, NewKioskRow};

/// Largest claim or heartbeat body: both are a few short fields.
pub(super) const KIOSK_BODY_BYTES: usize = 4 * 1024;

#[derive(Debug, Deserialize)]
pub(super) struct KioskQuery {
    hospital: Option<String>,
}

/// `POST /kiosks` → 201 `{"id", "setup_url"}`.
pub(super) async fn create(
    State(state): State<AppState>,
    who: Authenticated,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    may_write(&who)?;
    require_json(&headers)?;
    let body: NewKiosk = json_body(body, state.max_body_bytes)?;
    let kiosk = check_new_kiosk(&body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    who.scope()
        .restrict(Some(&kiosk.hospital))
        .map_err(ApiError::Forbidden)?;
    if !state.store.hospital_exists(&kiosk.hospital).await? {
        return Err(ApiError::BadRequest(format!(
            "hospital: {} is not registered; register it first (PUT /api/v1/hospitals/{})",
            kiosk.hospital, kiosk.hospital
        )));
    }
    if let Some(department) = &kiosk.department {
        if !state
            .store
            .department_exists(&kiosk.hospital, department)
            .await?
        {
            return Err(ApiError::BadRequest(format!(
                "department: {department} is not a registered department of {}",
                kiosk.hospital
            )));
        }
    }
    let id = new_kiosk_id();
    let (code, setup_hash) = new_secret(SETUP_CODE_BYTES);
    let row = NewKioskRow {
        id: &id,
        hospital: &kiosk.hospital,
        department: kiosk.department.as_deref(),
        name: &kiosk.name,
        location: kiosk.location.as_deref(),
        setup_hash,
    };
    state
        .store
        .create_kiosk(&row, state.clock.unix_seconds())
        .await?;
    tracing::info!(kiosk = %id, hospital = %kiosk.hospital, username = %who.0.username, "kiosk registered");
    let url =
        state
            .public_url
            .kiosk_setup_url(&id, &kiosk.hospital, kiosk.department.as_deref(), &code);
    Ok((StatusCode::CREATED, Json(KioskSetup { id, setup_url: url })).into_response())
}

/// The kiosk's hospital and department, when the account may manage it;
/// 404 otherwise (ids of other hospitals' kiosks are not confirmed).
async fn managed_kiosk(
    state: &AppState,
    who: &Authenticated,
    id: &str,
) -> Result<(String, Option<String>), ApiError> {
    may_write(who)?;
    let place = state
        .store
        .kiosk_place(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    who.scope()
        .restrict(Some(&place.0))
        .map_err(|_| ApiError::NotFound)?;
    Ok(place)
}

/// `POST /kiosks/{id}/setup` → `{"id", "setup_url"}`: a new one-time link
/// (a replaced tablet, a lost link). The old device keeps its secret
/// until a device claims the new link.
pub(super) async fn new_setup(
    State(state): State<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<Json<KioskSetup>, ApiError> {
    let (hospital, department) = managed_kiosk(&state, &who, &id).await?;
    let (code, setup_hash) = new_secret(SETUP_CODE_BYTES);
    if !state.store.new_kiosk_setup(&id, &setup_hash).await? {
        return Err(ApiError::NotFound);
    }
    let url = state
        .public_url
        .kiosk_setup_url(&id, &hospital, department.as_deref(), &code);
    Ok(Json(KioskSetup { id, setup_url: url }))
}

/// `DELETE /kiosks/{id}` → 204; its secret stops working.
pub(super) async fn delete(
    State(state): State<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    managed_kiosk(&state, &who, &id).await?;
    state.store.delete_kiosk(&id).await?;
    tracing::info!(kiosk = %id, username = %who.0.username, "kiosk removed");
    Ok(StatusCode::NO_CONTENT)
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `POST /kiosks/{id}/claim` `{"code"}` → the kiosk and its secret. The
/// code works once.
pub(super) async fn claim(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<KioskClaimed>, ApiError> {
    let body: KioskClaim = json_body(body, KIOSK_BODY_BYTES)?;
    if !is_hex(&body.code, 2 * SETUP_CODE_BYTES) {
        return Err(ApiError::BadRequest(format!(
            "code: a setup code is {} hex digits (the setup link's setup=)",
            2 * SETUP_CODE_BYTES
        )));
    }
    let (secret, secret_hash) = new_secret(KIOSK_SECRET_BYTES);
    let now = state.clock.unix_seconds();
    let claimed = state
        .store
        .claim_kiosk(&id, &token_hash(&body.code), &secret_hash, now)
        .await?
        .ok_or_else(|| {
            ApiError::Forbidden(
                "code: this setup link is unknown or was already used; ask staff for a new one"
                    .into(),
            )
        })?;
    tracing::info!(kiosk = %id, hospital = %claimed.hospital, "kiosk set up");
    Ok(Json(KioskClaimed {
        id: claimed.id,
        hospital: claimed.hospital,
        department: claimed.department,
        name: claimed.name,
        location: claimed.location,
        secret,
    }))
}

/// The kiosk secret of `Authorization: Bearer <secret>`.
fn kiosk_secret(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.split_once(' ')?;
    let secret = secret.trim();
    (scheme.eq_ignore_ascii_case("bearer") && is_hex(secret, 2 * KIOSK_SECRET_BYTES))
        .then_some(secret)
}

/// `POST /kiosks/{id}/heartbeat` → `{"state"}`: 401 unless signed with
/// the kiosk's current secret (a deleted kiosk, or one another device has
/// claimed since, must be set up again).
pub(super) async fn heartbeat(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<HeartbeatReply>, ApiError> {
    let secret = kiosk_secret(&headers).ok_or(ApiError::Unauthenticated)?;
    let beat: Heartbeat = json_body(body, KIOSK_BODY_BYTES)?;
    let beat = check_heartbeat(&beat).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let now = state.clock.unix_seconds();
    let oldest_pending_at = oldest_pending_at(now, &beat);
    if !state
        .store
        .record_heartbeat(&id, &token_hash(secret), &beat, oldest_pending_at, now)
        .await?
    {
        return Err(ApiError::Unauthenticated);
    }
    let report = KioskReport {
        last_seen: Some(now),
        outbox_pending: beat.outbox_pending,
        outbox_rejected: beat.outbox_rejected,
        oldest_pending_at,
    };
    Ok(Json(HeartbeatReply {
        state: KioskState::at(now, &report),
    }))
}

/// The server time of the oldest waiting answer: now less its age, when
/// something waits and the kiosk said how long.
fn oldest_pending_at(now: i64, beat: &Heartbeat) -> Option<i64> {
    if beat.outbox_pending == 0 {
        return None;
    }
    let age = i64::try_from(beat.oldest_pending_seconds?).unwrap_or(i64::MAX);
    Some(now.saturating_sub(age))
}

/// `GET /kiosks[?hospital=]`: the kiosks in scope with their state now.
pub(super) async fn list(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<KioskQuery>, QueryRejection>,
) -> Result<Json<Vec<Kiosk>>, ApiError> {
    let params = query::query(params)?;
    let asked = query::hospital(params.hospital.as_deref())?;
    let only = who.scope().restrict(asked).map_err(ApiError::Forbidden)?;
    let now = state.clock.unix_seconds();
    let rows = state.store.list_kiosks(only.as_deref()).await?;
    Ok(Json(rows.into_iter().map(|row| kiosk(now, row)).collect()))
}

fn kiosk(now: i64, row: KioskRow) -> Kiosk {
    Kiosk {
        state: KioskState::at(now, &row.report),
        id: row.id,
        hospital: row.hospital,
        department: row.department,
        name: row.name,
        location: row.location,
        created_at: rfc3339(row.created_at),
        set_up_at: row.set_up_at.map(rfc3339),
        last_seen: row.report.last_seen.map(rfc3339),
        app_version: row.app_version,
        outbox_pending: row.report.outbox_pending,
        outbox_rejected: row.report.outbox_rejected,
        last_delivered_at: row.last_delivered_at,
        oldest_pending_at: row.report.oldest_pending_at.map(rfc3339),
    }
}

/// `2025-06-01T08:30:00Z`.
fn rfc3339(unix_seconds: i64) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|t| t.format(format).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(rfc3339(1_748_736_000), "2025-06-01T00:00:00Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn the_oldest_answer_is_dated_by_the_server_clock() {
        let mut beat = Heartbeat {
            app_version: "1".into(),
            outbox_pending: 2,
            outbox_rejected: 0,
            last_delivered_at: None,
            oldest_pending_seconds: Some(600),
        };
        assert_eq!(oldest_pending_at(10_000, &beat), Some(9_400));
        beat.oldest_pending_seconds = Some(u64::MAX);
        assert_eq!(oldest_pending_at(10_000, &beat), Some(10_000 - i64::MAX));
        beat.outbox_pending = 0;
        assert_eq!(oldest_pending_at(10_000, &beat), None);
    }
}
