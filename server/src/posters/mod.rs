//! Printable QR posters (docs/formats.md §7).
//!
//! For one department and visit type: an A4 sheet ([`sheet_svg`]) whose top
//! half is the wall poster and whose bottom half is an A6 table tent (cut
//! off along the dashed line, folded along the middle). [`print_page`] puts
//! a batch of sheets into one HTML page, one sheet per printed page.
//!
//! Pure: names, the visit type and the survey URL in, SVG or HTML text out.
//! The route (`http/api/posters.rs`) reads the names from the registry and
//! builds the URL with [`survey_url`]. Every name is escaped for XML; fonts
//! are the system's (CJK font-family fallbacks), never downloaded.

mod a4_poster;
mod column;
mod print_page;
mod qr;
mod survey_url;
mod table_tent;
mod text_fit;
mod wording;
mod xml;

use scoring::instrument::VisitType;
use scoring::lang::Lang;

pub use a4_poster::sheet_svg;
pub use print_page::print_page;
pub use qr::{QrSymbol, TENT_QR_MM, WALL_QR_MM};
pub use survey_url::survey_url;
pub use wire::Names;

/// What one sheet shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poster {
    /// The exact survey URL the QR code holds ([`survey_url`]).
    pub url: String,
    pub hospital_code: String,
    pub hospital: Names,
    pub department_code: String,
    pub department: Names,
    pub visit: VisitType,
}

impl Poster {
    /// The hospital's languages: those its names are given in, in the
    /// product's order (Simplified Chinese first); Simplified Chinese when
    /// it has no names at all. The first is printed largest.
    pub fn languages(&self) -> Vec<Lang> {
        let given: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&lang| !self.hospital.get(lang).trim().is_empty())
            .collect();
        if given.is_empty() {
            vec![Lang::ZhCn]
        } else {
            given
        }
    }

    fn hospital_name(&self, lang: Lang) -> &str {
        name_or_code(&self.hospital, lang, &self.hospital_code)
    }

    fn department_name(&self, lang: Lang) -> &str {
        name_or_code(&self.department, lang, &self.department_code)
    }
}

/// The name in `lang` with the product's fallback ([`Names::pick`]), or the
/// code when no name is given at all.
fn name_or_code<'a>(names: &'a Names, lang: Lang, code: &'a str) -> &'a str {
    match names.pick(lang).trim() {
        "" => code,
        name => name,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PosterError {
    #[error("the survey URL cannot be put into a QR code: {0}")]
    Qr(#[from] qrcode::types::QrError),
    #[error("public base URL {0:?} cannot hold a path (it must be an http or https URL)")]
    BaseUrl(String),
}

#[cfg(test)]
mod tests;
