//! Call-back numbers waiting beside the outbox (docs/formats.md §6,
//! "Opt-in call-back"). A number travels beside its response in
//! `POST /responses` and is never part of it, so it is kept apart from the
//! outbox: the responses on the device, pending or kept aside for staff,
//! hold no number. A number lives on the device only while its response
//! is pending; once the server has the response (or refused it for good)
//! the number is forgotten, and after [`CONTACT_MAX_MS`] in any case.

use super::Outbox;

/// The server forgets a number 30 days after its case opened; a device
/// never keeps one longer.
pub const CONTACT_MAX_MS: f64 = 30.0 * 24.0 * 3_600_000.0;

/// The number a patient left with one response.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub response_id: String,
    pub phone: String,
    /// When the patient submitted it (ms since the epoch).
    pub saved_ms: f64,
}

/// Every number on the device, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contacts(pub Vec<Contact>);

impl Contacts {
    /// Keeps `phone` for the response `response_id` (replacing an earlier
    /// one for that response).
    pub fn add(&mut self, response_id: &str, phone: &str, now_ms: f64) {
        self.0.retain(|c| c.response_id != response_id);
        self.0.push(Contact {
            response_id: response_id.to_owned(),
            phone: phone.to_owned(),
            saved_ms: now_ms,
        });
    }

    /// The number left with a response, if any.
    pub fn phone_for(&self, response_id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|c| c.response_id == response_id)
            .map(|c| c.phone.as_str())
    }

    /// Forgets every number whose response is no longer waiting in
    /// `outbox` (delivered, or kept aside for staff) or which is older
    /// than [`CONTACT_MAX_MS`]. Whether anything was forgotten.
    pub fn keep_pending(&mut self, outbox: &Outbox, now_ms: f64) -> bool {
        let before = self.0.len();
        self.0.retain(|c| {
            now_ms - c.saved_ms < CONTACT_MAX_MS
                && outbox.pending.iter().any(|r| r.id == c.response_id)
        });
        self.0.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::outbox::queue::tests::response;
    use crate::services::outbox::SetAsideReason;

    #[test]
    fn a_number_lives_only_while_its_response_waits() {
        let mut outbox = Outbox::default();
        for id in ["a", "b", "c"] {
            outbox.enqueue(response(id));
        }
        let mut contacts = Contacts::default();
        contacts.add("a", "138 0013 8000", 0.0);
        contacts.add("b", "139", 0.0);
        contacts.add("b", "13900139000", 1.0);
        assert_eq!(contacts.phone_for("b"), Some("13900139000"));
        assert_eq!(contacts.phone_for("c"), None);
        assert!(!contacts.keep_pending(&outbox, 2.0));

        // "a" delivered, "b" refused for good: both numbers go.
        outbox.pending.retain(|r| r.id != "a");
        outbox.set_aside("b", SetAsideReason::Rejected, "422");
        assert!(contacts.keep_pending(&outbox, 3.0));
        assert_eq!(contacts, Contacts::default());
    }

    #[test]
    fn no_number_outlives_thirty_days() {
        let mut outbox = Outbox::default();
        outbox.enqueue(response("a"));
        let mut contacts = Contacts::default();
        contacts.add("a", "13800138000", 1_000.0);
        assert!(!contacts.keep_pending(&outbox, 1_000.0 + CONTACT_MAX_MS - 1.0));
        assert!(contacts.keep_pending(&outbox, 1_000.0 + CONTACT_MAX_MS));
        assert_eq!(contacts.phone_for("a"), None);
    }
}
