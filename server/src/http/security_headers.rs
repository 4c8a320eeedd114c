//! Headers on every response, API and files alike.

use axum::http::{header, HeaderName, HeaderValue};
use axum::response::Response;

/// The fixed headers plus the Content-Security-Policy of
/// `static_site::csp::policy`.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl SecurityHeaders {
    pub fn new(content_security_policy: HeaderValue) -> SecurityHeaders {
        SecurityHeaders {
            headers: vec![
                (header::CONTENT_SECURITY_POLICY, content_security_policy),
                (
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ),
                (
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                ),
                // For browsers without CSP `frame-ancestors`.
                (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
                (
                    HeaderName::from_static("cross-origin-opener-policy"),
                    HeaderValue::from_static("same-origin"),
                ),
            ],
        }
    }

    pub fn apply(&self, mut response: Response) -> Response {
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        response
    }
}
