//! The heartbeat a kiosk sends (docs/formats.md §7, `wire::Heartbeat`).
//! The answer to claiming its setup code is read as a
//! `kiosk::KioskDevice` (its `id` and `secret`).

use wire::Heartbeat;

use super::write::{JsonWriter, ToJson};

impl ToJson for Heartbeat {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("app_version", &self.app_version);
        w.field("outbox_pending", &self.outbox_pending);
        w.field("outbox_rejected", &self.outbox_rejected);
        w.field("last_delivered_at", &self.last_delivered_at);
        w.key("oldest_pending_seconds");
        match self.oldest_pending_seconds {
            Some(seconds) => w.int(i64::try_from(seconds).unwrap_or(i64::MAX)),
            None => w.null(),
        }
        w.close_object();
    }
}
