//! Records of either export form as borrowed rows ([`Record`]): what the
//! tallying loops of the CLI and the dashboard read.

use std::io::Read;

use super::csv_columns::CsvColumns;
use super::csv_rows::CsvRows;
use super::jsonl_records::JsonlResponses;
use super::record::{borrow_response, ItemPositions, Record};
use super::{InputFormat, RecordError};
use crate::instrument::Instrument;
use crate::response::{Answer, Response};

/// What must be known of a file before any piece of it can be read on its
/// own: its format and, for CSV, its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileShape {
    Csv(CsvColumns),
    Jsonl,
}

impl FileShape {
    pub fn format(&self) -> InputFormat {
        match self {
            FileShape::Csv(_) => InputFormat::Csv,
            FileShape::Jsonl => InputFormat::Jsonl,
        }
    }
}

/// Reads the records of `reader` in `format`, each validated against
/// `instrument`, as [`Record`]s (see [`Rows::next_record`]).
pub fn read_rows<'a, R: Read + 'a>(
    reader: R,
    instrument: &'a Instrument,
    format: InputFormat,
) -> Rows<'a, R> {
    match format {
        InputFormat::Csv => Rows::Csv(CsvRows::new(reader, instrument)),
        InputFormat::Jsonl => Rows::Jsonl(JsonlRows::new(JsonlResponses::new(reader, instrument))),
    }
}

/// Reads a piece of a file of `shape` that starts at a record boundary on
/// line `first_line` (pieces made with [`super::RecordBoundaries`]): the
/// records, lines and messages are those that reading the whole file
/// gives for the same records.
pub fn read_piece<'a, R: Read + 'a>(
    reader: R,
    instrument: &'a Instrument,
    shape: &FileShape,
    first_line: u64,
) -> Rows<'a, R> {
    match shape {
        FileShape::Csv(columns) => Rows::Csv(CsvRows::after_header(
            reader,
            instrument,
            columns.clone(),
            first_line,
        )),
        FileShape::Jsonl => Rows::Jsonl(JsonlRows::new(JsonlResponses::starting_at(
            reader, instrument, first_line,
        ))),
    }
}

/// The reader of [`read_rows`] and [`read_piece`], over either format.
pub enum Rows<'a, R: Read> {
    Csv(CsvRows<'a, R>),
    Jsonl(JsonlRows<'a, R>),
}

impl<R: Read> Rows<'_, R> {
    /// The next record, borrowed until the next call; `None` at the end
    /// of the input or after a [`Record::Unreadable`].
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        match self {
            Rows::Csv(rows) => rows.next_record(),
            Rows::Jsonl(rows) => rows.next_record(),
        }
    }

    /// The physical line (from 1) where the last record read starts.
    pub fn line(&self) -> u64 {
        match self {
            Rows::Csv(rows) => rows.line(),
            Rows::Jsonl(rows) => rows.responses.line(),
        }
    }
}

/// JSONL records as rows: each line is parsed into a [`Response`] (serde),
/// then lent by position.
pub struct JsonlRows<'a, R: Read> {
    responses: JsonlResponses<'a, R>,
    positions: ItemPositions,
    response: Option<Response>,
    answers: Vec<Option<Answer>>,
}

impl<'a, R: Read> JsonlRows<'a, R> {
    fn new(responses: JsonlResponses<'a, R>) -> JsonlRows<'a, R> {
        JsonlRows {
            positions: ItemPositions::new(responses.instrument()),
            responses,
            response: None,
            answers: Vec::new(),
        }
    }

    pub fn next_record(&mut self) -> Option<Record<'_>> {
        match self.responses.next_record()? {
            Ok(response) => {
                let at = self.responses.line();
                let response = self.response.insert(response);
                Some(match self.positions.place(response, &mut self.answers) {
                    Ok(()) => Record::Valid(borrow_response(response, &self.answers, at)),
                    // The validator refuses unknown items; kept as an error
                    // rather than a panic all the same.
                    Err(id) => Record::Invalid(vec![RecordError::new(
                        at,
                        format!("{id} is not an item of the instrument"),
                    )]),
                })
            }
            Err(errors) if errors.iter().any(|e| e.fatal) => Some(Record::Unreadable(errors)),
            Err(errors) => Some(Record::Invalid(errors)),
        }
    }
}
