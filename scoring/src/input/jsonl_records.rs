//! The JSONL export form (docs/formats.md §3): one response object per line.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};

use serde_json::{Map, Value};

use super::draft::{parse_channel, parse_visit_type, Draft};
use super::RecordError;
use crate::instrument::Instrument;
use crate::response::{Answer, Response};
use crate::validate::{FieldError, Validator};

/// Streams responses from JSONL; see [`super::read_responses`]. Blank lines
/// are skipped; a line may end in CRLF.
pub struct JsonlResponses<'a, R: Read> {
    reader: BufReader<R>,
    validator: Validator<'a>,
    line: u64,
    buffer: Vec<u8>,
    pending: VecDeque<RecordError>,
    done: bool,
}

impl<'a, R: Read> JsonlResponses<'a, R> {
    pub fn new(reader: R, instrument: &'a Instrument) -> JsonlResponses<'a, R> {
        JsonlResponses::starting_at(reader, instrument, 1)
    }

    /// Reads a piece of a file whose first byte starts line `first_line`
    /// (see [`super::RecordBoundaries`]).
    pub fn starting_at(
        reader: R,
        instrument: &'a Instrument,
        first_line: u64,
    ) -> JsonlResponses<'a, R> {
        JsonlResponses {
            reader: BufReader::with_capacity(64 * 1024, reader),
            validator: Validator::new(instrument),
            line: first_line.saturating_sub(1),
            buffer: Vec::new(),
            pending: VecDeque::new(),
            done: false,
        }
    }

    pub(crate) fn instrument(&self) -> &'a Instrument {
        self.validator.instrument()
    }

    /// The line of the last record yielded.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn parse(&self, bytes: &[u8]) -> Result<Response, Vec<RecordError>> {
        let line = self.line;
        let to_record = |errors: Vec<FieldError>| -> Vec<RecordError> {
            errors
                .into_iter()
                .map(|e| RecordError::new(line, e.message).in_field(e.field))
                .collect()
        };
        // The fast path: a well-formed response deserialises directly.
        let typed_error = match serde_json::from_slice::<Response>(bytes) {
            Ok(response) => {
                return match self.validator.validate(&response) {
                    Ok(()) => Ok(response),
                    Err(errors) => Err(to_record(errors)),
                }
            }
            Err(e) => e,
        };
        // Otherwise, find out which fields are at fault.
        let value: Value = match serde_json::from_slice(bytes) {
            Ok(value) => value,
            Err(e) => {
                let column = Some(e.column() as u64).filter(|c| *c > 0);
                return Err(vec![RecordError::new(
                    line,
                    format!("not valid JSON: {}", without_position(&e)),
                )
                .at_column(column)]);
            }
        };
        let Value::Object(object) = value else {
            return Err(vec![RecordError::new(
                line,
                "a response must be a JSON object {…}",
            )]);
        };
        match draft_from_json(&object).finish(&self.validator) {
            // Only a shape serde refuses that the diagnosis accepts (such as
            // a field given twice) ends here: report serde's own words.
            Ok(_) => Err(vec![RecordError::new(line, without_position(&typed_error))]),
            Err(errors) => Err(to_record(errors)),
        }
    }
}

impl<R: Read> JsonlResponses<'_, R> {
    /// The next record: a valid response, or every problem of an invalid
    /// one (all at its line; an unreadable file gives one fatal error).
    pub(crate) fn next_record(&mut self) -> Option<Result<Response, Vec<RecordError>>> {
        loop {
            if self.done {
                return None;
            }
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.done = true;
                    return Some(Err(vec![RecordError::new(
                        self.line + 1,
                        format!("cannot read the file: {e}"),
                    )
                    .into_fatal()]));
                }
            }
            let mut bytes = self.buffer.as_slice();
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse(bytes).map_err(|errors| {
                if errors.is_empty() {
                    vec![RecordError::new(self.line, "invalid response")]
                } else {
                    errors
                }
            }));
        }
    }
}

