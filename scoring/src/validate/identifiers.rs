//! The shapes of the identifiers a response carries.

/// A UUID in its canonical text form, `8-4-4-4-12` lower-case hex digits
/// (as `crypto.randomUUID()` makes them). Upper case is refused because
/// the id is the idempotency key: `ABC…` and `abc…` would otherwise be two
/// different keys for one response.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    let hex = |c: &u8| c.is_ascii_digit() || (b'a'..=b'f').contains(c);
    b.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && [0..8, 9..13, 14..18, 19..23, 24..36]
            .into_iter()
            .all(|group| b[group].iter().all(hex))
}

/// A hospital code: 1 to 32 ASCII letters, digits, `-` or `_` (`H001`).
/// Codes appear in URLs (`/s/<hospital>`) and file names, so nothing else.
pub fn is_hospital_code(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid("9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10"));
        assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
        for bad in [
            "",
            "9B2F6C1E-4F1A-4C55-9D1E-2A8F0C3B7D10",
            "9b2f6c1e4f1a4c559d1e2a8f0c3b7d10",
            "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d1",
            "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d100",
            "9b2f6c1e_4f1a-4c55-9d1e-2a8f0c3b7d10",
            "{9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d1}",
            "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7g10",
        ] {
            assert!(!is_uuid(bad), "{bad:?}");
        }
    }

    #[test]
    fn hospital_codes() {
        assert!(is_hospital_code("H001"));
        assert!(is_hospital_code("sz-people_2"));
        for bad in ["", "H 001", "H001/", "人民医院", &"H".repeat(33)] {
            assert!(!is_hospital_code(bad), "{bad:?}");
        }
    }
}
