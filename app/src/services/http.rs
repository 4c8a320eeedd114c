//! The HTTP API of tiyan-server, as the survey uses it: `fetch` through
//! web-sys directly (a wrapper crate would cost bundle size for two calls).

use scoring::response::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::json;
use wire::BatchReply;

use super::outbox::delivery::parse_retry_after;
use super::outbox::BatchOutcome;

/// Where the API lives, relative to the page's origin.
pub const API_BASE: &str = "/api/v1";

/// Why the instrument could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("network: {0}")]
    Network(String),
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("unreadable body")]
    Decode,
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "fetch failed".to_owned())
}

/// `fetch(url)`, with a JSON body when given one.
async fn send(
    method: &str,
    url: &str,
    json_body: Option<&str>,
) -> Result<web_sys::Response, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = json_body {
        let headers = web_sys::Headers::new()?;
        headers.set("Content-Type", "application/json")?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(body));
    }
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into::<web_sys::Response>()
}

/// The body of `reply` as text.
async fn text(reply: &web_sys::Response) -> Option<String> {
    JsFuture::from(reply.text().ok()?).await.ok()?.as_string()
}

/// `POST {api}/responses` with a JSON array; every way it can end is
/// mapped to a [`BatchOutcome`] for the sync policy.
pub async fn post_batch(api_base: &str, batch: &[Response]) -> BatchOutcome {
    let body = json::stringify(batch);
    let Ok(reply) = send("POST", &format!("{api_base}/responses"), Some(&body)).await else {
        return BatchOutcome::Unavailable;
    };
    match reply.status() {
        200 => match text(&reply)
            .await
            .and_then(|t| json::parse::<BatchReply>(&t).ok())
        {
            Some(body) => BatchOutcome::Answered(body.results),
            None => BatchOutcome::Unavailable,
        },
        400 => BatchOutcome::Malformed,
        413 => BatchOutcome::TooLarge,
        429 => BatchOutcome::RateLimited {
            retry_after_ms: reply
                .headers()
                .get("Retry-After")
                .ok()
                .flatten()
                .as_deref()
                .and_then(parse_retry_after),
        },
        _ => BatchOutcome::Unavailable,
    }
}

/// `GET {api}/instrument`: the JSON text of the instrument the server
/// currently uses (kept as is for offline reloads, so the bundle needs no
/// serialiser for instruments; parsed only when it is a new one).
pub async fn fetch_instrument(api_base: &str) -> Result<String, FetchError> {
    let reply = send("GET", &format!("{api_base}/instrument"), None)
        .await
        .map_err(|e| FetchError::Network(describe(e)))?;
    if reply.status() != 200 {
        return Err(FetchError::Status(reply.status()));
    }
    text(&reply).await.ok_or(FetchError::Decode)
}
