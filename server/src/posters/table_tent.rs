//! The A6 table tent on the sheet's bottom half (210 × 148.5 mm): cut off
//! along the dashed line and folded along the middle (x = 105 mm), it
//! stands on a desk with an A6 landscape face (148.5 × 105 mm) to each
//! side, so patients on both sides of a desk see a QR code.
//!
//! Each face is drawn in its own coordinates (148.5 wide, 105 tall, its
//! top along the fold) and turned a quarter: the left face clockwise, the
//! right face anticlockwise, which makes both upright once folded.

use scoring::lang::Lang;

use super::a4_poster::{
    distinct, entry, patient_column, style, ColumnSizes, HALF, INK, SHEET_HEIGHT, SHEET_WIDTH, SOFT,
};
use super::column::{stack, Frame};
use super::qr::{QrSymbol, TENT_QR_MM};
use super::text_fit::Anchor;
use super::xml::mm;
use super::Poster;

/// A face's size in its own coordinates, in mm.
const FACE_WIDTH: f64 = HALF;
const FACE_HEIGHT: f64 = SHEET_WIDTH / 2.0;
/// Kept free along the fold, where the paper bends.
const FOLD_MARGIN: f64 = 7.0;
const MARGIN: f64 = 6.0;

const SIZES: ColumnSizes = ColumnSizes {
    department: 10.0,
    department_other: 4.0,
    visit: 4.5,
    headline: 8.0,
    reassurance: 5.0,
    instruction_other: 3.2,
};

/// Both faces and the fold line.
pub(super) fn tent(poster: &Poster, qr: &QrSymbol, languages: &[Lang]) -> String {
    let face = face(poster, qr, languages);
    let fold = SHEET_WIDTH / 2.0;
    format!(
        concat!(
            r##"<line x1="{fold}" y1="{top}" x2="{fold}" y2="{bottom}" stroke="#999" stroke-width="0.3" stroke-dasharray="6 1.5 1 1.5"/>"##,
            r#"<g transform="translate({fold} {top}) rotate(90)">{face}</g>"#,
            r#"<g transform="translate({fold} {bottom}) rotate(-90)">{face}</g>"#,
        ),
        fold = mm(fold),
        top = mm(HALF),
        bottom = mm(SHEET_HEIGHT),
        face = face,
    )
}

/// One face, in its own coordinates: the hospital along the top, the QR
/// code on the left, the department and instruction on the right.
fn face(poster: &Poster, qr: &QrSymbol, languages: &[Lang]) -> String {
    let first = languages[0];
    let mut out = String::new();
    let hospitals = distinct(languages.iter().map(|&l| poster.hospital_name(l)));
    let header = vec![entry(
        hospitals[0],
        5.0,
        3.0,
        1,
        style(first, true, INK, Anchor::Middle),
        0.0,
    )];
    let (text, _) = stack(
        &header,
        Frame {
            x: MARGIN,
            top: FOLD_MARGIN,
            width: FACE_WIDTH - 2.0 * MARGIN,
            height: 7.0,
        },
    );
    out.push_str(&text);
    if let Some(second) = hospitals.get(1) {
        let other = vec![entry(
            &hospitals[1..].join(" · "),
            3.0,
            2.2,
            1,
            style(
                languages
                    .iter()
                    .copied()
                    .find(|&l| poster.hospital_name(l) == *second)
                    .unwrap_or(first),
                false,
                SOFT,
                Anchor::Middle,
            ),
            0.0,
        )];
        let (text, _) = stack(
            &other,
            Frame {
                x: MARGIN,
                top: FOLD_MARGIN + 6.8,
                width: FACE_WIDTH - 2.0 * MARGIN,
                height: 4.0,
            },
        );
        out.push_str(&text);
    }

    let qr_top = FACE_HEIGHT - MARGIN - TENT_QR_MM;
    out.push_str(&qr.place(3.0, qr_top, TENT_QR_MM));
    let column_left = 3.0 + TENT_QR_MM + 1.5;
    let frame = Frame {
        x: column_left,
        top: qr_top + 4.0,
        width: FACE_WIDTH - MARGIN - column_left,
        height: FACE_HEIGHT - MARGIN - 2.0 - (qr_top + 4.0),
    };
    let (text, _) = stack(&patient_column(poster, languages, SIZES), frame);
    out.push_str(&text);
    out
}
