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

/// A name in the product's three languages; an empty string is a name not
/// given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub zh_cn: String,
    pub zh_hant: String,
    pub en: String,
}

impl Names {
    /// The name in `lang`, or `""` when it has none.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => self.zh_cn.trim(),
            Lang::ZhHant => self.zh_hant.trim(),
            Lang::En => self.en.trim(),
        }
    }

    /// The name in `lang`, else in Simplified Chinese, else any, else
    /// `fallback` (the code).
    fn pick<'a>(&'a self, lang: Lang, fallback: &'a str) -> &'a str {
        [lang, Lang::ZhCn, Lang::ZhHant, Lang::En]
            .into_iter()
            .map(|l| self.get(l))
            .find(|name| !name.is_empty())
            .unwrap_or(fallback)
    }
}

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
            .filter(|&lang| !self.hospital.get(lang).is_empty())
            .collect();
        if given.is_empty() {
            vec![Lang::ZhCn]
        } else {
            given
        }
    }

    fn hospital_name(&self, lang: Lang) -> &str {
        self.hospital.pick(lang, &self.hospital_code)
    }

    fn department_name(&self, lang: Lang) -> &str {
        self.department.pick(lang, &self.department_code)
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
