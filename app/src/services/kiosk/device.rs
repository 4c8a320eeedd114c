//! The kiosk this device is: its id and the secret that signs its
//! heartbeats, both from `POST /kiosks/{id}/claim`, kept in
//! `localStorage` like the kiosk's entry (`storage::KIOSK`).

use crate::services::json::{FromJson, JsonError, JsonWriter, Node, ToJson};
use crate::services::storage::KIOSK_DEVICE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskDevice {
    pub id: String,
    pub secret: String,
}

impl KioskDevice {
    /// The kiosk this device was set up as, if any.
    pub fn on_device() -> Option<KioskDevice> {
        KIOSK_DEVICE.get()
    }

    pub fn remember(&self) {
        let _ = KIOSK_DEVICE.set(self);
    }

    pub fn forget() {
        KIOSK_DEVICE.clear();
    }
}

impl FromJson for KioskDevice {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(KioskDevice {
            id: n.string("id")?,
            secret: n.string("secret")?,
        })
    }
}

impl ToJson for KioskDevice {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("id", &self.id);
        w.field("secret", &self.secret);
        w.close_object();
    }
}
