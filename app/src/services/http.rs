//! The HTTP API of tiyan-server, as the survey uses it: `fetch` through
//! web-sys directly (a wrapper crate would cost bundle size for two calls).

use scoring::response::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::json::{self, Submission};
use super::kiosk::KioskDevice;
use wire::{BatchReply, Heartbeat};

use super::outbox::delivery::parse_retry_after;
use super::outbox::{BatchOutcome, Contacts};

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
    JsFuture::from(start(method, url, json_body, None)?)
        .await?
        .dyn_into::<web_sys::Response>()
}

/// Starts `fetch(url)` with a JSON body and a bearer token when given
/// them: the promise of its answer.
fn start(
    method: &str,
    url: &str,
    json_body: Option<&str>,
    bearer: Option<&str>,
) -> Result<js_sys::Promise, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new()?;
    if let Some(token) = bearer {
        headers.set("Authorization", &format!("Bearer {token}"))?;
    }
    if let Some(body) = json_body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    Ok(window.fetch_with_str_and_init(url, &init))
}

/// The body of `reply` as text.
async fn text(reply: &web_sys::Response) -> Option<String> {
    JsFuture::from(reply.text().ok()?).await.ok()?.as_string()
}

/// `POST {api}/responses` with a JSON array, each response with the
/// call-back number its patient left, if any (`contacts`); every way it
/// can end is mapped to a [`BatchOutcome`] for the sync policy.
pub async fn post_batch(api_base: &str, batch: &[Response], contacts: &Contacts) -> BatchOutcome {
    let body = json::stringify(
        &batch
            .iter()
            .map(|response| Submission {
                response,
                phone: contacts.phone_for(&response.id),
            })
            .collect::<Vec<_>>(),
    );
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
    fetch_text("GET", &format!("{api_base}/instrument"), None).await
}

/// The body of a 200 answer as text.
async fn fetch_text(
    method: &str,
    url: &str,
    json_body: Option<&str>,
) -> Result<String, FetchError> {
    let reply = send(method, url, json_body)
        .await
        .map_err(|e| FetchError::Network(describe(e)))?;
    if reply.status() != 200 {
        return Err(FetchError::Status(reply.status()));
    }
    text(&reply).await.ok_or(FetchError::Decode)
}

/// `GET {api}/public/{hospital}`: the JSON text of the names of the
/// hospital and its departments (`wire::PublicHospital`), kept as is for
/// a kiosk that starts offline.
pub async fn fetch_public_hospital(api_base: &str, hospital: &str) -> Result<String, FetchError> {
    fetch_text("GET", &format!("{api_base}/public/{hospital}"), None).await
}

/// `GET {api}/public/{hospital}/actions`: the JSON text of the hospital's
/// published action plans and its call-back offer
/// (`wire::PublicActions`), kept as is for offline starts.
pub async fn fetch_public_actions(api_base: &str, hospital: &str) -> Result<String, FetchError> {
    fetch_text(
        "GET",
        &format!("{api_base}/public/{hospital}/actions"),
        None,
    )
    .await
}

/// `POST {api}/kiosks/{id}/claim` with the setup URL's one-time code: the
/// device becomes that kiosk.
///
/// `id` and `code` are letters, digits, `-` and `_` only
/// (`entry::setup_code`), so the body needs no escaping.
pub async fn claim_kiosk(api_base: &str, id: &str, code: &str) -> Result<KioskDevice, FetchError> {
    let body = format!(r#"{{"code":"{code}"}}"#);
    let url = format!("{api_base}/kiosks/{id}/claim");
    let text = fetch_text("POST", &url, Some(&body)).await?;
    // The answer is a `wire::KioskClaimed`; the device keeps its id and
    // secret (the kiosk's entry comes from the setup URL itself).
    json::parse::<KioskDevice>(&text).map_err(|_| FetchError::Decode)
}

/// Sends `POST {api}/kiosks/{id}/heartbeat`, signed with the kiosk's
/// secret, without waiting for the answer: a heartbeat that is lost is
/// followed by the next one.
pub fn send_heartbeat(api_base: &str, device: &KioskDevice, beat: &Heartbeat) {
    let url = format!("{api_base}/kiosks/{}/heartbeat", device.id);
    let body = json::stringify(beat);
    let _ = start("POST", &url, Some(&body), Some(&device.secret));
}
