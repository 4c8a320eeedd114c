//! Hospital and department names for the codes responses carry
//! (docs/formats.md §7): the registry of `GET /api/v1/hospitals`, read
//! once per session (by `services::json::registry_names`, without serde's
//! visitors for the registry's types, which would cost the page's wasm
//! kilobytes). Codes the registry does not know are shown as they are.

use scoring::lang::Lang;
use wire::{Hospital, Names};

/// Code → names: hospitals first, then departments (a department code
/// shared by several hospitals takes the first one's names).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceNames(Vec<(String, Names)>);

impl PlaceNames {
    /// From code → names pairs, hospitals first.
    pub fn new(names: Vec<(String, Names)>) -> PlaceNames {
        PlaceNames(names)
    }

    pub fn from_registry(hospitals: &[Hospital]) -> PlaceNames {
        let departments = hospitals.iter().flat_map(|h| &h.departments);
        PlaceNames(
            hospitals
                .iter()
                .map(|h| (h.code.clone(), h.names.clone()))
                .chain(departments.map(|d| (d.code.clone(), d.names.clone())))
                .collect(),
        )
    }

    /// The name of `code` in `lang`, or the code itself.
    pub fn name<'a>(&'a self, lang: Lang, code: &'a str) -> &'a str {
        self.0
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, names)| names.pick(lang))
            .filter(|name| !name.is_empty())
            .unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_known_codes_and_leaves_the_rest() {
        let registry: Vec<Hospital> = serde_json::from_str(
            r#"[{"code":"H001","names":{"zh-CN":"一院","en":"First"},
                 "departments":[{"code":"er","names":{"zh-CN":"急诊科"}}]}]"#,
        )
        .unwrap();
        let places = PlaceNames::from_registry(&registry);
        assert_eq!(places.name(Lang::En, "H001"), "First");
        assert_eq!(places.name(Lang::ZhHant, "H001"), "一院");
        assert_eq!(places.name(Lang::En, "er"), "急诊科");
        assert_eq!(places.name(Lang::En, "H009"), "H009");
    }
}
