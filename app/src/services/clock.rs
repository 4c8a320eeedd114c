//! The wall clock of the device (the only place the app reads it).

/// Now, in UTC, as `submitted_at` wants it (RFC 3339, seconds, `Z`).
pub fn now_rfc3339() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    drop_millis(&iso)
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the Unix epoch of an RFC 3339 time, read by the
/// browser (`Date.parse`); `None` if it cannot read it.
pub fn parse_ms(rfc3339: &str) -> Option<f64> {
    Some(js_sys::Date::parse(rfc3339)).filter(|ms| !ms.is_nan())
}

/// This year, in UTC.
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_utc_full_year() as i32
}

/// `2024-05-03T09:12:44.123Z` → `2024-05-03T09:12:44Z` (the contract's
/// form, docs/formats.md §2); anything else is returned unchanged.
pub fn drop_millis(iso: &str) -> String {
    match (iso.find('.'), iso.strip_suffix('Z')) {
        (Some(dot), Some(_)) if dot == 19 => format!("{}Z", &iso[..dot]),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::drop_millis;

    #[test]
    fn keeps_whole_seconds() {
        assert_eq!(
            drop_millis("2024-05-03T09:12:44.123Z"),
            "2024-05-03T09:12:44Z"
        );
        assert_eq!(drop_millis("2024-05-03T09:12:44Z"), "2024-05-03T09:12:44Z");
    }
}
