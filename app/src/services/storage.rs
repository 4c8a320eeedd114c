//! Durable storage on the device (`localStorage`), as typed slots.
//!
//! `localStorage` is synchronous: once `set_item` returns without an error
//! the value is committed for this origin and survives a reload or a crash
//! of the tab. The outbox write is read back before the patient is thanked.

use super::json::{self, FromJson, ToJson};
use super::outbox::{Contacts, Enqueued, Outbox};
use scoring::response::Response;

/// Why the device could not keep something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("local storage is not available")]
    Unavailable,
    #[error("could not write {key}: {message}")]
    Write { key: String, message: String },
    #[error("{key} was written but did not read back")]
    NotConfirmed { key: String },
}

/// One named value in `localStorage`, stored as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub key: &'static str,
}

/// Responses not yet accepted by the server, and those kept aside.
pub const OUTBOX: Slot = Slot {
    key: "tiyan.outbox.v1",
};
/// Call-back numbers of pending responses (`outbox::Contacts`), apart
/// from the outbox so that no stored response ever holds one.
pub const CONTACTS: Slot = Slot {
    key: "tiyan.callback.v1",
};
/// The hospital's published action plans and its call-back offer
/// (`json::kept_actions`), for a kiosk that starts offline.
pub const PUBLIC_ACTIONS: Slot = Slot {
    key: "tiyan.actions.v1",
};
/// The survey in progress (answers so far), separate from the outbox.
pub const DRAFT: Slot = Slot {
    key: "tiyan.draft.v1",
};
/// The kiosk settings, so a kiosk that reloads at `/` is still a kiosk.
pub const KIOSK: Slot = Slot {
    key: "tiyan.kiosk.v1",
};
/// The kiosk this device was set up as (`kiosk::KioskDevice`).
pub const KIOSK_DEVICE: Slot = Slot {
    key: "tiyan.kiosk-device.v1",
};
/// When the server last acknowledged an answer from this device (RFC 3339).
pub const LAST_DELIVERED: Slot = Slot {
    key: "tiyan.delivered.v1",
};
/// The names of the survey's hospital and its departments, the text of
/// `GET /api/v1/public/{hospital}`, for a kiosk that starts offline.
pub const HOSPITAL_NAMES: Slot = Slot {
    key: "tiyan.hospital.v1",
};
/// The last instrument served by `GET /api/v1/instrument`.
pub const INSTRUMENT: Slot = Slot {
    key: "tiyan.instrument.v1",
};
/// Display preferences of a phone user (language, large text).
pub const PREFS: Slot = Slot {
    key: "tiyan.prefs.v1",
};

fn local_storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

impl Slot {
    /// The raw text stored, if any.
    pub fn raw(self) -> Option<String> {
        local_storage().ok()?.get_item(self.key).ok().flatten()
    }

    /// The value, or `None` when absent or unreadable.
    pub fn get<T: FromJson>(self) -> Option<T> {
        json::parse(&self.raw()?).ok()
    }

    pub fn set<T: ToJson>(self, value: &T) -> Result<(), StoreError> {
        self.set_raw(&json::stringify(value))
    }

    pub fn set_raw(self, text: &str) -> Result<(), StoreError> {
        local_storage()?
            .set_item(self.key, text)
            .map_err(|e| StoreError::Write {
                key: self.key.to_owned(),
                message: e
                    .as_string()
                    .or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from))
                    .unwrap_or_else(|| "quota exceeded?".to_owned()),
            })
    }

    pub fn clear(self) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(self.key);
        }
    }
}

/// Read the outbox. An unreadable outbox is never overwritten: its text is
/// moved to a `tiyan.outbox.unreadable.<ms>` key for staff, then the outbox
/// starts empty.
pub fn load_outbox() -> Outbox {
    let Some(text) = OUTBOX.raw() else {
        return Outbox::default();
    };
    match json::parse(&text) {
        Ok(outbox) => outbox,
        Err(_) => {
            if let Ok(storage) = local_storage() {
                let key = format!(
                    "{}.unreadable.{}",
                    OUTBOX.key,
                    super::clock::now_ms() as u64
                );
                if storage.set_item(&key, &text).is_ok() {
                    let _ = storage.remove_item(OUTBOX.key);
                }
            }
            Outbox::default()
        }
    }
}

/// Change the outbox as one read-modify-write (synchronous, so no other
/// code of this tab runs in between).
pub fn update_outbox<R>(change: impl FnOnce(&mut Outbox) -> R) -> Result<(R, Outbox), StoreError> {
    let mut outbox = load_outbox();
    let result = change(&mut outbox);
    OUTBOX.set(&outbox)?;
    Ok((result, outbox))
}

/// Put a finished response in the outbox and confirm, by reading it back,
/// that it is there. Only then may the patient be thanked.
pub fn add_to_outbox(response: Response) -> Result<Enqueued, StoreError> {
    let id = response.id.clone();
    let (enqueued, _) = update_outbox(|outbox| outbox.enqueue(response))?;
    if load_outbox().contains(&id) {
        Ok(enqueued)
    } else {
        Err(StoreError::NotConfirmed {
            key: OUTBOX.key.to_owned(),
        })
    }
}

/// The call-back numbers on the device.
pub fn load_contacts() -> Contacts {
    CONTACTS.get().unwrap_or_default()
}

/// Keep the number a patient left with the response `response_id`
/// (already in the outbox) until the server has that response, and
/// confirm it by reading it back.
pub fn keep_contact(response_id: &str, phone: &str) -> Result<(), StoreError> {
    let mut contacts = load_contacts();
    contacts.add(response_id, phone, super::clock::now_ms());
    CONTACTS.set(&contacts)?;
    if load_contacts().phone_for(response_id) == Some(phone) {
        Ok(())
    } else {
        Err(StoreError::NotConfirmed {
            key: CONTACTS.key.to_owned(),
        })
    }
}

/// The call-back numbers of the responses still pending in `outbox`;
/// every other number is forgotten on the device now
/// (`Contacts::keep_pending`).
pub fn contacts_of_pending(outbox: &Outbox) -> Contacts {
    let mut contacts = load_contacts();
    if contacts.keep_pending(outbox, super::clock::now_ms()) {
        if contacts.0.is_empty() {
            CONTACTS.clear();
        } else {
            let _ = CONTACTS.set(&contacts);
        }
    }
    contacts
}
