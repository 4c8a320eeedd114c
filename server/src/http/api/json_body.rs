//! JSON request bodies: `json_body` for the registry and kiosk endpoints
//! (400 naming the field serde stopped at: `level: unknown variant "四级",
//! expected one of …`), `read_json` for the case and action-plan endpoints
//! (422 naming the field of a body that is JSON but not the expected
//! shape). Staff writes must be declared `application/json`: a cross-site
//! HTML form cannot send that without a CORS preflight, which this server
//! never grants.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;

use super::session::is_json;
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

/// A body a signed-in browser sends must say it is JSON.
pub(super) fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    if is_json(headers) {
        Ok(())
    } else {
        Err(ApiError::NotJson)
    }
}

/// The body as `T`; 422 when it is JSON of another shape.
pub(super) fn read_json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, ApiError> {
    if !is_json(headers) {
        return Err(ApiError::NotJson);
    }
    let body = body.map_err(|e| ApiError::from_body(e, limit))?;
    let mut json = serde_json::Deserializer::from_slice(&body);
    serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let message = e.inner().to_string();
        let path = e.path().to_string();
        let field = if path == "." {
            missing_field(&message).unwrap_or_else(|| "body".to_owned())
        } else {
            path
        };
        if e.inner().is_syntax() || e.inner().is_eof() {
            ApiError::BadRequest(format!("the body is not valid JSON: {message}"))
        } else {
            ApiError::Unprocessable(format!("{field}: {message}"))
        }
    })
}

/// `missing field `root_cause`` → `root_cause`.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use axum::http::{header, HeaderValue};
    use wire::AlertSettings;

    use super::*;

    fn json_headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers
    }

    fn read(body: &'static str) -> Result<AlertSettings, ApiError> {
        read_json(
            &json_headers(),
            Ok(Bytes::from_static(body.as_bytes())),
            1024,
        )
    }

    #[test]
    fn errors_name_the_field() {
        let missing =
            read(r#"{"rules":{"overall_rating_at_most":4,"item_lowest":true,"keywords":[]}}"#)
                .unwrap_err()
                .to_string();
        assert!(missing.starts_with("sla_hours: "), "{missing}");
        let wrong = read(r#"{"rules":{"overall_rating_at_most":"4"},"sla_hours":72}"#)
            .unwrap_err()
            .to_string();
        assert!(
            wrong.starts_with("rules.overall_rating_at_most: "),
            "{wrong}"
        );
        assert!(matches!(read("{"), Err(ApiError::BadRequest(_))));
        assert!(matches!(
            read_json::<AlertSettings>(&HeaderMap::new(), Ok(Bytes::from_static(b"{}")), 10),
            Err(ApiError::NotJson)
        ));
    }

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
