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

/// Where the rules report what they find: each problem's field, and its
/// message built only if the collector wants it. The survey wants the
/// fields alone ([`ProblemFields`]), so its bundle carries none of the
/// messages' formatting (BENCHMARKS.md, "Survey bundle"); everything else
/// collects [`FieldError`]s.
pub trait Problems {
    fn add(&mut self, field: &str, message: impl FnOnce() -> String);
}

impl Problems for Vec<FieldError> {
    fn add(&mut self, field: &str, message: impl FnOnce() -> String) {
        self.push(FieldError::new(field, message()));
    }
}

/// The fields that have a problem, in column order, without messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProblemFields(pub Vec<String>);

impl Problems for ProblemFields {
    fn add(&mut self, field: &str, _message: impl FnOnce() -> String) {
        self.0.push(field.to_owned());
    }
}

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
    pub fn collect(&self, response: &Response, errors: &mut impl Problems) {
        self.collect_view(&ResponseView::of(response), errors);
    }

    /// The fields of `response` that have a problem, or `Ok` if none has:
    /// the same rules as [`Validator::validate`], without the messages.
    pub fn problem_fields(&self, response: &Response) -> Result<(), ProblemFields> {
        let mut fields = ProblemFields::default();
        self.collect(response, &mut fields);
        if fields.0.is_empty() {
            Ok(())
        } else {
            Err(fields)
        }
    }

    /// The rules, over fields that may not all have been readable.
    pub(crate) fn collect_view(&self, r: &ResponseView<'_>, errors: &mut impl Problems) {
        let inst = self.instrument;

        if !is_uuid(r.id) {
            errors.add("id", || {
                format!(
                    "{:?} is not a UUID like 9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10 (lower-case hex)",
                    r.id
                )
            });
        }
        if r.instrument != inst.id {
            errors.add("instrument", || {
                format!("{:?} is not this instrument ({})", r.instrument, inst.id)
            });
        }
        if r.instrument_version.is_some_and(|v| v != inst.version) {
            errors.add("instrument_version", || {
                format!(
                    "{} is not this instrument's version ({})",
                    r.instrument_version.unwrap_or_default(),
                    inst.version
                )
            });
        }
        if !is_hospital_code(r.hospital) {
            errors.add("hospital", || {
                format!(
                    "{:?} is not a hospital code (1 to 32 letters, digits, - or _)",
                    r.hospital
                )
            });
        }
        if let Some(fault) = department_fault(r.department) {
            errors.add("department", || fault.message(r.department));
        }
        if let Some(visit_type) = r.visit_type {
            if !inst.visit_types.contains_key(&visit_type) {
                errors.add("visit_type", || {
                    format!("{} is not offered by this instrument", visit_type.as_str())
                });
            }
        }
        if let Err(e) = Timestamp::parse(r.submitted_at) {
            errors.add("submitted_at", || e.to_string());
        }

        // Answers are sorted by id, and so are the items.
        let mut items = self.items.iter().peekable();
        for (id, answer) in r.answers {
            while items.next_if(|(known, _)| *known < id.as_str()).is_some() {}
            let found = items.next_if(|(known, _)| *known == id.as_str());
            let Some(&(_, Known { item, asked })) = found else {
                errors.add(id, || {
                    format!("is not an item of {} version {}", inst.id, inst.version)
                });
                continue;
            };
            if let Some(visit_type) = r.visit_type {
                let at = VisitType::ALL.iter().position(|v| *v == visit_type);
                if at.is_some_and(|at| !asked[at]) {
                    errors.add(id, || {
                        format!(
                            "stage {} is not shown to {} visits",
                            item.stage_id(),
                            visit_type.as_str()
                        )
                    });
                }
            }
            match *answer {
                Answer::Value(v) if !(item.scale.lo()..=item.scale.hi()).contains(&v) => errors
                    .add(id, || {
                        format!(
                            "value {v} is outside {}..{}",
                            item.scale.lo(),
                            item.scale.hi()
                        )
                    }),
                Answer::Na if !item.allow_na => {
                    errors.add(id, || "not applicable is not offered for this item".into())
                }
                _ => {}
            }
        }

        let who = r.respondent;
        let fields = &inst.respondent;
        let text_choices = [
            ("respondent.age_band", &fields.age_band, &who.age_band),
            ("respondent.education", &fields.education, &who.education),
        ];
        for (name, field, value) in text_choices {
            if let Some(v) = value.as_deref().filter(|v| !field.allows_str(v)) {
                errors.add(name, || not_one_of(v, field));
            }
        }
        if let Some(v) = who.self_rated_health {
            if !fields.self_rated_health.allows_int(v) {
                errors.add("respondent.self_rated_health", || {
                    format!(
                        "{v} is not one of {}",
                        allowed_values(&fields.self_rated_health)
                    )
                });
            }
        }
        if let Some(v) = who.answered_by.as_deref() {
            if !fields.answered_by.allows_str(v) {
                errors.add("respondent.answered_by", || {
                    not_one_of(v, &fields.answered_by)
                });
            }
        }

        let chars = r.comment.chars().count();
        if chars > COMMENT_MAX_CHARS {
            errors.add("comment", || {
                format!("has {chars} characters; at most {COMMENT_MAX_CHARS} are allowed")
            });
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
    department_fault(department).map(|fault| fault.message(department))
}

/// What is wrong with a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DepartmentFault {
    TooLong(usize),
    Control,
    Spaces,
}

impl DepartmentFault {
    fn message(self, department: &str) -> String {
        match self {
            DepartmentFault::TooLong(chars) => {
                format!("has {chars} characters; at most {DEPARTMENT_MAX_CHARS} are allowed")
            }
            DepartmentFault::Control => "contains a control character (line break, tab…)".into(),
            DepartmentFault::Spaces => format!("{department:?} starts or ends with spaces"),
        }
    }
}

fn department_fault(department: &str) -> Option<DepartmentFault> {
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
        return Some(DepartmentFault::TooLong(chars));
    }
    if department.chars().any(char::is_control) {
        return Some(DepartmentFault::Control);
    }
    if department.trim() != department {
        return Some(DepartmentFault::Spaces);
    }
    None
}

fn not_one_of(value: &str, field: &ChoiceField) -> String {
    format!("{value:?} is not one of {}", allowed_values(field))
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
