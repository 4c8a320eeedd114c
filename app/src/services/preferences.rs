//! The dashboard's display preferences on this device (`localStorage`).
//! The survey keeps its own in [`storage::PREFS`](super::storage::PREFS).

use super::storage::{Slot, StoreError};

/// The dashboard's language: its tag as a JSON string (`"zh-CN"`).
const DASHBOARD_LANG: Slot = Slot {
    key: "tiyan.dashboard.lang",
};

/// The language tag chosen last on this device, if any.
pub fn dashboard_lang() -> Option<String> {
    tag_of(&DASHBOARD_LANG.raw()?)
}

/// Remembers the language tag for the next visit.
pub fn set_dashboard_lang(tag: &str) -> Result<(), StoreError> {
    DASHBOARD_LANG.set_raw(&format!("\"{tag}\""))
}

/// The tag in a stored JSON string. Tags are letters, digits and `-`, so
/// the string has no escapes and is read without a JSON parser (which the
/// dashboard's page would otherwise carry for this one value).
fn tag_of(stored: &str) -> Option<String> {
    let tag = stored.strip_prefix('"')?.strip_suffix('"')?;
    tag.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        .then(|| tag.to_owned())
}

#[cfg(test)]
mod tests {
    use super::tag_of;

    #[test]
    fn reads_the_tag_of_a_json_string() {
        assert_eq!(tag_of("\"zh-Hant\"").as_deref(), Some("zh-Hant"));
        assert_eq!(tag_of("zh-CN"), None);
        assert_eq!(tag_of("\"a\\\"b\""), None);
        assert_eq!(
            serde_json::to_string("zh-CN")
                .ok()
                .as_deref()
                .and_then(tag_of)
                .as_deref(),
            Some("zh-CN")
        );
    }
}
