//! `--registry registry.json`: the hospital registry the dashboard exports
//! (docs/formats.md §7), so the md and html reports can name hospitals and
//! departments. The file is the body of `GET /api/v1/hospitals` (an array
//! of hospitals) or that array as `{"hospitals": [...]}`.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{anyhow, Result};
use serde::Deserialize;
use wire::Hospital;

use crate::files::read_text;

/// The hospitals of a registry file, each code once.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Registry {
    pub(crate) hospitals: Vec<Hospital>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrapped {
    hospitals: Vec<Hospital>,
}

impl Registry {
    pub(crate) fn load(path: &Path) -> Result<Registry> {
        let text = read_text(path)?;
        Registry::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
    }

    /// A registry's text; errors name the line, column and field.
    pub(crate) fn parse(text: &str) -> Result<Registry, String> {
        let text = text.trim_start_matches('\u{feff}');
        let hospitals =
            match text.trim_start().chars().next() {
                Some('[') => read::<Vec<Hospital>>(text)?,
                Some('{') => read::<Wrapped>(text)?.hospitals,
                _ => return Err(
                    "not a registry: expected a JSON array of hospitals or {\"hospitals\": [...]}"
                        .to_owned(),
                ),
            };
        let mut codes = BTreeSet::new();
        for (i, hospital) in hospitals.iter().enumerate() {
            if !codes.insert(hospital.code.as_str()) {
                return Err(format!(
                    "hospitals[{i}].code: hospital {:?} is listed twice",
                    hospital.code
                ));
            }
            let mut departments = BTreeSet::new();
            for (j, department) in hospital.departments.iter().enumerate() {
                if !departments.insert(department.code.as_str()) {
                    return Err(format!(
                        "hospitals[{i}].departments[{j}].code: department {:?} of {} is listed twice",
                        department.code, hospital.code
                    ));
                }
            }
        }
        Ok(Registry { hospitals })
    }

    pub(crate) fn hospital(&self, code: &str) -> Option<&Hospital> {
        wire::find_hospital(&self.hospitals, code)
    }
}

/// `T` from JSON text, or "line L, column C, at FIELD: what is wrong".
fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    let mut json = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." { "the top".to_owned() } else { at };
        let (place, what) = position(text, e.inner());
        format!("{place}, at {at}: {what}")
    })?;
    json.end().map_err(|e| {
        let (place, what) = position(text, &e);
        format!("{place}: {what}")
    })?;
    Ok(value)
}

/// "line L, column C" counting characters (serde_json counts bytes, which
/// is off for Chinese names), and the error without its own position.
fn position(text: &str, e: &serde_json::Error) -> (String, String) {
    let line = e.line();
    let bytes = e.column();
    let column = text.lines().nth(line.saturating_sub(1)).map_or(bytes, |l| {
        let mut end = bytes.min(l.len());
        while !l.is_char_boundary(end) {
            end -= 1;
        }
        l[..end].chars().count()
    });
    let message = e.to_string();
    let what = message
        .strip_suffix(&format!(" at line {line} column {bytes}"))
        .unwrap_or(&message)
        .to_owned();
    (format!("line {line}, column {column}"), what)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"code":"H01","names":{"zh-CN":"市第一人民医院","en":"First People's Hospital"},
        "departments":[{"code":"cardiology","names":{"zh-CN":"心内科","en":"Cardiology"}}]}"#;

    #[test]
    fn reads_the_array_and_the_wrapped_form() {
        let array = Registry::parse(&format!("[{ONE}]")).unwrap();
        let wrapped = Registry::parse(&format!("\u{feff}{{\"hospitals\": [{ONE}]}}")).unwrap();
        assert_eq!(array, wrapped);
        let hospital = array.hospital("H01").unwrap();
        assert_eq!(
            hospital.department("cardiology").unwrap().names.en,
            "Cardiology"
        );
    }

    #[test]
    fn errors_name_the_line_column_and_field() {
        let text =
            "[\n {\"code\": \"H01\", \"names\": {\"zh-CN\": \"甲\"},\n  \"level\": \"四级\"}\n]";
        let e = Registry::parse(text).unwrap_err();
        assert!(
            e.starts_with("line 3, column 15, at [0].level: unknown variant `四级`, expected"),
            "{e}"
        );
        assert!(!e.contains(" at line "), "{e}");
        let e = Registry::parse(r#"{"hospitals": [{"names": {}}]}"#).unwrap_err();
        assert!(
            e.contains("at hospitals[0]") && e.contains("missing field `code`"),
            "{e}"
        );
        let e = Registry::parse(r#"{"hospital": []}"#).unwrap_err();
        assert!(e.contains("unknown field `hospital`"), "{e}");
        let e = Registry::parse("[] []").unwrap_err();
        assert!(e.starts_with("line 1, column 4"), "{e}");
        assert!(Registry::parse("")
            .unwrap_err()
            .starts_with("not a registry"));
    }

    #[test]
    fn a_code_listed_twice_is_refused() {
        let e = Registry::parse(&format!("[{ONE}, {ONE}]")).unwrap_err();
        assert_eq!(e, "hospitals[1].code: hospital \"H01\" is listed twice");
        let twice = r#"[{"code":"H01","names":{},"departments":[
            {"code":"er","names":{}},{"code":"er","names":{}}]}]"#;
        let e = Registry::parse(twice).unwrap_err();
        assert!(e.starts_with("hospitals[0].departments[1].code"), "{e}");
    }
}
