//! Reading submitted responses: malformed JSON is refused whole (400);
//! each response in it is then either valid, with the canonical JSON and
//! content hash to store, or rejected with every field error found.

use std::cell::Cell;
use std::fmt;
use std::time::Duration;

use scoring::response::Response;
use scoring::timestamp::Timestamp;
use scoring::validate::{FieldError, Validator};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::alerting::{AlertInput, Signals};
use crate::cases::read_contact_value;
use crate::store::NewResponse;

/// A request body: one response object, or an array of them (a batch).
/// The parts stay raw JSON text, checked for syntax only, until each is
/// read straight into a [`Response`] (no intermediate JSON tree).
#[derive(Debug, Clone)]
pub enum Submission<'a> {
    One(&'a RawValue),
    Batch(Vec<&'a RawValue>),
}

/// Most responses one request may carry (docs/formats.md, "Other API
/// contracts"): a kiosk's offline queue goes in several requests, and a
/// request's work and answer stay bounded.
pub const MAX_BATCH: usize = 100;

/// Why a body was refused before any response in it was read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MalformedBody {
    /// Not JSON, or not an object or array (400).
    #[error("{0}")]
    Syntax(String),
    /// An array of more than [`MAX_BATCH`] elements (413).
    #[error("a batch holds at most {MAX_BATCH} responses; send the rest in further requests")]
    TooManyResponses,
}

/// When a response may say it was submitted, against the server's clock
/// (docs/formats.md §2, `submitted_at`): kiosks that were offline deliver
/// late, clocks drift a little ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmittedWindow {
    /// How long before now a response may have been submitted.
    pub late: Duration,
    /// How far after now (a fast clock).
    pub early: Duration,
}

impl SubmittedWindow {
    /// 31 days late: a kiosk switched off over a month's holidays still
    /// delivers its queue, and an answer can never land in a month that
    /// was reported more than a month ago. 10 minutes early: phone and
    /// kiosk clocks that are a little fast.
    pub const DEFAULT: SubmittedWindow = SubmittedWindow {
        late: Duration::from_secs(31 * 24 * 60 * 60),
        early: Duration::from_secs(10 * 60),
    };

    /// The problem with `submitted` received at `now` (seconds since the
    /// epoch), if any.
    pub fn check(&self, submitted: Timestamp, now: i64) -> Option<FieldError> {
        let at = unix_seconds(submitted);
        let late = i64::try_from(self.late.as_secs()).unwrap_or(i64::MAX);
        let early = i64::try_from(self.early.as_secs()).unwrap_or(i64::MAX);
        if at < now.saturating_sub(late) {
            Some(FieldError::new(
                "submitted_at",
                format!(
                    "{submitted} is more than {} days before the server's time; \
                     older answers are not accepted",
                    self.late.as_secs() / 86_400
                ),
            ))
        } else if at > now.saturating_add(early) {
            Some(FieldError::new(
                "submitted_at",
                format!(
                    "{submitted} is more than {} minutes after the server's time; \
                     check the device's clock",
                    self.early.as_secs() / 60
                ),
            ))
        } else {
            None
        }
    }
}

/// Seconds since 1970-01-01T00:00:00Z (the fraction dropped).
fn unix_seconds(t: Timestamp) -> i64 {
    t.date().days_since_epoch() * 86_400
        + i64::from(t.hour()) * 3_600
        + i64::from(t.minute()) * 60
        + i64::from(t.second())
}

/// What a submission is checked against besides the instrument.
#[derive(Debug, Clone, Copy)]
pub struct Receipt {
    /// The server's time, seconds since the epoch.
    pub now: i64,
    pub window: SubmittedWindow,
}

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
        |e: serde_json::Error| MalformedBody::Syntax(format!("the body is not valid JSON: {e}"));
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => {
            let too_many = Cell::new(false);
            let mut json = serde_json::Deserializer::from_slice(body);
            let batch = BoundedBatch {
                too_many: &too_many,
            }
            .deserialize(&mut json)
            .and_then(|batch| json.end().map(|()| batch));
            match batch {
                Ok(batch) => Ok(Submission::Batch(batch)),
                Err(_) if too_many.get() => Err(MalformedBody::TooManyResponses),
                Err(e) => Err(malformed(e)),
            }
        }
        Some(b'{') => serde_json::from_slice(body)
            .map(Submission::One)
            .map_err(malformed),
        Some(_) => {
            // Valid JSON of another kind, or not JSON at all: say which.
            serde_json::from_slice::<&RawValue>(body).map_err(malformed)?;
            Err(MalformedBody::Syntax(
                "expected a response object or an array of response objects".into(),
            ))
        }
        None => Err(MalformedBody::Syntax("the body is empty".into())),
    }
}

