//! The call-back numbers waiting beside the outbox, as the device keeps
//! them (`tiyan.callback.v1`): `[{"response_id", "phone", "saved_ms"}]`.
//! Only the survey reads and writes this shape.

use super::read::{FromJson, JsonError, Node};
use super::write::{JsonWriter, ToJson};
use crate::services::outbox::{Contact, Contacts};

impl FromJson for Contacts {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        let mut contacts = Vec::new();
        for c in n.elements().ok_or(JsonError::Field("contacts"))? {
            contacts.push(Contact {
                response_id: c.string("response_id")?,
                phone: c.string("phone")?,
                saved_ms: c.number("saved_ms")?,
            });
        }
        Ok(Contacts(contacts))
    }
}

impl ToJson for Contacts {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_array();
        for c in &self.0 {
            w.open_object();
            w.field("response_id", &c.response_id);
            w.field("phone", &c.phone);
            // Whole milliseconds: the writer formats integers only.
            w.key("saved_ms");
            w.int(c.saved_ms as i64);
            w.close_object();
        }
        w.close_array();
    }
}
