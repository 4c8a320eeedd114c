//! Reading a JSON request body into a `wire` type: 413 over the limit,
//! 415 unless declared JSON (staff writes), 400 naming the field serde
//! stopped at (`level: unknown variant "四级", expected one of …`).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap};
use serde::de::DeserializeOwned;

use crate::http::ApiError;

/// The body as `T`.
pub(super) fn json_body<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, ApiError> {
    let body = body.map_err(|e| ApiError::from_body(e, limit))?;
    let mut reader = serde_json::Deserializer::from_slice(&body);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            ApiError::BadRequest(format!("body: {inner}"))
        } else {
            ApiError::BadRequest(format!("{path}: {inner}"))
        }
    })
}

/// A body a signed-in browser sends must say it is JSON: a cross-site
/// HTML form cannot, without a CORS preflight this server never grants.
pub(super) fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if json {
        Ok(())
    } else {
        Err(ApiError::NotJson)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_the_field() {
        let body = Bytes::from_static(
            r#"{"code":"H1","names":{"zh-CN":"甲"},"departments":[{"code":"a","names":{},"active":"yes"}]}"#
                .as_bytes(),
        );
        let error = json_body::<wire::Hospital>(Ok(body), 1024)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("departments[0].active: "), "{error}");
        let error = json_body::<wire::Hospital>(Ok(Bytes::from_static(b"[]")), 1024)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("body: "), "{error}");
    }
}
