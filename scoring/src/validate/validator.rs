//! The rules of docs/formats.md §2, one method per field.

use std::collections::BTreeMap;

use super::identifiers::{is_hospital_code, is_uuid};
use super::FieldError;
use crate::instrument::{ChoiceField, Instrument, Item, VisitType};
use crate::response::{Answer, Respondent, Response};
use crate::timestamp::Timestamp;

/// At most this many characters (Unicode scalar values) in a comment.
pub const COMMENT_MAX_CHARS: usize = 2000;
/// At most this many characters in a department.
pub const DEPARTMENT_MAX_CHARS: usize = 64;

/// Validates responses against one instrument, with its items indexed once
/// so that streaming millions of records stays cheap.
#[derive(Debug, Clone)]
pub struct Validator<'a> {
    instrument: &'a Instrument,
    /// Every item, sorted by id like a response's answers, so that both
    /// are walked together (a merge) instead of searched per answer.
    items: Vec<(&'a str, Known<'a>)>,
}

/// An item with, per visit type (in `VisitType::ALL` order), whether it
/// is asked.
#[derive(Debug, Clone, Copy)]
struct Known<'a> {
    item: &'a Item,
    asked: [bool; 3],
}

impl<'a> Validator<'a> {
    pub fn new(instrument: &'a Instrument) -> Validator<'a> {
        let mut items: Vec<(&str, Known<'_>)> = instrument
            .items()
            .map(|item| {
                let stage = item.stage_id();
                let asked = VisitType::ALL.map(|v| instrument.shows_stage(v, stage));
                (item.id.as_str(), Known { item, asked })
            })
            .collect();
        items.sort_unstable_by_key(|(id, _)| *id);
        Validator { instrument, items }
    }

    pub fn instrument(&self) -> &'a Instrument {
        self.instrument
    }

    /// Every problem with `response`, or `Ok` if there is none.
    pub fn validate(&self, response: &Response) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.collect(response, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Appends every problem with `response` to `errors`, in column order.
    pub fn collect(&self, response: &Response, errors: &mut Vec<FieldError>) {
        self.collect_view(&ResponseView::of(response), errors);
    }

    /// The rules, over fields that may not all have been readable.
    pub(crate) fn collect_view(&self, r: &ResponseView<'_>, errors: &mut Vec<FieldError>) {
        let mut error = |field: &str, message: String| errors.push(FieldError::new(field, message));
        let inst = self.instrument;

        if !is_uuid(r.id) {
            error(
                "id",
                format!(
                    "{:?} is not a UUID like 9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10 (lower-case hex)",
                    r.id
                ),
            );
        }
        if r.instrument != inst.id {
            error(
                "instrument",
                format!("{:?} is not this instrument ({})", r.instrument, inst.id),
            );
        }
        if r.instrument_version.is_some_and(|v| v != inst.version) {
            error(
                "instrument_version",
                format!(
                    "{} is not this instrument's version ({})",
                    r.instrument_version.unwrap_or_default(),
                    inst.version
                ),
            );
        }
        if !is_hospital_code(r.hospital) {
            error(
                "hospital",
                format!(
                    "{:?} is not a hospital code (1 to 32 letters, digits, - or _)",
                    r.hospital
                ),
            );
        }
        if let Some(message) = department_problem(r.department) {
            error("department", message);
        }
        if let Some(visit_type) = r.visit_type {
            if !inst.visit_types.contains_key(&visit_type) {
                error(
                    "visit_type",
                    format!("{} is not offered by this instrument", visit_type.as_str()),
                );
            }
        }
        if let Err(e) = Timestamp::parse(r.submitted_at) {
            error("submitted_at", e.to_string());
        }

        // Answers are sorted by id, and so are the items.
        let mut items = self.items.iter().peekable();
        for (id, answer) in r.answers {
            while items.next_if(|(known, _)| *known < id.as_str()).is_some() {}
            let found = items.next_if(|(known, _)| *known == id.as_str());
            let Some(&(_, Known { item, asked })) = found else {
                error(
                    id,
                    format!("is not an item of {} version {}", inst.id, inst.version),
                );
                continue;
            };
            if let Some(visit_type) = r.visit_type {
                let at = VisitType::ALL.iter().position(|v| *v == visit_type);
                if at.is_some_and(|at| !asked[at]) {
                    error(
                        id,
                        format!(
                            "stage {} is not shown to {} visits",
                            item.stage_id(),
                            visit_type.as_str()
                        ),
                    );
                }
            }
            match *answer {
                Answer::Value(v) if !(item.scale.lo()..=item.scale.hi()).contains(&v) => error(
                    id,
                    format!(
                        "value {v} is outside {}..{}",
                        item.scale.lo(),
                        item.scale.hi()
                    ),
                ),
                Answer::Na if !item.allow_na => {
                    error(id, "not applicable is not offered for this item".into())
                }
                _ => {}
            }
        }

        let who = r.respondent;
        let fields = &inst.respondent;
        let text_choice = |field: &ChoiceField, value: &Option<String>| match value {
            Some(v) if !field.allows_str(v) => {
                Some(format!("{v:?} is not one of {}", allowed_values(field)))
            }
            _ => None,
        };
        if let Some(m) = text_choice(&fields.age_band, &who.age_band) {
            error("respondent.age_band", m);
        }
        if let Some(m) = text_choice(&fields.education, &who.education) {
            error("respondent.education", m);
        }
        if let Some(v) = who.self_rated_health {
            if !fields.self_rated_health.allows_int(v) {
                error(
                    "respondent.self_rated_health",
                    format!(
                        "{v} is not one of {}",
                        allowed_values(&fields.self_rated_health)
                    ),
                );
            }
        }
        if let Some(m) = text_choice(&fields.answered_by, &who.answered_by) {
            error("respondent.answered_by", m);
        }

        let chars = r.comment.chars().count();
        if chars > COMMENT_MAX_CHARS {
            error(
                "comment",
                format!("has {chars} characters; at most {COMMENT_MAX_CHARS} are allowed"),
            );
        }
    }
}

/// The fields of a response as read from a file, before every one could be
/// typed: `None` marks a field that could not be read at all (already
/// reported), so the rules that depend on it are skipped rather than
/// reported twice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResponseView<'r> {
    pub(crate) id: &'r str,
    pub(crate) instrument: &'r str,
    pub(crate) instrument_version: Option<u32>,
    pub(crate) hospital: &'r str,
    pub(crate) department: &'r str,
    pub(crate) visit_type: Option<VisitType>,
    pub(crate) submitted_at: &'r str,
    pub(crate) answers: &'r BTreeMap<String, Answer>,
    pub(crate) respondent: &'r Respondent,
    pub(crate) comment: &'r str,
}

impl<'r> ResponseView<'r> {
    fn of(r: &'r Response) -> ResponseView<'r> {
        ResponseView {
            id: &r.id,
            instrument: &r.instrument,
            instrument_version: Some(r.instrument_version),
            hospital: &r.hospital,
            department: &r.department,
            visit_type: Some(r.visit_type),
            submitted_at: &r.submitted_at,
            answers: &r.answers,
            respondent: &r.respondent,
            comment: &r.comment,
        }
    }
}

/// Why `department` is not acceptable, if it is not (docs/formats.md §2).
pub(crate) fn department_problem(department: &str) -> Option<String> {
    // The usual case, ASCII, at once: there a control character is an
    // ASCII control and the only white space that is not one is ' '.
    let b = department.as_bytes();
    if department.is_ascii()
        && b.len() <= DEPARTMENT_MAX_CHARS
        && !b.iter().any(u8::is_ascii_control)
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
    {
        return None;
    }
    let chars = department.chars().count();
    if chars > DEPARTMENT_MAX_CHARS {
        return Some(format!(
            "has {chars} characters; at most {DEPARTMENT_MAX_CHARS} are allowed"
        ));
    }
    if department.chars().any(char::is_control) {
        return Some("contains a control character (line break, tab…)".into());
    }
    if department.trim() != department {
        return Some(format!("{department:?} starts or ends with spaces"));
    }
    None
}

fn allowed_values(field: &ChoiceField) -> String {
    field
        .values
        .iter()
        .map(|c| match c.value.as_str() {
            Some(s) => s.to_owned(),
            None => c.value.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
