//! `POST /login`, `POST /logout`, `GET /me`.
//!
//! A login answers the token in the body (for `Authorization: Bearer`)
//! and sets it as an `HttpOnly; SameSite=Strict` cookie (for the
//! dashboard, out of reach of scripts and of cross-site requests). A wrong
//! username and a wrong password get the same 401, after the same work.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use wire::{Credentials, LoggedIn, Session};

use crate::auth::{
    new_session_token, token_hash, unknown_account_hash, username_fits, verify_password,
    ThrottleKey, MAX_USERNAME_CHARS,
};
use crate::http::authenticated::{session_token, Authenticated, SESSION_COOKIE};
use crate::http::client_address::ClientAddress;
use crate::http::{ApiError, AppState};
use crate::store::Account;

/// `GET /me`, and the login answer without its token.
fn session_of(account: Account) -> Session {
    Session {
        username: account.username,
        role: account.role.to_wire(),
        hospital: account.hospital,
        department: account.department,
    }
}

pub(super) async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    // JSON only: a cross-site HTML form cannot send it without a CORS
    // preflight, which this server never grants.
    if !is_json(&headers) {
        return Err(ApiError::NotJson);
    }
    let body = body.map_err(|e| ApiError::from_body(e, state.max_body_bytes))?;
    let credentials: Credentials = serde_json::from_slice(&body).map_err(|e| {
        ApiError::BadRequest(format!("expected {{\"username\", \"password\"}}: {e}"))
    })?;
    // No account has a longer name: refused before anything is counted or
    // kept, so a throttle row is never larger than a real username.
    if !username_fits(&credentials.username) {
        return Err(ApiError::Unprocessable(format!(
            "username: 1 to {MAX_USERNAME_CHARS} characters"
        )));
    }
    let user_key = ThrottleKey::Username(credentials.username.clone());
    let address_key = ThrottleKey::Address(address);
    let keys = [
        (user_key.store_key(), user_key.policy().in_seconds()),
        (address_key.store_key(), address_key.policy().in_seconds()),
    ];
    let key_refs: Vec<(&str, _)> = keys.iter().map(|(k, p)| (k.as_str(), *p)).collect();

    // The attempt counts as a failure before its password is checked, in
    // the statement that checks the lock: parallel guesses, on this server
    // or another on the same database, cannot pass the policy.
    let now = state.clock.unix_seconds();
    if let Some(until) = state.store.reserve_login_attempt(&key_refs, now).await? {
        tracing::warn!(%address, "login refused: too many failed attempts");
        let wait = u64::try_from(until.saturating_sub(now)).unwrap_or(1);
        return Err(ApiError::TooManyRequests {
            retry_after: Duration::from_secs(wait),
            message: "too many failed logins; try again later",
        });
    }

    let account = state.store.find_account(&credentials.username).await?;
    let hash = account.as_ref().map_or_else(
        || unknown_account_hash().to_owned(),
        |a| a.password_hash.clone(),
    );
    let password_matches = {
        let _permit = state
            .password_checks
            .acquire()
            .await
            .map_err(ApiError::internal)?;
        let password = credentials.password;
        tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .map_err(ApiError::internal)?
    };

    let account = match account {
        Some(account) if password_matches => account,
        _ => {
            tracing::info!(%address, "login failed");
            return Err(ApiError::BadCredentials);
        }
    };
    state.store.login_succeeded(&keys[0].0, &keys[1].0).await?;

    let (token, hash) = new_session_token();
    let now = state.clock.unix_seconds();
    let ttl = i64::try_from(state.session_ttl.as_secs()).unwrap_or(i64::MAX);
    state.store.end_expired_sessions(now).await?;
    state
        .store
        .create_session(&hash, &account.username, now, now.saturating_add(ttl))
        .await?;
    tracing::info!(username = %account.username, role = account.role.as_str(), "logged in");

    let cookie = session_cookie(&token, state.session_ttl, state.secure_cookies);
    let body = LoggedIn {
        token,
        session: session_of(account),
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
}

pub(super) async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = session_token(&headers) {
        state.store.end_session(&token_hash(token)).await?;
    }
    let expired = session_cookie("", Duration::ZERO, state.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, expired)]).into_response())
}

pub(super) async fn me(Authenticated(account): Authenticated) -> Json<Session> {
    Json(session_of(account))
}

pub(super) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// The session cookie; an empty token with no lifetime deletes it. Scoped
/// to the API, the only place that reads it.
fn session_cookie(token: &str, lifetime: Duration, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path=/api/v1; Max-Age={}; HttpOnly; SameSite=Strict{secure}",
        lifetime.as_secs()
    );
    // The token is hex and the rest fixed ASCII: always a valid header.
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cookies_are_http_only_and_strict() {
        let cookie = session_cookie("ab12", Duration::from_secs(43_200), false);
        assert_eq!(
            cookie,
            "tiyan_session=ab12; Path=/api/v1; Max-Age=43200; HttpOnly; SameSite=Strict"
        );
        let secure = session_cookie("ab12", Duration::from_secs(60), true);
        assert!(secure.to_str().unwrap().ends_with("; Secure"));
    }

    #[test]
    fn logout_cookies_expire_at_once() {
        let cookie = session_cookie("", Duration::ZERO, false);
        assert!(cookie
            .to_str()
            .unwrap()
            .starts_with("tiyan_session=; Path=/api/v1; Max-Age=0;"));
    }

    #[test]
    fn login_bodies_must_be_declared_json() {
        let mut headers = HeaderMap::new();
        assert!(!is_json(&headers));
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(!is_json(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        assert!(is_json(&headers));
    }
}