impl<R: Read> Iterator for JsonlResponses<'_, R> {
    type Item = Result<Response, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.pending.pop_front() {
            return Some(Err(error));
        }
        match self.next_record()? {
            Ok(response) => Some(Ok(response)),
            Err(errors) => {
                self.pending.extend(errors);
                self.pending.pop_front().map(Err)
            }
        }
    }
}

/// serde_json's message without its "at line 1 column 57" tail: the line
/// is the file's, not the JSON text's, and the column is reported apart.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Reads what it can of a response object that did not deserialise,
/// noting each field at fault.
fn draft_from_json(object: &Map<String, Value>) -> Draft {
    let mut draft = Draft::default();
    let text = |draft: &mut Draft, field: &str, required: bool| -> Option<String> {
        match object.get(field) {
            Some(Value::String(s)) => Some(s.clone()),
            None if !required => Some(String::new()),
            None => {
                draft.error(field, "is missing");
                None
            }
            Some(other) => {
                draft.error(field, format!("must be a string, not {}", type_name(other)));
                None
            }
        }
    };
    draft.id = text(&mut draft, "id", true).unwrap_or_default();
    draft.instrument = text(&mut draft, "instrument", true).unwrap_or_default();
    draft.hospital = text(&mut draft, "hospital", true).unwrap_or_default();
    draft.department = text(&mut draft, "department", false).unwrap_or_default();
    draft.submitted_at = text(&mut draft, "submitted_at", true).unwrap_or_default();
    draft.comment = text(&mut draft, "comment", false).unwrap_or_default();
    if let Some(s) = text(&mut draft, "visit_type", true) {
        match parse_visit_type(&s) {
            Ok(v) => draft.visit_type = Some(v),
            Err(m) => draft.error("visit_type", m),
        }
    }
    if let Some(s) = text(&mut draft, "channel", true) {
        match parse_channel(&s) {
            Ok(c) => draft.channel = Some(c),
            Err(m) => draft.error("channel", m),
        }
    }
    match object.get("instrument_version") {
        Some(v) => match v.as_u64().and_then(|v| u32::try_from(v).ok()) {
            Some(v) => draft.instrument_version = Some(v),
            None => draft.error("instrument_version", format!("{v} is not a whole number")),
        },
        None => draft.error("instrument_version", "is missing"),
    }
    match object.get("answers") {
        Some(Value::Object(answers)) => {
            for (id, value) in answers {
                match serde_json::from_value::<Answer>(value.clone()) {
                    Ok(answer) => {
                        draft.answers.insert(id.clone(), answer);
                    }
                    Err(_) => {
                        draft.error(id.clone(), format!("{value} is not an integer or \"na\""))
                    }
                }
            }
        }
        Some(other) => draft.error(
            "answers",
            format!("must be an object, not {}", type_name(other)),
        ),
        None => draft.error("answers", "is missing"),
    }
    match object.get("respondent") {
        None => {}
        Some(Value::Object(fields)) => read_respondent(&mut draft, fields),
        Some(other) => draft.error(
            "respondent",
            format!("must be an object, not {}", type_name(other)),
        ),
    }
    draft
}

fn read_respondent(draft: &mut Draft, fields: &Map<String, Value>) {
    let text = |draft: &mut Draft, name: &str| -> Option<String> {
        match fields.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                draft.error(
                    format!("respondent.{name}"),
                    format!("must be a string, not {}", type_name(other)),
                );
                None
            }
        }
    };
    draft.respondent.age_band = text(draft, "age_band");
    draft.respondent.education = text(draft, "education");
    draft.respondent.answered_by = text(draft, "answered_by");
    match fields.get("self_rated_health") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_i64() {
            Some(v) => draft.respondent.self_rated_health = Some(v),
            None => draft.error(
                "respondent.self_rated_health",
                format!("{v} is not an integer"),
            ),
        },
    }
}
