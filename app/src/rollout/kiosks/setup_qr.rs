//! The QR code of a kiosk's setup URL, so staff open it on the device by
//! scanning rather than typing. Drawn here, in the staff's bundle (the
//! patients' survey never carries a QR generator), by the `qrcode` crate,
//! as the posters' codes are on the server.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of `url`'s QR code (error correction M, a quiet zone of four
/// modules), or `None` if the URL is too long for a QR code.
pub fn setup_qr_svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build(),
    )
}

/// `svg` as a `data:` URL for an `<img>` (allowed by the page's
/// `img-src 'self' data:`).
pub fn data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;utf8,{}",
        percent_encoding::utf8_percent_encode(svg, percent_encoding::NON_ALPHANUMERIC)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_square_code_with_a_quiet_zone() {
        let svg =
            setup_qr_svg("https://tiyan.example/s/H001?kiosk=1&kiosk_id=k1&setup=abc").unwrap();
        assert!(svg.contains("<svg"));
        assert!(svg.contains("<path"));
        assert!(data_url(&svg).starts_with("data:image/svg+xml;utf8,%3C"));
        assert!(setup_qr_svg(&"x".repeat(5000)).is_none());
    }
}
