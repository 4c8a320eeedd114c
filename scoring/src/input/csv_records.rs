//! The CSV export form (formats.md §3), as Excel and others save it: UTF-8
//! with or without a byte-order mark, CRLF or LF line ends, RFC 4180
//! quoting (commas, quotes and line breaks inside quoted cells).

use std::collections::{BTreeMap, VecDeque};
use std::io::Read;

use super::draft::{parse_channel, parse_visit_type, Draft};
use super::line_breaks::LineBreaks;
use super::RecordError;
use crate::export::csv_header;
use crate::instrument::Instrument;
use crate::response::{Answer, Response};
use crate::validate::{FieldError, Validator};

/// What a column of the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Id,
    Instrument,
    InstrumentVersion,
    Hospital,
    Department,
    VisitType,
    Channel,
    SubmittedAt,
    Item(String),
    AgeBand,
    Education,
    SelfRatedHealth,
    AnsweredBy,
    Comment,
}

impl Column {
    fn of(name: &str) -> Column {
        match name {
            "id" => Column::Id,
            "instrument" => Column::Instrument,
            "instrument_version" => Column::InstrumentVersion,
            "hospital" => Column::Hospital,
            "department" => Column::Department,
            "visit_type" => Column::VisitType,
            "channel" => Column::Channel,
            "submitted_at" => Column::SubmittedAt,
            "respondent.age_band" => Column::AgeBand,
            "respondent.education" => Column::Education,
            "respondent.self_rated_health" => Column::SelfRatedHealth,
            "respondent.answered_by" => Column::AnsweredBy,
            "comment" => Column::Comment,
            item => Column::Item(item.to_owned()),
        }
    }
}

/// Streams responses from CSV; see [`super::read_responses`].
pub struct CsvResponses<'a, R: Read> {
    csv: csv::Reader<LineBreaks<R>>,
    validator: Validator<'a>,
    /// The file's columns, in file order; `None` until the header is read.
    columns: Option<Vec<Column>>,
    /// Field name → 1-based column, to point an error at its cell.
    column_of: BTreeMap<String, u64>,
    /// The item columns (0-based) with their ids, sorted by id: answers
    /// collected in this order build their map without searching.
    item_order: Vec<(usize, String)>,
    record: csv::ByteRecord,
    /// The line where the last record read starts.
    line: u64,
    pending: VecDeque<RecordError>,
    done: bool,
}

impl<'a, R: Read> CsvResponses<'a, R> {
    pub fn new(reader: R, instrument: &'a Instrument) -> CsvResponses<'a, R> {
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(LineBreaks::new(reader));
        CsvResponses {
            csv,
            validator: Validator::new(instrument),
            columns: None,
            column_of: BTreeMap::new(),
            item_order: Vec::new(),
            record: csv::ByteRecord::new(),
            line: 1,
            pending: VecDeque::new(),
            done: false,
        }
    }

    /// Reads the header row and checks it against formats.md §3: every
    /// column present once, none unknown. The columns may come in any
    /// order (a spreadsheet user may have moved one); names are exact.
    fn read_header(&mut self) -> Result<Vec<Column>, Vec<RecordError>> {
        let mut header = csv::ByteRecord::new();
        let line = 1;
        match self.csv.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => {
                return Err(vec![RecordError::new(
                    line,
                    "the file is empty: expected the header row of the CSV export",
                )
                .into_fatal()])
            }
            Err(e) => return Err(vec![self.csv_error(&e)]),
        }
        let line = self.line_of(&header);
        let expected = csv_header(self.validator.instrument());
        let mut errors = Vec::new();
        let mut columns = Vec::with_capacity(header.len());
        for (i, raw) in header.iter().enumerate() {
            let column = i as u64 + 1;
            let raw = if i == 0 {
                raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
            } else {
                raw
            };
            let Ok(name) = std::str::from_utf8(raw) else {
                errors.push(
                    RecordError::new(
                        line,
                        "header cell is not UTF-8 text (save as \"CSV UTF-8\")",
                    )
                    .at_column(Some(column)),
                );
                continue;
            };
            if !expected.iter().any(|e| e == name) {
                errors.push(
                    RecordError::new(line, format!("unknown column {name:?}"))
                        .at_column(Some(column)),
                );
            } else if self.column_of.insert(name.to_owned(), column).is_some() {
                errors.push(
                    RecordError::new(line, format!("column {name:?} appears twice"))
                        .at_column(Some(column)),
                );
            }
            columns.push(Column::of(name));
        }
        for name in &expected {
            if !self.column_of.contains_key(name) {
                errors.push(
                    RecordError::new(line, format!("missing column {name:?}"))
                        .in_field(name.clone()),
                );
            }
        }
        if errors.is_empty() {
            self.item_order = columns
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match c {
                    Column::Item(id) => Some((i, id.clone())),
                    _ => None,
                })
                .collect();
            self.item_order.sort_unstable_by(|a, b| a.1.cmp(&b.1));
            Ok(columns)
        } else {
            Err(errors.into_iter().map(RecordError::into_fatal).collect())
        }
    }

    /// Turns the current record into a response or its problems.
    fn convert(&self, columns: &[Column]) -> Result<Response, Vec<FieldError>> {
        let mut draft = Draft::default();
        let mut answers: Vec<Option<Answer>> = vec![None; columns.len()];
        for (i, (column, raw)) in columns.iter().zip(self.record.iter()).enumerate() {
            let Ok(text) = std::str::from_utf8(raw) else {
                draft.error(
                    field_name(column),
                    "is not UTF-8 text (save the file as \"CSV UTF-8\")",
                );
                continue;
            };
            match column {
                Column::Item(id) => answers[i] = read_answer(&mut draft, id, text),
                other => read_cell(&mut draft, other, text),
            }
        }
        draft.answers = self
            .item_order
            .iter()
            .filter_map(|(i, id)| answers[*i].map(|a| (id.clone(), a)))
            .collect();
        draft.finish(&self.validator)
    }

    /// The physical line where the last record yielded starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The physical line where `record` starts.
    fn line_of(&mut self, record: &csv::ByteRecord) -> u64 {
        let start = record.position().map_or(0, csv::Position::byte);
        self.csv.get_mut().line_of_record_at(start)
    }

    fn csv_error(&mut self, e: &csv::Error) -> RecordError {
        let start = e.position().map_or(0, csv::Position::byte);
        let line = self.csv.get_mut().line_of_record_at(start);
        RecordError::new(line, format!("cannot read the CSV file: {e}")).into_fatal()
    }

    fn record_errors(&self, line: u64, errors: Vec<FieldError>) -> Vec<RecordError> {
        let mut errors: Vec<RecordError> = errors
            .into_iter()
            .map(|e| {
                let column = self.column_of.get(&e.field).copied();
                RecordError::new(line, e.message)
                    .at_column(column)
                    .in_field(e.field)
            })
            .collect();
        // Left to right, as a person reads the row.
        errors.sort_by_key(|e| e.column.unwrap_or(u64::MAX));
        errors
    }
}

