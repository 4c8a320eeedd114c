//! Names of the registry (docs/formats.md §7), read without serde: what
//! the survey's welcome screen shows, from the text of
//! `GET /public/{hospital}` (`wire::PublicHospital`: the hospital's and
//! one department's names), and the code → names list the dashboard
//! labels its filters and groups with, from `GET /hospitals`
//! (`[wire::Hospital]`).

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

/// Every code of `GET /hospitals`'s text with its names: the hospitals
/// first, then their departments, in order; `None` if it is not a list of
/// hospitals.
pub fn registry_names(text: &str) -> Option<Vec<(String, Names)>> {
    let hospitals = parse_node(text).ok()?.elements()?;
    let departments: Vec<Node> = hospitals
        .iter()
        .flat_map(|h| h.field("departments").elements().unwrap_or_default())
        .collect();
    hospitals
        .iter()
        .chain(&departments)
        .map(|n| Some((n.string("code").ok()?, n.object("names").ok()?)))
        .collect()
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
