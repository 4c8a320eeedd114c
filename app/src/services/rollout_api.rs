//! The roll-out pages' I/O with tiyan-server (docs/formats.md §7): the
//! registry of hospitals, the codes responses carry that it does not
//! know, and the kiosks. Signed in by the session cookie, as the
//! dashboard is (`staff_api`).

use gloo::net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wire::{Hospital, Kiosk, KioskSetup, NewKiosk, Unregistered};

use super::staff_api::{check, ApiError};

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

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    read(Request::get(url).send().await).await
}

async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: &B,
) -> Result<T, ApiError> {
    let request = match method {
        "PUT" => Request::put(url),
        _ => Request::post(url),
    };
    let request = request
        .json(body)
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    read(request.send().await).await
}

/// `GET /hospitals`: the hospitals in the account's scope.
pub async fn hospitals() -> Result<Vec<Hospital>, ApiError> {
    get("/api/v1/hospitals").await
}

/// `PUT /hospitals/{code}`: creates (admin) or replaces the hospital.
pub async fn save_hospital(hospital: &Hospital) -> Result<Hospital, ApiError> {
    let url = format!("/api/v1/hospitals/{}", encode(&hospital.code));
    send("PUT", &url, hospital).await
}

/// `GET /hospitals/unregistered`: codes in responses the registry lacks.
pub async fn unregistered() -> Result<Unregistered, ApiError> {
    get("/api/v1/hospitals/unregistered").await
}

/// `GET /kiosks`: the kiosks in scope with their state.
pub async fn kiosks() -> Result<Vec<Kiosk>, ApiError> {
    get("/api/v1/kiosks").await
}

/// `POST /kiosks`: registers a kiosk; the answer holds its setup URL.
pub async fn register_kiosk(kiosk: &NewKiosk) -> Result<KioskSetup, ApiError> {
    send("POST", "/api/v1/kiosks", kiosk).await
}

/// `POST /kiosks/{id}/setup`: a new setup URL for a replaced or reset
/// device (the old device works until it is claimed).
pub async fn new_setup(id: &str) -> Result<KioskSetup, ApiError> {
    let url = format!("/api/v1/kiosks/{}/setup", encode(id));
    read(Request::post(&url).send().await).await
}

/// A path segment or query value, percent-encoded.
pub fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}