impl<R: Read> Iterator for CsvResponses<'_, R> {
    type Item = Result<Response, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.pending.pop_front() {
            return Some(Err(error));
        }
        if self.done {
            return None;
        }
        let columns = match self.columns.take() {
            Some(columns) => columns,
            None => match self.read_header() {
                Ok(columns) => columns,
                Err(errors) => {
                    self.done = true;
                    self.pending.extend(errors);
                    return self.pending.pop_front().map(Err);
                }
            },
        };
        let mut record = std::mem::take(&mut self.record);
        let read = self.csv.read_byte_record(&mut record);
        self.record = record;
        let result = match read {
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(self.csv_error(&e)))
            }
            Ok(true) => {
                let record = std::mem::take(&mut self.record);
                let line = self.line_of(&record);
                self.line = line;
                self.record = record;
                if self.record.len() != columns.len() {
                    Some(Err(RecordError::new(
                        line,
                        format!(
                            "the row has {} cells but the header has {}",
                            self.record.len(),
                            columns.len()
                        ),
                    )))
                } else {
                    match self.convert(&columns) {
                        Ok(response) => Some(Ok(response)),
                        Err(errors) => {
                            self.pending.extend(self.record_errors(line, errors));
                            self.pending.pop_front().map(Err)
                        }
                    }
                }
            }
        };
        self.columns = Some(columns);
        result
    }
}

fn field_name(column: &Column) -> String {
    match column {
        Column::Id => "id".into(),
        Column::Instrument => "instrument".into(),
        Column::InstrumentVersion => "instrument_version".into(),
        Column::Hospital => "hospital".into(),
        Column::Department => "department".into(),
        Column::VisitType => "visit_type".into(),
        Column::Channel => "channel".into(),
        Column::SubmittedAt => "submitted_at".into(),
        Column::Item(id) => id.clone(),
        Column::AgeBand => "respondent.age_band".into(),
        Column::Education => "respondent.education".into(),
        Column::SelfRatedHealth => "respondent.self_rated_health".into(),
        Column::AnsweredBy => "respondent.answered_by".into(),
        Column::Comment => "comment".into(),
    }
}

/// An optional cell: empty means absent.
fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// An item cell: empty (not answered), `NA`, or an integer.
fn read_answer(draft: &mut Draft, id: &str, text: &str) -> Option<Answer> {
    match text.trim() {
        "" => None,
        "NA" | "na" => Some(Answer::Na),
        cell => match cell.parse::<i64>() {
            Ok(v) => Some(Answer::Value(v)),
            Err(_) => {
                draft.error(id, format!("{text:?} is not an integer or NA"));
                None
            }
        },
    }
}

/// Any other cell.
fn read_cell(draft: &mut Draft, column: &Column, text: &str) {
    match column {
        Column::Id => draft.id = text.to_owned(),
        Column::Instrument => draft.instrument = text.to_owned(),
        Column::InstrumentVersion => match text.trim().parse::<u32>() {
            Ok(v) => draft.instrument_version = Some(v),
            Err(_) => draft.error(
                "instrument_version",
                format!("{text:?} is not a whole number"),
            ),
        },
        Column::Hospital => draft.hospital = text.to_owned(),
        Column::Department => draft.department = text.to_owned(),
        Column::VisitType => match parse_visit_type(text) {
            Ok(v) => draft.visit_type = Some(v),
            Err(m) => draft.error("visit_type", m),
        },
        Column::Channel => match parse_channel(text) {
            Ok(c) => draft.channel = Some(c),
            Err(m) => draft.error("channel", m),
        },
        Column::SubmittedAt => draft.submitted_at = text.to_owned(),
        Column::Item(_) => {}
        Column::AgeBand => draft.respondent.age_band = optional(text),
        Column::Education => draft.respondent.education = optional(text),
        Column::SelfRatedHealth => match text.trim() {
            "" => {}
            cell => match cell.parse::<i64>() {
                Ok(v) => draft.respondent.self_rated_health = Some(v),
                Err(_) => draft.error(
                    "respondent.self_rated_health",
                    format!("{text:?} is not an integer"),
                ),
            },
        },
        Column::AnsweredBy => draft.respondent.answered_by = optional(text),
        Column::Comment => draft.comment = text.to_owned(),
    }
}
