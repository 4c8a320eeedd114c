//! The CSV export form (docs/formats.md §3), as Excel and others save it: UTF-8
//! with or without a byte-order mark, CRLF or LF line ends, RFC 4180
//! quoting (commas, quotes and line breaks inside quoted cells).

use std::collections::VecDeque;
use std::io::Read;

use super::csv_rows::CsvRows;
use super::{Record, RecordError};
use crate::instrument::Instrument;
use crate::response::Response;

/// Streams responses from CSV; see [`super::read_responses`].
pub struct CsvResponses<'a, R: Read> {
    rows: Box<CsvRows<'a, R>>,
    instrument: &'a Instrument,
    pending: VecDeque<RecordError>,
}

impl<'a, R: Read> CsvResponses<'a, R> {
    pub fn new(reader: R, instrument: &'a Instrument) -> CsvResponses<'a, R> {
        CsvResponses {
            rows: Box::new(CsvRows::new(reader, instrument)),
            instrument,
            pending: VecDeque::new(),
        }
    }

    /// The physical line where the last record yielded starts.
    pub fn line(&self) -> u64 {
        self.rows.line()
    }
}

impl<R: Read> Iterator for CsvResponses<'_, R> {
    type Item = Result<Response, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.pending.pop_front() {
            return Some(Err(error));
        }
        match self.rows.next_record()? {
            Record::Valid(record) => Some(Ok(record.to_response(self.instrument))),
            Record::Invalid(errors) | Record::Unreadable(errors) => {
                self.pending.extend(errors);
                self.pending.pop_front().map(Err)
            }
        }
    }
}
