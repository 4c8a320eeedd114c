//! JSON requests of the staff pages (roll-out, cases), signed in by the
//! session cookie as the dashboard is (`staff_api`): one way to send a
//! body, read an answer and turn a refusal into an [`ApiError`].

use gloo::net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::staff_api::{check, ApiError};

/// A method that carries a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Post,
    Put,
    Patch,
}

async fn read<T: DeserializeOwned>(
    response: Result<Response, gloo::net::Error>,
) -> Result<T, ApiError> {
    let response = response.map_err(|e| ApiError::Network(e.to_string()))?;
    check(response)
        .await?
        .json::<T>()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// `GET url`, the answer read as `T`.
pub(super) async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    read(Request::get(url).send().await).await
}

/// `POST url` without a body.
pub(super) async fn post_empty<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    read(Request::post(url).send().await).await
}

/// `method url` with `body` as JSON, the answer read as `T`.
pub(super) async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    url: &str,
    body: &B,
) -> Result<T, ApiError> {
    let request = match method {
        Method::Post => Request::post(url),
        Method::Put => Request::put(url),
        Method::Patch => Request::patch(url),
    };
    let request = request
        .json(body)
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    read(request.send().await).await
}

/// A path segment or query value, percent-encoded.
pub fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}
