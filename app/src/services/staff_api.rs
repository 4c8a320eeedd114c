//! The dashboard's I/O with tiyan-server's HTTP API (`/api/v1`, see
//! docs/formats.md) and with local files: sign in, who am I, the
//! instrument, and export text streamed in pieces.
//!
//! Export text is never held whole on the page: [`pump_text`] decodes a
//! byte stream (a download or a `File`) piece by piece and hands each piece
//! on, to be posted to the scoring worker. Each `await` between pieces
//! gives the main thread back, so the page stays responsive whatever the
//! size of the export.

use std::fmt;

use gloo::net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, TextDecodeOptions, TextDecoder};
use wire::{Credentials, ErrorBody, Session};

use super::clock;

/// Pieces handed on are at least this long (except the last): big enough
/// that per-message costs vanish, small enough to copy in a millisecond.
pub const PIECE_BYTES: usize = 256 << 10;

/// Longest stretch of reading before the page gets a turn.
const YIELD_AFTER_MS: f64 = 8.0;

/// Waits for a macrotask (`setTimeout(0)`): input, rendering and other
/// tasks run before the reading goes on.
async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            // If the timer cannot be set, the next read simply follows.
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_err()
            {
                let _ = resolve.call0(&JsValue::NULL);
            }
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// What went wrong talking to the server, kept small enough to live in
/// component state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: not signed in, or wrong username or password.
    Unauthorized,
    /// Another HTTP error status, with the server's `error` text if any.
    Status(u16, String),
    /// The request did not complete (offline, server down, aborted).
    Network(String),
    /// The answer was not what the contract says.
    Decode(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Unauthorized => f.write_str("not signed in"),
            ApiError::Status(code, message) => write!(f, "HTTP {code}: {message}"),
            ApiError::Network(message) => write!(f, "network: {message}"),
            ApiError::Decode(message) => write!(f, "unexpected answer: {message}"),
        }
    }
}

fn js_error(value: JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{value:?}"))
}

pub(super) async fn check(response: Response) -> Result<Response, ApiError> {
    match response.status() {
        200..=299 => Ok(response),
        401 => Err(ApiError::Unauthorized),
        code => {
            let message = match response.json::<ErrorBody>().await {
                Ok(body) => body.error,
                Err(_) => response.status_text(),
            };
            Err(ApiError::Status(code, message))
        }
    }
}

/// Signs in; the server sets the HttpOnly session cookie that later
/// requests carry.
pub async fn login(username: &str, password: &str) -> Result<Session, ApiError> {
    let credentials = Credentials {
        username: username.to_owned(),
        password: password.to_owned(),
    };
    let response = Request::post("/api/v1/login")
        .json(&credentials)
        .map_err(|e| ApiError::Decode(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    // The answer is a `wire::LoggedIn`: the session and a token, which the
    // dashboard leaves unread (the cookie set with it authenticates). Read
    // as the session alone: serde's `flatten` would cost the page's wasm
    // several kilobytes.
    check(response)
        .await?
        .json::<Session>()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// The current session, `None` when not signed in.
pub async fn me() -> Result<Option<Session>, ApiError> {
    let response = Request::get("/api/v1/me")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    match check(response).await {
        Ok(r) => r
            .json::<Session>()
            .await
            .map(Some)
            .map_err(|e| ApiError::Decode(e.to_string())),
        Err(ApiError::Unauthorized) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn logout() -> Result<(), ApiError> {
    let response = Request::post("/api/v1/logout")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    check(response).await.map(|_| ())
}

/// The active instrument, as JSON text (the worker parses it).
pub async fn instrument_json() -> Result<String, ApiError> {
    let response = Request::get("/api/v1/instrument")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    check(response)
        .await?
        .text()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// A text the server serves: a static file beside the page, or an answer
/// the page reads with its own reader (`services::json`).
pub async fn static_text(url: &str) -> Result<String, ApiError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    check(response)
        .await?
        .text()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// `GET /api/v1/export?format=csv&from=…&to=…` (dates `YYYY-MM-DD`, `to`
/// excluded): CSV is the smaller form and the one evaluators rerun. The
/// server limits a hospital administrator to their hospital by itself.
pub fn export_url(from: &str, to: &str) -> String {
    format!("/api/v1/export?format=csv&from={from}&to={to}")
}

/// Downloads the export of `from` ≤ date < `to`, handing each decoded
/// piece to `on_piece` and the bytes received so far to `on_bytes`.
/// Returns the total bytes.
pub async fn download_export(
    from: &str,
    to: &str,
    on_piece: impl FnMut(String),
    on_bytes: impl FnMut(u64),
) -> Result<u64, ApiError> {
    let response = Request::get(&export_url(from, to))
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let response = check(response).await?;
    let body = response
        .body()
        .ok_or_else(|| ApiError::Decode("the export has no body".to_owned()))?;
    pump_text(&body, on_piece, on_bytes)
        .await
        .map_err(ApiError::Network)
}

/// Reads a byte stream to its end, decoding UTF-8 across piece boundaries
/// (a character split between two network packets is joined), and hands
/// on pieces of at least [`PIECE_BYTES`], reporting the bytes read so far
/// to `on_bytes` now and then. Returns the bytes read.
pub async fn pump_text(
    stream: &ReadableStream,
    mut on_piece: impl FnMut(String),
    mut on_bytes: impl FnMut(u64),
) -> Result<u64, String> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let decoder = TextDecoder::new_with_label("utf-8").map_err(js_error)?;
    let streaming = TextDecodeOptions::new();
    streaming.set_stream(true);
    let mut piece = String::new();
    let mut bytes = 0u64;
    let mut last_yield = clock::now_ms();
    loop {
        // A stream whose data is already there (a local file, a finished
        // download) resolves every read at once, as microtasks of one
        // task: give the page a turn now and then so it never freezes.
        if clock::now_ms() - last_yield > YIELD_AFTER_MS {
            // Progress is reported at these turns only: one re-render per
            // turn, not one per network packet.
            on_bytes(bytes);
            yield_to_page().await;
            last_yield = clock::now_ms();
        }
        let result = JsFuture::from(reader.read()).await.map_err(js_error)?;
        let result: web_sys::ReadableStreamReadResult = result.unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let chunk: js_sys::Uint8Array = result.get_value().unchecked_into();
        bytes += u64::from(chunk.length());
        piece.push_str(
            &decoder
                .decode_with_js_u8_array_and_options(&chunk, &streaming)
                .map_err(js_error)?,
        );
        if piece.len() >= PIECE_BYTES {
            on_piece(std::mem::take(&mut piece));
        }
    }
    piece.push_str(&decoder.decode().map_err(js_error)?);
    if !piece.is_empty() {
        on_piece(piece);
    }
    on_bytes(bytes);
    Ok(bytes)
}
