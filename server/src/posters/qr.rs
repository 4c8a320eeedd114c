//! The QR code of a survey URL, drawn by the `qrcode` crate's SVG renderer.
//!
//! Error correction level Q (a quarter of the symbol may be scratched or
//! soiled and it still decodes) and the standard quiet zone of 4 modules,
//! which is part of the drawn square, so nothing printed around it can
//! touch the code.
//!
//! Printed size: the wall poster's code is [`WALL_QR_MM`] = 104 mm square
//! including its quiet zone, the table tent's [`TENT_QR_MM`] = 70 mm. A
//! survey URL of 61 to 86 bytes (`https://tiyan.example.cn/s/H001?dept=cardiology&visit=outpatient&channel=phone`
//! is 79) makes a version 6 or 7 symbol, 41 or 45 modules plus 8 of quiet
//! zone: 2.1 mm or 2.0 mm per module on the wall, 1.4 mm or 1.3 mm on the
//! tent. A phone camera reads a code from about ten times its width, so
//! the wall poster scans from about 1 m and the tent from about 70 cm,
//! more than an arm's length; [`QrSymbol::module_mm`] gives the exact
//! figure for a URL.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use super::xml::mm;
use super::PosterError;

/// Side of the wall poster's code, quiet zone included, in mm.
pub const WALL_QR_MM: f64 = 104.0;
/// Side of the table tent's code, quiet zone included, in mm.
pub const TENT_QR_MM: f64 = 70.0;

/// Modules of quiet zone on each side (ISO/IEC 18004: 4 for QR codes).
const QUIET_ZONE_MODULES: usize = 4;

/// An encoded URL, ready to be placed at any size.
#[derive(Debug, Clone)]
pub struct QrSymbol {
    /// An `<svg>` element one user unit per module, quiet zone included.
    svg: String,
    /// Modules across, quiet zone included.
    side_modules: usize,
}

impl QrSymbol {
    pub fn encode(url: &str) -> Result<QrSymbol, PosterError> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::Q)?;
        let side_modules = code.width() + 2 * QUIET_ZONE_MODULES;
        let document = code
            .render::<svg::Color>()
            .quiet_zone(true)
            .module_dimensions(1, 1)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .build();
        // The renderer writes a whole document; an element nested in the
        // poster's SVG cannot carry an XML declaration.
        let svg = match document.split_once("?>") {
            Some((_, element)) => element.to_owned(),
            None => document,
        };
        Ok(QrSymbol { svg, side_modules })
    }

    /// Modules across, quiet zone included.
    pub fn side_modules(&self) -> usize {
        self.side_modules
    }

    /// The printed size of one module when the code is `side_mm` across.
    pub fn module_mm(&self, side_mm: f64) -> f64 {
        side_mm / self.side_modules as f64
    }

    /// The code as an SVG fragment, `side_mm` square with its top left
    /// corner at (`x`, `y`) mm.
    pub(super) fn place(&self, x: f64, y: f64, side_mm: f64) -> String {
        format!(
            r#"<g transform="translate({} {}) scale({})">{}</g>"#,
            mm(x),
            mm(y),
            self.module_mm(side_mm),
            self.svg
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str =
        "https://tiyan.example.cn/s/H001?dept=cardiology&visit=outpatient&channel=phone";

    #[test]
    fn the_symbol_has_a_four_module_quiet_zone_and_level_q() {
        let code = QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::Q).unwrap();
        let symbol = QrSymbol::encode(URL).unwrap();
        assert_eq!(symbol.side_modules(), code.width() + 8);
        assert_eq!(code.error_correction_level(), EcLevel::Q);
        let side = symbol.side_modules();
        assert!(
            symbol.svg.starts_with("<svg")
                && symbol
                    .svg
                    .contains(&format!(r#"viewBox="0 0 {side} {side}""#)),
            "{}",
            &symbol.svg[..120]
        );
        // The dark modules start after the quiet zone: the first drawn
        // rectangle is the top left finder pattern at (4, 4).
        assert!(symbol.svg.contains(r#"d="M4 4h"#), "{}", &symbol.svg[..300]);
    }

    #[test]
    fn modules_are_printed_large_enough_to_scan_from_a_wall() {
        let symbol = QrSymbol::encode(URL).unwrap();
        assert!(
            symbol.module_mm(WALL_QR_MM) >= 1.9,
            "{}",
            symbol.module_mm(WALL_QR_MM)
        );
        assert!(
            symbol.module_mm(TENT_QR_MM) >= 1.25,
            "{}",
            symbol.module_mm(TENT_QR_MM)
        );
        // A long base URL and the longest codes still print modules of
        // more than 1.5 mm on the wall.
        let long = format!(
            "https://patient-experience.example-provincial-hospital.org.cn/survey/s/{}?dept={}&visit=outpatient&channel=phone",
            "H".repeat(32),
            "d".repeat(32)
        );
        let symbol = QrSymbol::encode(&long).unwrap();
        assert!(
            symbol.module_mm(WALL_QR_MM) >= 1.5,
            "{}",
            symbol.module_mm(WALL_QR_MM)
        );
    }

    #[test]
    fn placing_scales_the_symbol_to_the_asked_size() {
        let symbol = QrSymbol::encode(URL).unwrap();
        let placed = symbol.place(10.0, 20.5, 104.0);
        let scale = 104.0 / symbol.side_modules() as f64;
        assert!(placed.starts_with(&format!(
            r#"<g transform="translate(10 20.5) scale({scale})"><svg"#
        )));
        assert!(placed.ends_with("</svg></g>"));
    }
}
