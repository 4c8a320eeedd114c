//! Names for codes, from a `--registry` file (docs/formats.md §7): the md
//! and html reports show "市第一人民医院（H01）" where the JSON and CSV
//! keep `H01`. A code the registry does not know is shown as such
//! ("H09（未登记）"), so a misprinted QR code is noticed.

use std::collections::HashMap;

use scoring::lang::Lang;
use scoring::report::{GroupBy, Report};
use wire::{Hospital, Names};

use crate::registry::Registry;

/// What people read for each code a report shows.
#[derive(Debug, Clone, Default)]
pub(super) struct CodeNames {
    /// Group key → label, for the report's grouping.
    pub(super) groups: HashMap<String, String>,
    /// The filters' hospital and department, labelled.
    pub(super) hospital_filter: Option<String>,
    pub(super) department_filter: Option<String>,
}

impl CodeNames {
    pub(super) fn new(registry: &Registry, report: &Report, lang: Lang) -> CodeNames {
        let filters = &report.options.filters;
        let within = filters
            .hospital
            .as_deref()
            .and_then(|code| registry.hospital(code));
        let hospital = |code: &str| label(lang, code, registry.hospital(code).map(|h| &h.names));
        let department = |code: &str| label(lang, code, department_names(registry, within, code));
        let groups = match report.options.group_by {
            Some(GroupBy::Hospital) => keys(report).map(|k| (k.to_owned(), hospital(k))).collect(),
            Some(GroupBy::Department) => keys(report)
                .map(|k| (k.to_owned(), department(k)))
                .collect(),
            _ => HashMap::new(),
        };
        CodeNames {
            groups,
            hospital_filter: filters.hospital.as_deref().map(hospital),
            department_filter: filters.department.as_deref().map(department),
        }
    }
}

/// The report's group keys that are codes (not `all`, not "not given").
fn keys(report: &Report) -> impl Iterator<Item = &str> {
    report
        .groups
        .iter()
        .map(|g| g.key.as_str())
        .filter(|k| !k.is_empty() && *k != "all")
}

/// A department's names: in the hospital the report is restricted to,
/// else in the registry's hospitals when they agree on them (a code such
/// as `cardiology` is usually named alike everywhere).
fn department_names<'r>(
    registry: &'r Registry,
    within: Option<&'r Hospital>,
    code: &str,
) -> Option<&'r Names> {
    if let Some(hospital) = within {
        return hospital.department(code).map(|d| &d.names);
    }
    let mut found = registry
        .hospitals
        .iter()
        .filter_map(|h| h.department(code))
        .map(|d| &d.names);
    let first = found.next()?;
    found.all(|names| names == first).then_some(first)
}

/// "Name（code）" in Chinese, "Name (code)" in English; the code alone
/// when it has no name, marked when the registry does not know it.
fn label(lang: Lang, code: &str, names: Option<&Names>) -> String {
    let (open, close) = lang.choose(("（", "）"), ("（", "）"), (" (", ")"));
    match names.map(|n| n.pick(lang).trim()) {
        None => format!(
            "{code}{open}{}{close}",
            lang.choose("未登记", "未登記", "unregistered")
        ),
        Some("") => code.to_owned(),
        Some(name) if name == code => code.to_owned(),
        Some(name) => format!("{name}{open}{code}{close}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        Registry::parse(
            r#"[{"code":"H01","names":{"zh-CN":"市第一人民医院","zh-Hant":"市第一人民醫院","en":"First People's Hospital"},
                 "departments":[{"code":"cardiology","names":{"zh-CN":"心内科","en":"Cardiology"}},
                                {"code":"er","names":{"zh-CN":"急诊科"}}]},
                {"code":"H02","names":{"zh-CN":"县医院"},
                 "departments":[{"code":"cardiology","names":{"zh-CN":"心内科","en":"Cardiology"}},
                                {"code":"er","names":{"zh-CN":"急诊室"}}]}]"#,
        )
        .unwrap()
    }

    #[test]
    fn codes_are_labelled_with_names_in_the_language() {
        let r = registry();
        let names = r.hospital("H01").map(|h| &h.names);
        assert_eq!(label(Lang::ZhCn, "H01", names), "市第一人民医院（H01）");
        assert_eq!(label(Lang::ZhHant, "H01", names), "市第一人民醫院（H01）");
        assert_eq!(
            label(Lang::En, "H01", names),
            "First People's Hospital (H01)"
        );
        let county = r.hospital("H02").map(|h| &h.names);
        assert_eq!(
            label(Lang::En, "H02", county),
            "县医院 (H02)",
            "falls back to zh-CN"
        );
        assert_eq!(label(Lang::ZhCn, "H09", None), "H09（未登记）");
        assert_eq!(label(Lang::En, "H09", None), "H09 (unregistered)");
    }

    #[test]
    fn a_department_is_named_where_its_name_is_certain() {
        let r = registry();
        let everywhere = department_names(&r, None, "cardiology").map(|n| n.zh_cn.as_str());
        assert_eq!(everywhere, Some("心内科"));
        assert_eq!(department_names(&r, None, "er"), None, "named differently");
        let h02 = r.hospital("H02");
        let within = department_names(&r, h02, "er").map(|n| n.zh_cn.as_str());
        assert_eq!(within, Some("急诊室"));
        assert_eq!(department_names(&r, h02, "icu"), None);
    }
}
