//! What a registry entry, a new kiosk and a heartbeat must be before they
//! are stored (docs/formats.md §7). Each check names the field it refuses
//! (`departments[2].code: …`) and texts come back trimmed.

use std::collections::HashMap;

use scoring::timestamp::Timestamp;
use scoring::validate::is_hospital_code;
use wire::{
    Heartbeat, Hospital, Names, NewKiosk, DEPARTMENTS_MAX, DEPARTMENT_CODE_MAX_CHARS,
    KIOSK_TEXT_MAX_CHARS, NAME_MAX_CHARS,
};

/// Codes that `/hospitals/{hospital}` cannot take because a fixed path
/// of the API is spelled so.
const RESERVED_HOSPITAL_CODES: [&str; 1] = ["unregistered"];

/// A refused field and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct CheckError {
    pub field: String,
    pub message: String,
}

fn refuse<T>(field: impl Into<String>, message: impl Into<String>) -> Result<T, CheckError> {
    Err(CheckError {
        field: field.into(),
        message: message.into(),
    })
}

/// A department code as it appears in survey URLs (`?dept=`): 1 to 64
/// ASCII letters, digits, `-` or `_`.
pub fn is_department_code(s: &str) -> bool {
    (1..=DEPARTMENT_CODE_MAX_CHARS).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A trimmed text of at most `max` characters without control characters.
fn text(field: &str, value: &str, max: usize) -> Result<String, CheckError> {
    let value = value.trim();
    let chars = value.chars().count();
    if chars > max {
        return refuse(
            field,
            format!("has {chars} characters; at most {max} are allowed"),
        );
    }
    if value.chars().any(char::is_control) {
        return refuse(field, "contains a control character (line break, tab…)");
    }
    Ok(value.to_owned())
}

/// An optional text: empty reads as none.
fn optional_text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, CheckError> {
    value
        .map(|v| text(field, v, max))
        .transpose()
        .map(|v| v.filter(|v| !v.is_empty()))
}

fn names(field: &str, names: &Names) -> Result<Names, CheckError> {
    let checked = Names {
        zh_cn: text(&format!("{field}.zh-CN"), &names.zh_cn, NAME_MAX_CHARS)?,
        zh_hant: text(&format!("{field}.zh-Hant"), &names.zh_hant, NAME_MAX_CHARS)?,
        en: text(&format!("{field}.en"), &names.en, NAME_MAX_CHARS)?,
    };
    if checked.each().iter().all(|(_, text)| text.is_empty()) {
        return refuse(
            field,
            "give a name in at least one language (zh-CN, zh-Hant or en)",
        );
    }
    Ok(checked)
}

fn hospital_code(field: &str, code: &str) -> Result<(), CheckError> {
    if !is_hospital_code(code) {
        return refuse(
            field,
            format!("{code:?} is not a hospital code (1 to 32 letters, digits, - or _)"),
        );
    }
    Ok(())
}

fn department_code(field: &str, code: &str) -> Result<(), CheckError> {
    if !is_department_code(code) {
        return refuse(
            field,
            format!(
                "{code:?} is not a department code (1 to {DEPARTMENT_CODE_MAX_CHARS} letters, \
                 digits, - or _)"
            ),
        );
    }
    Ok(())
}

/// The body of `PUT /hospitals/{path_code}`, checked and trimmed.
pub fn check_hospital(path_code: &str, hospital: &Hospital) -> Result<Hospital, CheckError> {
    hospital_code("code", path_code)?;
    if RESERVED_HOSPITAL_CODES.contains(&path_code) {
        return refuse("code", format!("{path_code:?} is reserved by the API"));
    }
    if hospital.code != path_code {
        return refuse(
            "code",
            format!(
                "the body says {:?} but the URL {path_code:?}; a hospital's code cannot change",
                hospital.code
            ),
        );
    }
    if hospital.departments.len() > DEPARTMENTS_MAX {
        return refuse(
            "departments",
            format!(
                "{} departments; at most {DEPARTMENTS_MAX} are allowed",
                hospital.departments.len()
            ),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut departments = Vec::with_capacity(hospital.departments.len());
    for (i, department) in hospital.departments.iter().enumerate() {
        let field = format!("departments[{i}]");
        department_code(&format!("{field}.code"), &department.code)?;
        if let Some(first) = seen.insert(&department.code, i) {
            return refuse(
                format!("{field}.code"),
                format!(
                    "{:?} is already departments[{first}]; codes must be unique",
                    department.code
                ),
            );
        }
        departments.push(wire::Department {
            code: department.code.clone(),
            names: names(&format!("{field}.names"), &department.names)?,
            active: department.active,
        });
    }
    Ok(Hospital {
        code: hospital.code.clone(),
        names: names("names", &hospital.names)?,
        level: hospital.level,
        kind: hospital.kind,
        region: optional_text("region", hospital.region.as_deref(), NAME_MAX_CHARS)?,
        departments,
    })
}

/// The body of `POST /kiosks`, checked and trimmed (whether the hospital
/// and department are registered is the store's to say).
pub fn check_new_kiosk(kiosk: &NewKiosk) -> Result<NewKiosk, CheckError> {
    hospital_code("hospital", &kiosk.hospital)?;
    let department = kiosk
        .department
        .as_deref()
        .filter(|d| !d.is_empty())
        .map(|d| department_code("department", d).map(|()| d.to_owned()))
        .transpose()?;
    let name = text("name", &kiosk.name, KIOSK_TEXT_MAX_CHARS)?;
    if name.is_empty() {
        return refuse(
            "name",
            "give the kiosk a name staff recognise (门诊大厅 1号机)",
        );
    }
    Ok(NewKiosk {
        hospital: kiosk.hospital.clone(),
        department,
        name,
        location: optional_text("location", kiosk.location.as_deref(), KIOSK_TEXT_MAX_CHARS)?,
    })
}

/// A heartbeat's texts: a short version and, when given, an RFC 3339 time.
pub fn check_heartbeat(beat: &Heartbeat) -> Result<Heartbeat, CheckError> {
    let app_version = text("app_version", &beat.app_version, KIOSK_TEXT_MAX_CHARS)?;
    let last_delivered_at = beat
        .last_delivered_at
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| match Timestamp::parse(t) {
            Ok(_) => Ok(t.to_owned()),
            Err(e) => refuse("last_delivered_at", e.to_string()),
        })
        .transpose()?;
    Ok(Heartbeat {
        app_version,
        outbox_pending: beat.outbox_pending,
        outbox_rejected: beat.outbox_rejected,
        last_delivered_at,
        oldest_pending_seconds: beat.oldest_pending_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hospital(json: serde_json::Value) -> Hospital {
        serde_json::from_value(json).unwrap()
    }

    fn refused(path: &str, json: serde_json::Value) -> String {
        check_hospital(path, &hospital(json))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_good_hospital_comes_back_trimmed() {
        let checked = check_hospital(
            "H001",
            &hospital(
                serde_json::json!({"code": "H001", "names": {"zh-CN": " 市一院 "},
                "region": "", "departments": [{"code": "ent", "names": {"en": "ENT"}}]}),
            ),
        )
        .unwrap();
        assert_eq!(checked.names.zh_cn, "市一院");
        assert_eq!(checked.region, None);
        assert_eq!(checked.departments[0].names.en, "ENT");
    }

    #[test]
    fn each_refusal_names_its_field() {
        let long = "医".repeat(NAME_MAX_CHARS + 1);
        let cases = [
            (
                "H 1",
                serde_json::json!({"code": "H 1", "names": {"zh-CN": "甲"}}),
                "code: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H002", "names": {"zh-CN": "甲"}}),
                "code: ",
            ),
            (
                "unregistered",
                serde_json::json!({"code": "unregistered", "names": {"zh-CN": "甲"}}),
                "code: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {}}),
                "names: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"en": long}}),
                "names.en: has 121",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"zh-CN": "甲\n乙"}}),
                "names.zh-CN: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"zh-CN": "甲"}, "region": long}),
                "region: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"zh-CN": "甲"},
                "departments": [{"code": "ent", "names": {"zh-CN": "耳鼻喉科"}},
                                {"code": "ent", "names": {"zh-CN": "五官科"}}]}),
                "departments[1].code: \"ent\" is already departments[0]",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"zh-CN": "甲"},
                "departments": [{"code": "心内科", "names": {"zh-CN": "心内科"}}]}),
                "departments[0].code: ",
            ),
            (
                "H001",
                serde_json::json!({"code": "H001", "names": {"zh-CN": "甲"},
                "departments": [{"code": "ent", "names": {}}]}),
                "departments[0].names: ",
            ),
        ];
        for (path, json, start) in cases {
            let message = refused(path, json);
            assert!(
                message.starts_with(start),
                "{message} should start with {start}"
            );
        }
    }

    #[test]
    fn kiosks_need_a_name_and_good_codes() {
        let kiosk = |json: serde_json::Value| serde_json::from_value::<NewKiosk>(json).unwrap();
        let ok = check_new_kiosk(&kiosk(serde_json::json!({"hospital": "H001",
            "department": "", "name": " 大厅 1号机 ", "location": " "})))
        .unwrap();
        assert_eq!(
            (ok.department, ok.name.as_str(), ok.location),
            (None, "大厅 1号机", None)
        );
        for (json, field) in [
            (
                serde_json::json!({"hospital": "H 1", "name": "a"}),
                "hospital: ",
            ),
            (
                serde_json::json!({"hospital": "H1", "department": "a b", "name": "a"}),
                "department: ",
            ),
            (serde_json::json!({"hospital": "H1", "name": " "}), "name: "),
            (
                serde_json::json!({"hospital": "H1", "name": "a", "location": "x".repeat(121)}),
                "location: ",
            ),
        ] {
            let message = check_new_kiosk(&kiosk(json)).unwrap_err().to_string();
            assert!(message.starts_with(field), "{message}");
        }
    }

    #[test]
    fn heartbeats_carry_a_real_time() {
        let beat = |at: &str| Heartbeat {
            app_version: "0.1.0".into(),
            outbox_pending: 0,
            outbox_rejected: 0,
            last_delivered_at: Some(at.into()),
            oldest_pending_seconds: None,
        };
        assert!(check_heartbeat(&beat("2025-06-01T08:00:00Z")).is_ok());
        let message = check_heartbeat(&beat("yesterday")).unwrap_err().to_string();
        assert!(message.starts_with("last_delivered_at: "), "{message}");
    }
}
