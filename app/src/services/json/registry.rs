//! The names the survey's welcome screen shows: `GET /public/{hospital}`
//! (docs/formats.md §7, `wire::PublicHospital`).

use wire::{Names, PublicDepartment, PublicHospital};

use super::read::{FromJson, JsonError, Node};

impl FromJson for PublicHospital {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(PublicHospital {
            code: n.string("code")?,
            names: n.object("names")?,
            departments: n.list("departments", false)?,
        })
    }
}

impl FromJson for PublicDepartment {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(PublicDepartment {
            code: n.string("code")?,
            names: n.object("names")?,
        })
    }
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
