//! The dashboard's display preferences on this device (`localStorage`).
//! The survey keeps its own in [`storage::PREFS`](super::storage::PREFS).

use super::storage::{Slot, StoreError};

/// The dashboard's language, as a JSON string holding its tag (`"zh-CN"`).
const DASHBOARD_LANG: Slot = Slot {
    key: "tiyan.dashboard.lang",
};

/// The language tag chosen last on this device, if any.
pub fn dashboard_lang() -> Option<String> {
    DASHBOARD_LANG.get()
}

/// Remembers the language tag for the next visit.
pub fn set_dashboard_lang(tag: &str) -> Result<(), StoreError> {
    DASHBOARD_LANG.set(&tag.to_owned())
}
