//! Reading responses from an export file (docs/formats.md §3), streaming.
//!
//! Records are read one at a time (constant memory), and every record is
//! validated against the instrument (docs/formats.md §2). An invalid record is
//! never dropped silently: it yields one [`RecordError`] per problem, all
//! carrying the record's line, and the caller decides whether to stop or to
//! skip it. Lines are physical lines of the file, counted from 1, so a
//! comment with a line break inside quotes moves the next record's line on;
//! a CSV column is the 1-based field index, the column Excel shows as A, B…
//!
//! Two ways in:
//! - [`read_responses`]: an iterator of owned [`Response`]s and errors,
//!   for callers that keep responses (validation, the server, tests).
//! - [`read_rows`]: a lending reader of [`Record`]s borrowed from reused
//!   buffers, answers by position ([`crate::tally::ResponseRow`]) — what the
//!   tallying loops of `tiyan score` and the dashboard read, with no
//!   allocation per record. [`RecordBoundaries`] and [`read_piece`] let a
//!   caller cut a file at record boundaries and read the pieces on several
//!   threads, with the lines and messages of a whole-file read.
//!
//! CSV records are split by `csv_split` (csv-core's rules, checked against
//! the csv crate), then read by a fast path for records in their usual
//! shape (`csv_fast_row`) or, for anything else, by the reference path
//! (`csv_draft` and the validator), which words every message; the two
//! accept the same records (`equivalence_tests`).

mod boundaries;
mod csv_columns;
mod csv_draft;
mod csv_fast_row;
mod csv_records;
mod csv_rows;
mod csv_split;
mod draft;
mod format;
mod jsonl_records;
mod record;
mod record_error;
mod rows;

use std::io::Read;

pub use boundaries::{lines_in, Cut, RecordBoundaries};
pub use csv_columns::CsvColumns;
pub use csv_records::CsvResponses;
pub use csv_rows::CsvRows;
pub use format::InputFormat;
pub use jsonl_records::JsonlResponses;
pub use record::{Record, ValidRecord};
pub use record_error::RecordError;
pub use rows::{read_piece, read_rows, FileShape, JsonlRows, Rows};

use crate::instrument::Instrument;
use crate::response::Response;

/// Reads responses from `reader` in `format`, validating each against
/// `instrument`.
///
/// Yields `Ok` for each valid record and one `Err` per problem of an
/// invalid one (several in a row for a record with several problems, all
/// with its line). An error with [`RecordError::fatal`] set (a bad CSV
/// header, an unreadable file) ends the iteration: nothing after it could be
/// read reliably.
pub fn read_responses<'a, R: Read + 'a>(
    reader: R,
    instrument: &'a Instrument,
    format: InputFormat,
) -> Responses<'a, R> {
    match format {
        InputFormat::Csv => Responses::Csv(CsvResponses::new(reader, instrument)),
        InputFormat::Jsonl => Responses::Jsonl(JsonlResponses::new(reader, instrument)),
    }
}

/// The iterator of [`read_responses`], over either format.
pub enum Responses<'a, R: Read> {
    Csv(CsvResponses<'a, R>),
    Jsonl(JsonlResponses<'a, R>),
}

impl<R: Read> Responses<'_, R> {
    /// The physical line (from 1) where the record last yielded starts:
    /// where a valid response came from, e.g. to report a duplicate id.
    pub fn line(&self) -> u64 {
        match self {
            Responses::Csv(records) => records.line(),
            Responses::Jsonl(records) => records.line(),
        }
    }
}

impl<R: Read> Iterator for Responses<'_, R> {
    type Item = Result<Response, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Responses::Csv(records) => records.next(),
            Responses::Jsonl(records) => records.next(),
        }
    }
}

#[cfg(test)]
mod equivalence_tests;
#[cfg(test)]
mod tests;
