//! Response ids: random (version 4) UUIDs, formatted from 16 random bytes.

/// Format 16 random bytes as a version-4, variant-1 UUID
/// (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`, lowercase), as RFC 9562
/// §5.4 says: the version and variant bits overwrite 6 of the 128 bits.
pub fn format_uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 0x0f)] as char);
    }
    out
}

/// Whether `s` looks like what [`format_uuid_v4`] makes (used to ignore a
/// tampered draft rather than submit it under a broken id).
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_version_and_variant_bits() {
        assert_eq!(
            format_uuid_v4([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
        assert_eq!(
            format_uuid_v4([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        let bytes = [
            0x9b, 0x2f, 0x6c, 0x1e, 0x4f, 0x1a, 0x0c, 0x55, 0x1d, 0x1e, 0x2a, 0x8f, 0x0c, 0x3b,
            0x7d, 0x10,
        ];
        assert_eq!(
            format_uuid_v4(bytes),
            "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10"
        );
    }

    #[test]
    fn recognises_its_own_output_only() {
        assert!(is_uuid_v4(&format_uuid_v4([7; 16])));
        assert!(is_uuid_v4("9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10"));
        assert!(!is_uuid_v4("9b2f6c1e-4f1a-1c55-9d1e-2a8f0c3b7d10")); // version 1
        assert!(!is_uuid_v4("9B2F6C1E-4F1A-4C55-9D1E-2A8F0C3B7D10")); // uppercase
        assert!(!is_uuid_v4("not-a-uuid"));
    }
}