/// Reads an array of raw responses and stops at the first element past
/// [`MAX_BATCH`], so an oversized batch costs no more than a full one.
struct BoundedBatch<'c> {
    too_many: &'c Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for BoundedBatch<'_> {
    type Value = Vec<&'de RawValue>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for BoundedBatch<'_> {
    type Value = Vec<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of at most {MAX_BATCH} responses")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut batch = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_BATCH));
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            if batch.len() == MAX_BATCH {
                self.too_many.set(true);
                return Err(de::Error::custom("too many responses"));
            }
            batch.push(raw);
        }
        Ok(batch)
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
///
/// Beyond the instrument's rules, a submission must name no field that a
/// response does not have (a client's typo would otherwise lose data),
/// have a `submitted_at` inside `receipt.window` of the server's clock, and
/// a comment without NUL, other control characters than line breaks and
/// tabs, or bidirectional overrides and isolates (which can make a comment
/// display as something else in the dashboard or a spreadsheet).
pub fn check_response(raw: &RawValue, validator: &Validator<'_>, receipt: &Receipt) -> Checked {
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
    let Beside { contact, unknown } = read_beside(raw);
    let contact = read_contact_value(contact);
    let mut problems = unknown;
    if let Some(problem) = comment_problem(&response.comment) {
        problems.push(problem);
    }
    if let Ok(submitted) = Timestamp::parse(&response.submitted_at) {
        problems.extend(receipt.window.check(submitted, receipt.now));
    }
    let checked = match (prepare_response(response, validator), problems.is_empty()) {
        (checked, true) => checked,
        (Checked::Valid(row), false) => Checked::Rejected {
            id: Some(row.id),
            errors: problems,
        },
        (Checked::Rejected { id, mut errors }, false) => {
            errors.extend(problems);
            Checked::Rejected { id, errors }
        }
    };
    match (checked, contact) {
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

/// The top-level names a submission may use: the fields of docs/formats.md
/// §2 and the `contact` beside them (§6).
const SUBMISSION_FIELDS: [&str; 12] = [
    "id",
    "instrument",
    "instrument_version",
    "hospital",
    "department",
    "visit_type",
    "channel",
    "submitted_at",
    "answers",
    "respondent",
    "comment",
    "contact",
];

/// At most this many unknown names are reported for one response.
const MAX_UNKNOWN_REPORTED: usize = 8;

/// What a submission holds beside the response's fields, read in one
/// pass: its `contact` (§6) and one error per top-level name that is not a
/// submission field.
struct Beside<'a> {
    contact: Option<&'a RawValue>,
    unknown: Vec<FieldError>,
}

fn read_beside(raw: &RawValue) -> Beside<'_> {
    struct BesideVisitor;
    impl<'de> Visitor<'de> for BesideVisitor {
        type Value = Beside<'de>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a response object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Beside<'de>, A::Error> {
            let mut beside = Beside {
                contact: None,
                unknown: Vec::new(),
            };
            while let Some(Name(name)) = map.next_key::<Name>()? {
                match name {
                    Known::Contact => beside.contact = Some(map.next_value::<&'de RawValue>()?),
                    Known::Field => {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                    Known::Not(name) => {
                        if beside.unknown.len() < MAX_UNKNOWN_REPORTED {
                            beside.unknown.push(FieldError::new(
                                name,
                                format!(
                                    "is not a field of a response (the fields are {})",
                                    SUBMISSION_FIELDS.join(", ")
                                ),
                            ));
                        }
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
            }
            Ok(beside)
        }
    }
    enum Known {
        Contact,
        Field,
        Not(String),
    }
    /// A key, copied only when it is not a submission field.
    struct Name(Known);
    impl<'de> Deserialize<'de> for Name {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
            struct NameVisitor;
            impl Visitor<'_> for NameVisitor {
                type Value = Name;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                    Ok(Name(match v {
                        "contact" => Known::Contact,
                        _ if SUBMISSION_FIELDS.contains(&v) => Known::Field,
                        _ => Known::Not(v.to_owned()),
                    }))
                }
            }
            d.deserialize_str(NameVisitor)
        }
    }
    let mut json = serde_json::Deserializer::from_str(raw.get());
    json.deserialize_map(BesideVisitor).unwrap_or(Beside {
        contact: None,
        unknown: Vec::new(),
    })
}

/// Why a comment cannot be stored as it is, if it cannot: NUL and other
/// control characters (line breaks and tabs are text), and the Unicode
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) that reorder what a reader sees.
fn comment_problem(comment: &str) -> Option<FieldError> {
    let bad = comment.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })?;
    Some(FieldError::new(
        "comment",
        format!(
            "holds the character U+{:04X}; comments may not hold control characters \
             (other than line breaks and tabs) or bidirectional overrides",
            u32::from(bad)
        ),
    ))
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
    // One instant, one text (`…44Z`, not `…44.000Z`): the stored body, its
    // hash and so duplicate detection do not depend on how it was written.
    let mut response = response;
    let canonical = submitted.to_string();
    if canonical != response.submitted_at {
        response.submitted_at = canonical;
    }
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

    /// 2024-05-10T00:00:00Z, a week after [`valid`]'s `submitted_at`.
    const NOW: i64 = 1_715_299_200;

    fn check(value: Value) -> Checked {
        let instrument = default_instrument();
        let text = serde_json::to_string(&value).unwrap();
        let raw: Box<RawValue> = serde_json::from_str(&text).unwrap();
        let receipt = Receipt {
            now: NOW,
            window: SubmittedWindow::DEFAULT,
        };
        check_response(&raw, &Validator::new(&instrument), &receipt)
    }

    #[test]
    fn submitted_at_must_fall_in_the_window_around_the_servers_clock() {
        let at = |t: &str| {
            let mut v = valid();
            v["submitted_at"] = json!(t);
            v
        };
        assert!(matches!(
            check(at("2024-04-09T00:00:00Z")),
            Checked::Valid(_)
        ));
        assert!(matches!(
            check(at("2024-05-10T00:10:00Z")),
            Checked::Valid(_)
        ));
        for late_or_early in [
            "2024-04-08T23:59:59Z",
            "2024-05-10T00:10:01Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert_eq!(
                rejected_fields(at(late_or_early)),
                ["submitted_at"],
                "{late_or_early}"
            );
        }
    }

    #[test]
    fn one_instant_written_two_ways_is_stored_the_same() {
        let mut padded = valid();
        padded["submitted_at"] = json!("2024-05-03T09:12:44.000Z");
        let (Checked::Valid(a), Checked::Valid(b)) = (check(valid()), check(padded)) else {
            panic!("rejected")
        };
        assert_eq!(a.body, b.body);
        assert_eq!(a.content_hash, b.content_hash);
        let mut half = valid();
        half["submitted_at"] = json!("2024-05-03T09:12:44.500Z");
        let Checked::Valid(half) = check(half) else {
            panic!("rejected")
        };
        assert!(
            half.body.contains("\"2024-05-03T09:12:44.5Z\""),
            "{}",
            half.body
        );
    }

    #[test]
    fn unknown_fields_are_refused_by_name_and_contact_is_known() {
        let mut typo = valid();
        typo["coment"] = json!("lost otherwise");
        typo["answer"] = json!({});
        let mut fields = rejected_fields(typo);
        fields.sort();
        assert_eq!(fields, ["answer", "coment"]);
        let mut contact = valid();
        contact["contact"] = json!({"phone": "13800138000"});
        assert!(matches!(check(contact), Checked::Valid(_)));
    }

    #[test]
    fn comments_refuse_nul_controls_and_bidi_overrides_but_keep_line_breaks() {
        for bad in ["a\u{0}b", "\u{202E}gnp.exe", "x\u{2066}y", "bell\u{7}"] {
            let mut v = valid();
            v["comment"] = json!(bad);
            assert_eq!(rejected_fields(v), ["comment"], "{bad:?}");
        }
        let mut fine = valid();
        fine["comment"] = json!("第一行\r\n第二行\t好 \u{200F}");
        assert!(matches!(check(fine), Checked::Valid(_)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
            failure_persistence: None,
            ..Default::default()
        })]

        /// Whatever the body, reading a submission answers values or
        /// errors, never a panic (a long run: `PROPTEST_CASES=100000 cargo
        /// test --release -p server --lib submission`).
        #[test]
        fn reading_any_body_never_panics(
            cut in 0usize..2000,
            at in 0usize..2000,
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            batch in proptest::prelude::any::<bool>(),
        ) {
            let one = serde_json::to_string(&valid()).unwrap();
            let text = if batch { format!("[{one},{one}]") } else { one };
            let mut bytes = text.into_bytes();
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, noise);
            bytes.truncate(cut.max(1) * 4);
            let instrument = default_instrument();
            let validator = Validator::new(&instrument);
            let receipt = Receipt { now: NOW, window: SubmittedWindow::DEFAULT };
            match parse_submission(&bytes) {
                Ok(Submission::One(raw)) => {
                    let _ = check_response(raw, &validator, &receipt);
                }
                Ok(Submission::Batch(raws)) => {
                    proptest::prop_assert!(raws.len() <= MAX_BATCH);
                    for raw in raws {
                        let _ = check_response(raw, &validator, &receipt);
                    }
                }
                Err(_) => {}
            }
        }
    }

    #[test]
    fn batches_stop_at_the_limit() {
        let body = |n: usize| format!("[{}]", vec!["{}"; n].join(","));
        assert!(matches!(
            parse_submission(body(MAX_BATCH).as_bytes()),
            Ok(Submission::Batch(v)) if v.len() == MAX_BATCH
        ));
        assert_eq!(
            parse_submission(body(MAX_BATCH + 1).as_bytes()).unwrap_err(),
            MalformedBody::TooManyResponses
        );
        assert_eq!(
            parse_submission(body(300_000).as_bytes()).unwrap_err(),
            MalformedBody::TooManyResponses
        );
        assert!(matches!(
            parse_submission(b"[{}, {} ").unwrap_err(),
            MalformedBody::Syntax(_)
        ));
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
