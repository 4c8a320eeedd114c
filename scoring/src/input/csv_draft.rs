//! The reference reading of one CSV record: cell by cell into a [`Draft`],
//! then every rule of the validator, collecting every problem.
//!
//! This is the path that words the errors. The fast path
//! (`csv_fast_row`) only accepts records in their usual shape and hands
//! everything else here, so the two cannot disagree on a message.

use super::csv_columns::{Column, CsvColumns};
use super::csv_split::Cells;
use super::draft::{parse_channel, parse_visit_type, Draft};
use super::RecordError;
use crate::response::{Answer, Response};
use crate::validate::{FieldError, Validator};

/// Turns `record` into a response or its problems.
pub(crate) fn convert(
    columns: &CsvColumns,
    record: Cells<'_>,
    validator: &Validator<'_>,
) -> Result<Response, Vec<FieldError>> {
    let mut draft = Draft::default();
    let mut answers: Vec<Option<Answer>> = vec![None; columns.len()];
    for (i, (column, raw)) in columns.columns.iter().zip(record.iter()).enumerate() {
        let Ok(text) = std::str::from_utf8(raw) else {
            draft.error(
                column.field_name(),
                "is not UTF-8 text (save the file as \"CSV UTF-8\")",
            );
            continue;
        };
        match column {
            Column::Item { id, .. } => answers[i] = read_answer(&mut draft, id, text),
            other => read_cell(&mut draft, other, text),
        }
    }
    draft.answers = columns
        .item_order
        .iter()
        .filter_map(|(i, id)| answers[*i].map(|a| (id.clone(), a)))
        .collect();
    draft.finish(validator)
}

/// A record's problems as errors at its line, each pointing at its cell,
/// left to right as a person reads the row.
pub(crate) fn record_errors(
    columns: &CsvColumns,
    line: u64,
    errors: Vec<FieldError>,
) -> Vec<RecordError> {
    let mut errors: Vec<RecordError> = errors
        .into_iter()
        .map(|e| {
            let column = columns.column_of(&e.field);
            RecordError::new(line, e.message)
                .at_column(column)
                .in_field(e.field)
        })
        .collect();
    errors.sort_by_key(|e| e.column.unwrap_or(u64::MAX));
    errors
}

/// The error of a row whose cell count is not the header's.
pub(crate) fn wrong_length(line: u64, found: usize, expected: usize) -> RecordError {
    RecordError::new(
        line,
        format!("the row has {found} cells but the header has {expected}"),
    )
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
        Column::Item { .. } => {}
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
