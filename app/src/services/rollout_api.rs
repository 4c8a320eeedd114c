//! The roll-out pages' I/O with tiyan-server (docs/formats.md §7): the
//! registry of hospitals, the codes responses carry that it does not
//! know, and the kiosks. Signed in by the session cookie, as the
//! dashboard is (`staff_api`).

use wire::{Hospital, Kiosk, KioskSetup, NewKiosk, Unregistered};

use super::staff_api::ApiError;
pub use super::staff_requests::encode;
use super::staff_requests::{get, post_empty, send, Method};

/// `GET /hospitals`: the hospitals in the account's scope.
pub async fn hospitals() -> Result<Vec<Hospital>, ApiError> {
    get("/api/v1/hospitals").await
}

/// `PUT /hospitals/{code}`: creates (admin) or replaces the hospital.
pub async fn save_hospital(hospital: &Hospital) -> Result<Hospital, ApiError> {
    let url = format!("/api/v1/hospitals/{}", encode(&hospital.code));
    send(Method::Put, &url, hospital).await
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
    send(Method::Post, "/api/v1/kiosks", kiosk).await
}

/// `POST /kiosks/{id}/setup`: a new setup URL for a replaced or reset
/// device (the old device works until it is claimed).
pub async fn new_setup(id: &str) -> Result<KioskSetup, ApiError> {
    let url = format!("/api/v1/kiosks/{}/setup", encode(id));
    post_empty(&url).await
}
