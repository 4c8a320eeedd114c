//! Reading submitted responses: malformed JSON is refused whole (400);
//! each response in it is then either valid, with the canonical JSON and
//! content hash to store, or rejected with every field error found.

use scoring::response::Response;
use scoring::timestamp::Timestamp;
use scoring::validate::{FieldError, Validator};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::alerting::{AlertInput, Signals};
use crate::cases::read_contact;
use crate::store::NewResponse;

/// A request body: one response object, or an array of them (a batch).
/// The parts stay raw JSON text, checked for syntax only, until each is
/// read straight into a [`Response`] (no intermediate JSON tree).
#[derive(Debug, Clone)]
pub enum Submission<'a> {
    One(&'a RawValue),
    Batch(Vec<&'a RawValue>),
}

/// The body is not JSON, or not an object or array.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct MalformedBody(String);

/// One response, checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    Valid(NewResponse),
    /// `id` is the submitted id when there was a string there.
    Rejected {
        id: Option<String>,
        errors: Vec<FieldError>,
    },
}

pub fn parse_submission(body: &[u8]) -> Result<Submission<'_>, MalformedBody> {
    let malformed =
        |e: serde_json::Error| MalformedBody(format!("the body is not valid JSON: {e}"));
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => serde_json::from_slice(body)
            .map(Submission::Batch)
            .map_err(malformed),
        Some(b'{') => serde_json::from_slice(body)
            .map(Submission::One)
            .map_err(malformed),
        Some(_) => {
            // Valid JSON of another kind, or not JSON at all: say which.
            serde_json::from_slice::<&RawValue>(body).map_err(malformed)?;
            Err(MalformedBody(
                "expected a response object or an array of response objects".into(),
            ))
        }
        None => Err(MalformedBody("the body is empty".into())),
    }
}

/// Checks one submitted value against the instrument. The stored form is
/// the canonical JSON of the parsed response (fields in docs/formats.md order,
/// answers sorted by item id), so a client that resends the same response
/// with keys in another order or other spacing gets "duplicate", not
/// "conflict".
///
/// A `contact` beside the response (docs/formats.md §6) is read apart: it is
/// not a field of the response, so it is neither in the stored body nor in
/// its hash, and travels only to the case.
pub fn check_response(raw: &RawValue, validator: &Validator<'_>) -> Checked {
    let contact = read_contact(raw);
    let mut json = serde_json::Deserializer::from_str(raw.get());
    let response: Response = match serde_path_to_error::deserialize(&mut json) {
        Ok(response) => response,
        Err(e) => {
            let errors = vec![shape_error(&e)];
            return Checked::Rejected {
                id: submitted_id(raw),
                errors,
            };
        }
    };
    match (prepare_response(response, validator), contact) {
        (Checked::Valid(mut row), Ok(phone)) => {
            if let Some(alert) = &mut row.alert {
                alert.contact = phone;
            }
            Checked::Valid(row)
        }
        (Checked::Valid(row), Err(error)) => Checked::Rejected {
            id: Some(row.id),
            errors: vec![error],
        },
        (Checked::Rejected { id, mut errors }, Err(error)) => {
            errors.push(error);
            Checked::Rejected { id, errors }
        }
        (rejected, Ok(_)) => rejected,
    }
}

/// The `id` of a response that could not be read, if it is a string.
fn submitted_id(raw: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<Value>,
    }
    let only: IdOnly = serde_json::from_str(raw.get()).ok()?;
    match only.id? {
        Value::String(id) => Some(id),
        _ => None,
    }
}

/// Validates an already parsed response and makes its stored form (also
/// used by `seed-demo` for generated responses).
pub fn prepare_response(response: Response, validator: &Validator<'_>) -> Checked {
    let id = Some(response.id.clone());
    if let Err(errors) = validator.validate(&response) {
        return Checked::Rejected { id, errors };
    }
    let submitted = match Timestamp::parse(&response.submitted_at) {
        Ok(t) => t,
        // The validator has parsed it already; kept for a clear error.
        Err(e) => {
            let errors = vec![FieldError::new("submitted_at", e.to_string())];
            return Checked::Rejected { id, errors };
        }
    };
    let body = match serde_json::to_string(&response) {
        Ok(body) => body,
        Err(e) => {
            let errors = vec![FieldError::new("response", e.to_string())];
            return Checked::Rejected { id, errors };
        }
    };
    let signals = Signals::of(&response, validator.instrument());
    Checked::Valid(NewResponse {
        content_hash: Sha256::digest(body.as_bytes()).into(),
        submitted_key: sort_key(submitted),
        id: response.id,
        hospital: response.hospital,
        department: response.department,
        body,
        alert: Some(AlertInput {
            signals,
            contact: None,
        }),
    })
}

/// `2024-05-03T09:12:44.5Z` → `2024-05-03T09:12:44.500000000Z`: the same
/// instant, written so that comparing text compares time.
fn sort_key(t: Timestamp) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}.{:09}Z",
        t.date(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond()
    )
}

/// Names the field of a JSON shape error the way validation does (the CSV
/// column: `hospital`, `outpatient.wait_time`, `respondent.age_band`).
fn shape_error(e: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let message = e.inner().to_string();
    let path = e.path().to_string();
    let field = match path.strip_prefix("answers.") {
        Some(item) => item.to_owned(),
        None if path == "." => missing_field(&message).unwrap_or_else(|| "response".into()),
        None => path,
    };
    FieldError::new(field, message)
}

