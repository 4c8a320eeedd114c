//! Editing a hospital before it is saved: the form's changes as plain
//! operations on `wire::Hospital`, so they are tested natively.

use wire::{Department, Hospital, HospitalKind, Level, Names};

/// A hospital with only its code, for an administrator to fill in.
pub fn blank(code: &str) -> Hospital {
    Hospital {
        code: code.trim().to_owned(),
        names: Names::default(),
        level: None,
        kind: None,
        region: None,
        departments: Vec::new(),
    }
}

/// A new, empty, active department row at the end.
pub fn add_department(hospital: &mut Hospital) {
    hospital.departments.push(Department {
        code: String::new(),
        names: Names::default(),
        active: true,
    });
}

/// Whether the department at `row` was added in this edit: only its code
/// may still be typed (a saved department's code is what its responses
/// carry; it is made inactive rather than renamed or removed).
pub fn is_new_row(saved: &Hospital, draft: &Hospital, row: usize) -> bool {
    draft
        .departments
        .get(row)
        .is_some_and(|d| d.code.is_empty() || saved.department(&d.code).is_none())
}

/// An empty region is none.
pub fn set_region(hospital: &mut Hospital, text: String) {
    hospital.region = Some(text).filter(|t| !t.trim().is_empty());
}

pub fn set_level(hospital: &mut Hospital, value: &str) {
    hospital.level = Level::parse(value);
}

pub fn set_kind(hospital: &mut Hospital, value: &str) {
    hospital.kind = HospitalKind::parse(value);
}

/// The registry file the command line reads (`tiyan … --registry
/// registry.json`): the hospitals as `GET /hospitals` gives them.
pub fn registry_file(hospitals: &[Hospital]) -> String {
    serde_json::to_string_pretty(hospitals).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rows_are_the_ones_not_saved() {
        let mut saved = blank(" H009 ");
        assert_eq!(saved.code, "H009");
        add_department(&mut saved);
        saved.departments[0].code = "er".to_owned();
        let mut draft = saved.clone();
        add_department(&mut draft);
        assert!(!is_new_row(&saved, &draft, 0));
        assert!(is_new_row(&saved, &draft, 1));
        draft.departments[1].code = "icu".to_owned();
        assert!(is_new_row(&saved, &draft, 1));
        assert!(!is_new_row(&saved, &draft, 5));
    }

    #[test]
    fn choices_read_their_spelling_and_blank_is_none() {
        let mut h = blank("H1");
        set_level(&mut h, "二级");
        set_kind(&mut h, "tcm");
        set_region(&mut h, "  ".to_owned());
        assert_eq!(
            (h.level, h.kind, h.region.clone()),
            (Some(Level::Secondary), Some(HospitalKind::Tcm), None)
        );
        set_level(&mut h, "");
        set_region(&mut h, "东区".to_owned());
        assert_eq!((h.level, h.region.as_deref()), (None, Some("东区")));
    }

    #[test]
    fn the_registry_file_reads_back_as_the_hospitals() {
        let mut h = blank("H1");
        h.names.zh_cn = "一院".to_owned();
        add_department(&mut h);
        let text = registry_file(std::slice::from_ref(&h));
        let back: Vec<Hospital> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![h]);
    }
}
