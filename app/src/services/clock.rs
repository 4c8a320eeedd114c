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

/// An RFC 3339 time in the device's time zone, to the minute
/// (`2024-05-03 17:12`): staff read deadlines in their own local time.
/// The text as given when the browser cannot read it.
pub fn local_minutes(rfc3339: &str) -> String {
    let Some(ms) = parse_ms(rfc3339) else {
        return rfc3339.to_owned();
    };
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    minutes_text(
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
    )
}

/// Today's date in UTC, `YYYY-MM-DD` (the server's `started` default,
/// docs/formats.md §6).
pub fn today_utc() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

fn minutes_text(year: u32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
}

#[cfg(test)]
mod tests {
    use super::{drop_millis, minutes_text};

    #[test]
    fn minutes_are_zero_padded() {
        assert_eq!(minutes_text(2024, 5, 3, 9, 7), "2024-05-03 09:07");
    }

    #[test]
    fn keeps_whole_seconds() {
        assert_eq!(
            drop_millis("2024-05-03T09:12:44.123Z"),
            "2024-05-03T09:12:44Z"
        );
        assert_eq!(drop_millis("2024-05-03T09:12:44Z"), "2024-05-03T09:12:44Z");
    }
}
