//! Who is asking: the account of a valid session, from the
//! `Authorization: Bearer <token>` header or the `tiyan_session` cookie.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use super::{ApiError, AppState};
use crate::auth::{token_hash, Scope};
use crate::store::Account;

pub(crate) const SESSION_COOKIE: &str = "tiyan_session";

/// An extractor that answers 401 unless the request carries an unexpired
/// session.
#[derive(Debug, Clone)]
pub(crate) struct Authenticated(pub(crate) Account);

impl Authenticated {
    pub(crate) fn scope(&self) -> Scope {
        Scope::of(
            self.0.role,
            self.0.hospital.as_deref(),
            self.0.department.as_deref(),
        )
    }
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = session_token(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let now = state.clock.unix_seconds();
        let account = state
            .store
            .session_account(&token_hash(token), now)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Authenticated(account))
    }
}

/// The bearer token if there is one, else the session cookie.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<&str> {
    bearer_token(headers).or_else(|| session_cookie(headers))
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn reads_bearer_tokens() {
        assert_eq!(
            session_token(&headers(&[(header::AUTHORIZATION, "Bearer abc")])),
            Some("abc")
        );
        assert_eq!(
            session_token(&headers(&[(header::AUTHORIZATION, "bearer abc")])),
            Some("abc")
        );
        assert_eq!(
            session_token(&headers(&[(header::AUTHORIZATION, "Basic abc")])),
            None
        );
        assert_eq!(
            session_token(&headers(&[(header::AUTHORIZATION, "Bearer ")])),
            None
        );
    }

    #[test]
    fn reads_the_session_cookie_among_others() {
        let h = headers(&[(header::COOKIE, "theme=dark; tiyan_session=abc; lang=en")]);
        assert_eq!(session_token(&h), Some("abc"));
        let h = headers(&[
            (header::COOKIE, "a=1"),
            (header::COOKIE, "tiyan_session=xyz"),
        ]);
        assert_eq!(session_token(&h), Some("xyz"));
        assert_eq!(
            session_token(&headers(&[(header::COOKIE, "tiyan_sessionx=abc")])),
            None
        );
    }

    #[test]
    fn a_bearer_token_wins_over_the_cookie() {
        let h = headers(&[
            (header::COOKIE, "tiyan_session=from-cookie"),
            (header::AUTHORIZATION, "Bearer from-header"),
        ]);
        assert_eq!(session_token(&h), Some("from-header"));
    }
}
