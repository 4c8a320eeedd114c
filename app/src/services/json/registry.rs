//! The names the survey's welcome screen shows, read from the text of
//! `GET /public/{hospital}` (docs/formats.md §7, `wire::PublicHospital`):
//! the hospital's and one department's, without building the whole list.

use wire::Names;

use super::parse_node;
use super::read::{FromJson, JsonError, Node};

/// A hospital's names, and those of the department being rated if the
/// registry lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceNames {
    pub code: String,
    pub hospital: Names,
    pub department: Option<Names>,
}

/// Reads `text` (a `wire::PublicHospital`) for `department`; `None` if it
/// is not one.
pub fn place_names(text: &str, department: &str) -> Option<PlaceNames> {
    let node = parse_node(text).ok()?;
    let department = node
        .field("departments")
        .elements()?
        .into_iter()
        .find(|d| d.field("code").as_str().as_deref() == Some(department))
        .map(|d| d.object::<Names>("names"))
        .transpose()
        .ok()?;
    Some(PlaceNames {
        code: node.string("code").ok()?,
        hospital: node.object("names").ok()?,
        department,
    })
}

/// A language left out is "" (not given), as serde reads it.
impl FromJson for Names {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        let text = |tag| n.opt_string(tag).map(Option::unwrap_or_default);
        Ok(Names {
            zh_cn: text("zh-CN")?,
            zh_hant: text("zh-Hant")?,
            en: text("en")?,
        })
    }
}
