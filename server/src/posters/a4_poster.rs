//! The A4 sheet (210 × 297 mm, one SVG user unit per mm): the wall poster
//! on its top half, the A6 table tent ([`super::table_tent`]) on its bottom
//! half below a dashed cut line.
//!
//! The wall poster puts the QR code ([`WALL_QR_MM`] square) on the left
//! and, on the right in large print for elderly patients, the department,
//! the visit type and the instruction (扫码评价 · 匿名 · 约 2 分钟) in the
//! hospital's first language, then smaller in its other languages. Every
//! mark keeps 6 mm from the paper's edges, which printers cannot reach.

use scoring::lang::Lang;

use super::column::{stack, Entry, Frame};
use super::qr::{QrSymbol, WALL_QR_MM};
use super::table_tent;
use super::text_fit::{Anchor, Style};
use super::wording;
use super::xml::{escape, mm};
use super::{Poster, PosterError};

pub(super) const SHEET_WIDTH: f64 = 210.0;
pub(super) const SHEET_HEIGHT: f64 = 297.0;
/// The cut line between the wall poster and the table tent.
pub(super) const HALF: f64 = SHEET_HEIGHT / 2.0;
const MARGIN: f64 = 8.0;

pub(super) const INK: &str = "#111";
pub(super) const ACCENT: &str = "#00468b";
pub(super) const SOFT: &str = "#444";

/// The whole sheet as an SVG document of 210 mm × 297 mm.
pub fn sheet_svg(poster: &Poster) -> Result<String, PosterError> {
    Ok(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" role="img">{}</svg>"#,
        sheet_body(poster)?
    ))
}

