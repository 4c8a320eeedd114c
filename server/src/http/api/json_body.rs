//! JSON request bodies of the staff endpoints: `Content-Type:
//! application/json` only (a cross-site form cannot send it without a CORS
//! preflight, which this server never grants), and a body that does not
//! fit the expected shape is refused with 422 naming the field.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;

use super::session::is_json;
use crate::http::ApiError;

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
}
