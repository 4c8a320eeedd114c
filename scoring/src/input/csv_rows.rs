//! Streaming CSV records as [`Record`]s: the fast path for records in
//! their usual shape, the reference path for the rest.

use std::io::Read;

use super::csv_columns::{cannot_read, CsvColumns};
use super::csv_draft::{convert, record_errors, wrong_length};
use super::csv_fast_row::FastRow;
use super::csv_split::CsvSplitter;
use super::record::{borrow_response, ItemPositions, Record};
use super::RecordError;
use crate::instrument::Instrument;
use crate::response::{Answer, Response};
use crate::validate::Validator;

/// Reads CSV records one at a time into reused buffers; see
/// [`super::read_rows`]. A lending reader: each [`Record`] borrows the
/// reader until the next call.
pub struct CsvRows<'a, R: Read> {
    records: CsvSplitter<R>,
    instrument: &'a Instrument,
    validator: Validator<'a>,
    /// `None` until the header is read.
    columns: Option<CsvColumns>,
    /// Made with the header; `None` before, or to read every record by
    /// the reference path (to test the two against each other).
    fast: Option<Box<FastRow>>,
    reference_only: bool,
    /// A valid record that the reference path read, and its answers by
    /// position.
    fallback: Option<Box<Response>>,
    fallback_answers: Vec<Option<Answer>>,
    positions: ItemPositions,
    line: u64,
    done: bool,
    /// Records read by the reference path.
    reference_reads: u64,
}

impl<'a, R: Read> CsvRows<'a, R> {
    /// Reads a whole file: its header row, then its records.
    pub fn new(reader: R, instrument: &'a Instrument) -> CsvRows<'a, R> {
        CsvRows::with(CsvSplitter::file(reader), instrument, None)
    }

    /// Reads records that follow a header already read: a piece of a file
    /// that starts at a record boundary on line `first_line` (see
    /// [`super::RecordBoundaries`]).
    pub fn after_header(
        reader: R,
        instrument: &'a Instrument,
        columns: CsvColumns,
        first_line: u64,
    ) -> CsvRows<'a, R> {
        CsvRows::with(
            CsvSplitter::piece(reader, first_line),
            instrument,
            Some(columns),
        )
    }

    fn with(
        records: CsvSplitter<R>,
        instrument: &'a Instrument,
        columns: Option<CsvColumns>,
    ) -> CsvRows<'a, R> {
        CsvRows {
            records,
            instrument,
            validator: Validator::new(instrument),
            fast: columns
                .as_ref()
                .map(|c| Box::new(FastRow::new(instrument, c))),
            columns,
            reference_only: false,
            fallback: None,
            fallback_answers: Vec::new(),
            positions: ItemPositions::new(instrument),
            line: 1,
            done: false,
            reference_reads: 0,
        }
    }

    /// Reads every record by the reference path only.
    #[cfg(test)]
    pub(crate) fn reference_only(mut self) -> CsvRows<'a, R> {
        self.reference_only = true;
        self.fast = None;
        self
    }

    /// How many records the reference path has read (the others took the
    /// fast path).
    pub fn reference_reads(&self) -> u64 {
        self.reference_reads
    }

    /// The physical line where the last record read starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next record, or `None` at the end of the input (or after an
    /// [`Record::Unreadable`]).
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        if self.done {
            return None;
        }
        if self.columns.is_none() {
            match CsvColumns::read_from(&mut self.records, self.instrument) {
                Ok(columns) => {
                    if !self.reference_only {
                        self.fast = Some(Box::new(FastRow::new(self.instrument, &columns)));
                    }
                    self.columns = Some(columns);
                }
                Err(errors) => {
                    self.done = true;
                    return Some(Record::Unreadable(errors));
                }
            }
        }
        match self.records.next_record() {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Record::Unreadable(vec![cannot_read(
                    self.records.line(),
                    &e,
                )]));
            }
        }
        let line = self.records.record_line();
        self.line = line;
        let columns = self.columns.as_ref()?;
        let cells = self.records.cells();
        if cells.len() != columns.len() {
            return Some(Record::Invalid(vec![wrong_length(
                line,
                cells.len(),
                columns.len(),
            )]));
        }
        if let Some(fast) = self.fast.as_mut() {
            if let Some(valid) = fast.read(cells, line) {
                return Some(Record::Valid(valid));
            }
        }
        self.reference_reads += 1;
        match convert(columns, cells, &self.validator) {
            Ok(response) => {
                let response = self.fallback.insert(Box::new(response));
                match self.positions.place(response, &mut self.fallback_answers) {
                    Ok(()) => Some(Record::Valid(borrow_response(
                        response,
                        &self.fallback_answers,
                        line,
                    ))),
                    // The validator refuses unknown items; kept as an error
                    // rather than a panic all the same.
                    Err(id) => Some(Record::Invalid(vec![RecordError::new(
                        line,
                        format!("{id} is not an item of the instrument"),
                    )])),
                }
            }
            Err(errors) => Some(Record::Invalid(record_errors(columns, line, errors))),
        }
    }
}
