//! A record as the row readers give it: borrowed from the reader's buffers,
//! by position, so that streaming millions of records allocates nothing
//! per record.

use super::RecordError;
use crate::instrument::Instrument;
use crate::response::{Answer, Respondent, Response};
use crate::tally::ResponseRow;

/// One record of an input file.
#[derive(Debug)]
pub enum Record<'r> {
    /// A record that passed every rule of docs/formats.md §2.
    Valid(ValidRecord<'r>),
    /// Every problem of one invalid record, in column order, all at its
    /// line. The record is left out whole.
    Invalid(Vec<RecordError>),
    /// Reading stopped here (a bad CSV header, an I/O error): nothing after
    /// it could be read reliably. Every error is [`RecordError::fatal`].
    Unreadable(Vec<RecordError>),
}

/// A valid response, borrowed: what a tally counts ([`ResponseRow`],
/// answers by position in `Instrument::items()`), plus the fields a tally
/// does not use.
#[derive(Debug, Clone, Copy)]
pub struct ValidRecord<'r> {
    /// The physical line (from 1) where the record starts.
    pub line: u64,
    pub id: &'r str,
    pub comment: &'r str,
    pub row: ResponseRow<'r>,
}

impl ValidRecord<'_> {
    /// The record as an owned [`Response`] (answers keyed by item id),
    /// exactly as `read_responses` gives it.
    pub fn to_response(&self, instrument: &Instrument) -> Response {
        let row = &self.row;
        Response {
            id: self.id.to_owned(),
            instrument: row.instrument.to_owned(),
            instrument_version: row.instrument_version,
            hospital: row.hospital.to_owned(),
            department: row.department.to_owned(),
            visit_type: row.visit_type,
            channel: row.channel,
            submitted_at: row.submitted_at.to_owned(),
            answers: instrument
                .items()
                .zip(row.answers)
                .filter_map(|(item, answer)| answer.map(|a| (item.id.clone(), a)))
                .collect(),
            respondent: Respondent {
                age_band: row.respondent.age_band.map(str::to_owned),
                education: row.respondent.education.map(str::to_owned),
                self_rated_health: row.respondent.self_rated_health,
                answered_by: row.respondent.answered_by.map(str::to_owned),
            },
            comment: self.comment.to_owned(),
        }
    }
}

/// The instrument's item ids sorted, with their positions in
/// `Instrument::items()`: a response's answers, sorted by id too, are put
/// in place by one merge walk.
#[derive(Debug, Clone)]
pub(crate) struct ItemPositions {
    sorted: Vec<(String, usize)>,
}

impl ItemPositions {
    pub(crate) fn new(instrument: &Instrument) -> ItemPositions {
        let mut sorted: Vec<(String, usize)> = instrument
            .items()
            .enumerate()
            .map(|(position, item)| (item.id.clone(), position))
            .collect();
        sorted.sort_unstable();
        ItemPositions { sorted }
    }

    /// Writes the answers of `response` into `answers`, one slot per item.
    /// Fails with the id of an answer to an item the instrument does not
    /// have (never for a validated response).
    pub(crate) fn place(
        &self,
        response: &Response,
        answers: &mut Vec<Option<Answer>>,
    ) -> Result<(), String> {
        answers.clear();
        answers.resize(self.sorted.len(), None);
        let mut items = self.sorted.iter().peekable();
        for (id, answer) in &response.answers {
            while items.next_if(|(known, _)| known < id).is_some() {}
            match items.next_if(|(known, _)| known == id) {
                Some(&(_, position)) => answers[position] = Some(*answer),
                None => return Err(id.clone()),
            }
        }
        Ok(())
    }
}

/// Borrows `response` as a [`ValidRecord`] whose answers are `answers`
/// (placed by [`ItemPositions::place`]).
pub(crate) fn borrow_response<'r>(
    response: &'r Response,
    answers: &'r [Option<Answer>],
    line: u64,
) -> ValidRecord<'r> {
    ValidRecord {
        line,
        id: &response.id,
        comment: &response.comment,
        row: ResponseRow {
            instrument: &response.instrument,
            instrument_version: response.instrument_version,
            hospital: &response.hospital,
            department: &response.department,
            visit_type: response.visit_type,
            channel: response.channel,
            submitted_at: &response.submitted_at,
            answers,
            respondent: crate::tally::RespondentRef::of(&response.respondent),
        },
    }
}