/// The sheet's content, for [`sheet_svg`] and the print page's inline SVG.
pub(super) fn sheet_body(poster: &Poster) -> Result<String, PosterError> {
    let qr = QrSymbol::encode(&poster.url)?;
    let languages = poster.languages();
    let first = languages[0];
    let mut out = String::new();
    out.push_str(&format!(
        "<title>{}</title>",
        escape(&format!(
            "{} · {} · {}",
            poster.hospital_name(first),
            poster.department_name(first),
            wording::visit(first, poster.visit)
        ))
    ));
    out.push_str(r##"<rect x="0" y="0" width="210" height="297" fill="#fff"/>"##);
    out.push_str(&wall_poster(poster, &qr, &languages));
    out.push_str(&cut_line(first));
    out.push_str(&table_tent::tent(poster, &qr, &languages));
    Ok(out)
}

fn wall_poster(poster: &Poster, qr: &QrSymbol, languages: &[Lang]) -> String {
    let first = languages[0];
    let others = &languages[1..];
    let mut out = String::new();

    // The hospital across the top, its other names below.
    let mut header = vec![entry(
        poster.hospital_name(first),
        9.0,
        5.0,
        1,
        style(first, true, INK, Anchor::Middle),
        1.0,
    )];
    let other_names = distinct(others.iter().map(|&l| poster.hospital_name(l)));
    if !other_names.is_empty() {
        header.push(entry(
            &other_names.join(" · "),
            4.5,
            3.0,
            1,
            style(others[0], false, SOFT, Anchor::Middle),
            0.0,
        ));
    }
    let header_frame = Frame {
        x: MARGIN,
        top: MARGIN,
        width: SHEET_WIDTH - 2.0 * MARGIN,
        height: 18.0,
    };
    let (text, _) = stack(&header, header_frame);
    out.push_str(&text);
    let rule_y = MARGIN + header_frame.height + 1.5;
    out.push_str(&format!(
        r#"<line x1="{m}" y1="{y}" x2="{x2}" y2="{y}" stroke="{ACCENT}" stroke-width="0.6"/>"#,
        m = mm(MARGIN),
        x2 = mm(SHEET_WIDTH - MARGIN),
        y = mm(rule_y),
    ));

    // The QR code on the left; its quiet zone is white margin already.
    let qr_top = rule_y + 1.5;
    let qr_left = 6.0;
    out.push_str(&qr.place(qr_left, qr_top, WALL_QR_MM));

    // Department, visit type and the instruction on the right.
    let column_left = qr_left + WALL_QR_MM + 2.0;
    let frame = Frame {
        x: column_left,
        top: qr_top + 6.0,
        width: SHEET_WIDTH - MARGIN - column_left,
        height: HALF - 12.0 - (qr_top + 6.0),
    };
    let (text, _) = stack(&patient_column(poster, languages, ColumnSizes::WALL), frame);
    out.push_str(&text);

    // The URL itself, for a phone that cannot scan.
    let url_line = vec![entry(
        &format!("{}{}", wording::or_open(first), poster.url),
        2.8,
        2.0,
        1,
        style(first, false, SOFT, Anchor::Start),
        0.0,
    )];
    let (text, _) = stack(
        &url_line,
        Frame {
            x: MARGIN + 4.0,
            top: HALF - 10.5,
            width: SHEET_WIDTH - 2.0 * MARGIN - 4.0,
            height: 4.0,
        },
    );
    out.push_str(&text);
    out
}

/// Font sizes of [`patient_column`], in mm.
#[derive(Debug, Clone, Copy)]
pub(super) struct ColumnSizes {
    pub(super) department: f64,
    pub(super) department_other: f64,
    pub(super) visit: f64,
    pub(super) headline: f64,
    pub(super) reassurance: f64,
    pub(super) instruction_other: f64,
}

impl ColumnSizes {
    /// The wall poster: the department in 15 mm letters (legible from
    /// about 6 m), the headline in 12 mm.
    const WALL: ColumnSizes = ColumnSizes {
        department: 15.0,
        department_other: 5.5,
        visit: 6.0,
        headline: 12.0,
        reassurance: 7.5,
        instruction_other: 4.5,
    };
}

/// What a patient reads next to the QR code: the department (first
/// language large, the others smaller), the visit type, then the
/// instruction (headline and reassurance large, the other languages'
/// smaller).
pub(super) fn patient_column(
    poster: &Poster,
    languages: &[Lang],
    sizes: ColumnSizes,
) -> Vec<Entry> {
    let first = languages[0];
    let others = &languages[1..];
    let mut entries = vec![entry(
        poster.department_name(first),
        sizes.department,
        sizes.department * 0.55,
        2,
        style(first, true, ACCENT, Anchor::Start),
        1.0,
    )];
    let first_name = poster.department_name(first);
    for &lang in others {
        let name = poster.department_name(lang);
        if name != first_name {
            entries.push(entry(
                name,
                sizes.department_other,
                sizes.department_other * 0.6,
                1,
                style(lang, false, SOFT, Anchor::Start),
                0.6,
            ));
        }
    }
    let visits = distinct(languages.iter().map(|&l| wording::visit(l, poster.visit)));
    entries.push(entry(
        &visits.join(" · "),
        sizes.visit,
        sizes.visit * 0.6,
        1,
        style(first, true, INK, Anchor::Start),
        sizes.visit * 0.9,
    ));
    entries.push(entry(
        wording::scan_to_rate(first),
        sizes.headline,
        sizes.headline * 0.6,
        2,
        style(first, true, INK, Anchor::Start),
        0.8,
    ));
    entries.push(entry(
        wording::anonymous_two_minutes(first),
        sizes.reassurance,
        sizes.reassurance * 0.6,
        1,
        style(first, false, INK, Anchor::Start),
        sizes.reassurance * 0.5,
    ));
    for &lang in others {
        entries.push(entry(
            &wording::instruction(lang),
            sizes.instruction_other,
            sizes.instruction_other * 0.7,
            2,
            style(lang, false, SOFT, Anchor::Start),
            0.8,
        ));
    }
    entries
}

/// The dashed line between the halves, with how to cut and fold in the
/// staff's (the hospital's first) language.
fn cut_line(lang: Lang) -> String {
    let words = wording::cut_and_fold(lang);
    let size = 2.6;
    let width = super::text_fit::width_em(words, false) * size + 4.0;
    let mut out = format!(
        r##"<line x1="0" y1="{y}" x2="210" y2="{y}" stroke="#777" stroke-width="0.3" stroke-dasharray="3 2"/>"##,
        y = mm(HALF)
    );
    out.push_str(&format!(
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#fff"/>"##,
        mm(SHEET_WIDTH / 2.0 - width / 2.0),
        mm(HALF - size * 0.75),
        mm(width),
        mm(size * 1.5),
    ));
    out.push_str(&format!(
        r##"<text x="105" y="{}" font-size="{}" font-family="{}" fill="#777" text-anchor="middle" xml:lang="{}">{}</text>"##,
        mm(HALF + size * 0.35),
        mm(size),
        super::text_fit::font_family(lang),
        lang.tag(),
        escape(words),
    ));
    out
}

pub(super) fn entry(
    text: &str,
    size: f64,
    min: f64,
    max_lines: usize,
    style: Style,
    space_after: f64,
) -> Entry {
    Entry {
        text: text.to_owned(),
        size,
        min,
        max_lines,
        style,
        space_after,
    }
}

pub(super) fn style(lang: Lang, bold: bool, fill: &'static str, anchor: Anchor) -> Style {
    Style {
        lang,
        bold,
        fill,
        anchor,
    }
}

/// The texts without repeats (住院 is the same in both Chinese scripts),
/// in order.
pub(super) fn distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for text in texts {
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}