/// `missing field `hospital`` → `hospital`.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use scoring::instrument::default_instrument;
    use serde_json::json;

    use super::*;

    fn valid() -> Value {
        json!({
            "id": "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10",
            "instrument": "pxs-core", "instrument_version": 1,
            "hospital": "H001", "department": "cardiology",
            "visit_type": "outpatient", "channel": "kiosk",
            "submitted_at": "2024-05-03T09:12:44Z",
            "answers": {"pre_visit.booking_ease": 5, "outpatient.wait_time": 3,
                        "overall.rating": 9, "overall.recommend": 10},
            "respondent": {"age_band": "65-74", "self_rated_health": 3},
            "comment": "挂号很快，\"谢谢\""
        })
    }

    fn check(value: Value) -> Checked {
        let instrument = default_instrument();
        let text = serde_json::to_string(&value).unwrap();
        let raw: Box<RawValue> = serde_json::from_str(&text).unwrap();
        check_response(&raw, &Validator::new(&instrument))
    }

    fn rejected_fields(value: Value) -> Vec<String> {
        match check(value) {
            Checked::Rejected { errors, .. } => errors.into_iter().map(|e| e.field).collect(),
            Checked::Valid(row) => panic!("accepted {row:?}"),
        }
    }

    #[test]
    fn a_valid_response_is_stored_in_canonical_form() {
        let Checked::Valid(row) = check(valid()) else {
            panic!("rejected")
        };
        assert_eq!(row.id, "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10");
        assert_eq!(row.hospital, "H001");
        assert_eq!(row.submitted_key, "2024-05-03T09:12:44.000000000Z");
        let stored: Response = serde_json::from_str(&row.body).unwrap();
        assert_eq!(stored, serde_json::from_value::<Response>(valid()).unwrap());
        assert_eq!(
            row.content_hash,
            <[u8; 32]>::from(Sha256::digest(row.body.as_bytes()))
        );
    }

    #[test]
    fn a_contact_travels_beside_the_response_never_in_it() {
        let mut with_contact = valid();
        with_contact["contact"] = json!({"phone": "13800138000"});
        let (Checked::Valid(plain), Checked::Valid(row)) = (check(valid()), check(with_contact))
        else {
            panic!("rejected")
        };
        assert!(!row.body.contains("13800138000"), "{}", row.body);
        assert!(!row.body.contains("contact"), "{}", row.body);
        assert_eq!(row.content_hash, plain.content_hash);
        let alert = row.alert.expect("rules apply");
        assert_eq!(
            alert.contact.map(|p| p.as_str().to_owned()).as_deref(),
            Some("13800138000")
        );
        assert_eq!(plain.alert.expect("rules apply").contact, None);

        let mut bad = valid();
        bad["contact"] = json!({"phone": "call me maybe"});
        assert_eq!(rejected_fields(bad), ["contact.phone"]);
    }

    #[test]
    fn key_order_and_spacing_do_not_change_the_hash() {
        let text = serde_json::to_string_pretty(&valid()).unwrap();
        let reordered: Value = serde_json::from_str(&text).unwrap();
        let (Checked::Valid(a), Checked::Valid(b)) = (check(valid()), check(reordered)) else {
            panic!("rejected")
        };
        assert_eq!(a.content_hash, b.content_hash);
    }

    #[test]
    fn any_change_of_content_changes_the_hash() {
        let mut other = valid();
        other["answers"]["overall.rating"] = json!(8);
        let (Checked::Valid(a), Checked::Valid(b)) = (check(valid()), check(other)) else {
            panic!("rejected")
        };
        assert_ne!(a.content_hash, b.content_hash);
    }

    #[test]
    fn sort_keys_order_fractions_by_time() {
        let key = |s: &str| sort_key(Timestamp::parse(s).unwrap());
        assert!(key("2024-05-03T09:12:44.10Z") < key("2024-05-03T09:12:44.5Z"));
        assert!(key("2024-05-03T09:12:44.5Z") < key("2024-05-03T09:12:45Z"));
        assert_eq!(
            key("2024-05-03T09:12:44.5Z"),
            "2024-05-03T09:12:44.500000000Z"
        );
    }

    #[test]
    fn shape_errors_name_the_field() {
        let mut missing = valid();
        missing.as_object_mut().unwrap().remove("hospital");
        assert_eq!(rejected_fields(missing), ["hospital"]);

        let mut wrong_type = valid();
        wrong_type["answers"]["outpatient.wait_time"] = json!("3");
        assert_eq!(rejected_fields(wrong_type), ["outpatient.wait_time"]);

        let mut unknown_visit = valid();
        unknown_visit["visit_type"] = json!("dental");
        assert_eq!(rejected_fields(unknown_visit), ["visit_type"]);

        assert_eq!(rejected_fields(json!(42)), ["response"]);
    }

    #[test]
    fn validation_errors_keep_the_submitted_id() {
        let mut out_of_range = valid();
        out_of_range["answers"]["outpatient.wait_time"] = json!(6);
        out_of_range["hospital"] = json!("H 1");
        match check(out_of_range) {
            Checked::Rejected { id, errors } => {
                assert_eq!(id.as_deref(), Some("9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10"));
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["hospital", "outpatient.wait_time"]);
            }
            Checked::Valid(_) => panic!("accepted"),
        }
    }

    #[test]
    fn bodies_must_be_json_objects_or_arrays() {
        assert!(matches!(parse_submission(b"{}"), Ok(Submission::One(_))));
        assert!(matches!(parse_submission(b"[{}, 1]"), Ok(Submission::Batch(v)) if v.len() == 2));
        assert!(parse_submission(b"{\"id\": ").is_err());
        assert!(parse_submission(b"\"text\"").is_err());
        assert!(parse_submission(b"").is_err());
        assert!(parse_submission(b" \n ").is_err());
        assert!(parse_submission(b"{} trailing").is_err());
        assert!(parse_submission(b"[{}] ]").is_err());
    }
}
