//! A response as read from a file, field by field, before it is whole.
//!
//! Both readers fill a [`Draft`], noting each field they could not read;
//! [`Draft::finish`] then runs the validator over the rest, so a record
//! gets every problem reported once per field, in one pass.

use std::collections::BTreeMap;

use crate::instrument::VisitType;
use crate::response::{Answer, Channel, Respondent, Response};
use crate::validate::{FieldError, ResponseView, Validator};

#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub(crate) id: String,
    pub(crate) instrument: String,
    pub(crate) instrument_version: Option<u32>,
    pub(crate) hospital: String,
    pub(crate) department: String,
    pub(crate) visit_type: Option<VisitType>,
    pub(crate) channel: Option<Channel>,
    pub(crate) submitted_at: String,
    pub(crate) answers: BTreeMap<String, Answer>,
    pub(crate) respondent: Respondent,
    pub(crate) comment: String,
    /// Fields that could not be read, with why.
    pub(crate) errors: Vec<FieldError>,
}

impl Draft {
    pub(crate) fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// Validates what was read. A field that could not be read is reported
    /// once, as unreadable, not again by the validator.
    pub(crate) fn finish(self, validator: &Validator<'_>) -> Result<Response, Vec<FieldError>> {
        let mut errors = self.errors;
        let mut rules = Vec::new();
        validator.collect_view(
            &ResponseView {
                id: &self.id,
                instrument: &self.instrument,
                instrument_version: self.instrument_version,
                hospital: &self.hospital,
                department: &self.department,
                visit_type: self.visit_type,
                submitted_at: &self.submitted_at,
                answers: &self.answers,
                respondent: &self.respondent,
                comment: &self.comment,
            },
            &mut rules,
        );
        rules.retain(|rule| !errors.iter().any(|e| e.field == rule.field));
        errors.append(&mut rules);
        match (self.instrument_version, self.visit_type, self.channel) {
            (Some(instrument_version), Some(visit_type), Some(channel)) if errors.is_empty() => {
                Ok(Response {
                    id: self.id,
                    instrument: self.instrument,
                    instrument_version,
                    hospital: self.hospital,
                    department: self.department,
                    visit_type,
                    channel,
                    submitted_at: self.submitted_at,
                    answers: self.answers,
                    respondent: self.respondent,
                    comment: self.comment,
                })
            }
            (version, visit_type, channel) => {
                // A reader records why a typed field is missing; this only
                // guards against a reader that forgot to.
                if errors.is_empty() {
                    let missing = [
                        ("instrument_version", version.is_none()),
                        ("visit_type", visit_type.is_none()),
                        ("channel", channel.is_none()),
                    ];
                    for (field, is_missing) in missing {
                        if is_missing {
                            errors.push(FieldError::new(field, "is missing"));
                        }
                    }
                }
                Err(errors)
            }
        }
    }
}

/// Reads a visit type, with a message listing the allowed ones.
pub(crate) fn parse_visit_type(s: &str) -> Result<VisitType, String> {
    VisitType::parse(s).ok_or_else(|| {
        let all: Vec<&str> = VisitType::ALL.iter().map(|v| v.as_str()).collect();
        format!("{s:?} is not a visit type ({})", all.join(", "))
    })
}

/// Reads a channel, with a message listing the allowed ones.
pub(crate) fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
        format!("{s:?} is not a channel ({})", all.join(", "))
    })
}
