//! Reading a CSV record straight into a positional row, for the records
//! in their usual shape — nearly all of them.
//!
//! The reference path (`csv_draft`) builds a [`Draft`](super::draft) with
//! owned strings and a map of item ids, then runs the validator: some
//! forty allocations per record. This path reads the cells where they
//! lie, answers as small integers into a reused slice, and checks the
//! same rules of docs/formats.md §2 on the way. It is deliberately narrower:
//! it accepts a record only when every cell has its canonical form (an
//! answer `5`, `10`, `NA` or empty; the version exactly as the instrument
//! writes it…) and every rule holds. Anything else — an invalid record, or
//! a valid one written unusually, such as ` 5` or `05` — returns `None`,
//! and the caller reads the record again by the reference path, which
//! decides and words the errors. So the two paths accept the same
//! records, give the same responses and the same messages
//! (`tests::fast_and_reference_paths_agree`).

use super::csv_columns::{Column, CsvColumns};
use super::csv_split::Cells;
use super::record::ValidRecord;
use crate::instrument::{ChoiceField, Instrument, VisitType};
use crate::response::{Answer, Channel};
use crate::tally::{RespondentRef, ResponseRow};
use crate::timestamp::Timestamp;
use crate::validate::{department_problem, is_hospital_code, is_uuid, COMMENT_MAX_CHARS};

/// An item's column and what its cell may hold, for one visit type.
#[derive(Debug, Clone, Copy)]
struct ItemCell {
    column: usize,
    /// Position in `Instrument::items()`.
    position: usize,
    lo: i64,
    hi: i64,
    allow_na: bool,
    /// Asked of this visit type: if not, the cell must be empty.
    asked: bool,
}

/// The columns (0-based) of the fields that are not items.
#[derive(Debug, Clone, Copy, Default)]
struct FieldColumns {
    id: usize,
    instrument: usize,
    instrument_version: usize,
    hospital: usize,
    department: usize,
    visit_type: usize,
    channel: usize,
    submitted_at: usize,
    age_band: usize,
    education: usize,
    self_rated_health: usize,
    answered_by: usize,
    comment: usize,
}

/// The rules compiled for one file's columns, and the reused answer slots.
#[derive(Debug, Clone)]
pub(crate) struct FastRow {
    width: usize,
    fields: FieldColumns,
    /// Per visit type, in `VisitType::ALL` order.
    items: [Vec<ItemCell>; 3],
    instrument_id: String,
    instrument_version: u32,
    /// The version as the export writes it (`1`).
    version_text: String,
    /// Visit types the instrument offers, in `VisitType::ALL` order.
    offered: [bool; 3],
    age_band: Vec<String>,
    education: Vec<String>,
    answered_by: Vec<String>,
    self_rated_health: Vec<i64>,
    answers: Vec<Option<Answer>>,
}

impl FastRow {
    pub(crate) fn new(instrument: &Instrument, columns: &CsvColumns) -> FastRow {
        let all_items: Vec<_> = instrument.items().collect();
        let mut fields = FieldColumns::default();
        let mut items: [Vec<ItemCell>; 3] = Default::default();
        for (column, kind) in columns.columns.iter().enumerate() {
            let field = match kind {
                Column::Item { position, .. } => {
                    let Some(item) = all_items.get(*position) else {
                        continue;
                    };
                    for (v, visit_type) in VisitType::ALL.into_iter().enumerate() {
                        items[v].push(ItemCell {
                            column,
                            position: *position,
                            lo: item.scale.lo(),
                            hi: item.scale.hi(),
                            allow_na: item.allow_na,
                            asked: instrument.shows_stage(visit_type, item.stage_id()),
                        });
                    }
                    continue;
                }
                Column::Id => &mut fields.id,
                Column::Instrument => &mut fields.instrument,
                Column::InstrumentVersion => &mut fields.instrument_version,
                Column::Hospital => &mut fields.hospital,
                Column::Department => &mut fields.department,
                Column::VisitType => &mut fields.visit_type,
                Column::Channel => &mut fields.channel,
                Column::SubmittedAt => &mut fields.submitted_at,
                Column::AgeBand => &mut fields.age_band,
                Column::Education => &mut fields.education,
                Column::SelfRatedHealth => &mut fields.self_rated_health,
                Column::AnsweredBy => &mut fields.answered_by,
                Column::Comment => &mut fields.comment,
            };
            *field = column;
        }
        let texts = |field: &ChoiceField| -> Vec<String> {
            field
                .values
                .iter()
                .filter_map(|c| c.value.as_str().map(str::to_owned))
                .collect()
        };
        let respondent = &instrument.respondent;
        FastRow {
            width: columns.len(),
            fields,
            items,
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version,
            version_text: instrument.version.to_string(),
            offered: VisitType::ALL.map(|v| instrument.visit_types.contains_key(&v)),
            age_band: texts(&respondent.age_band),
            education: texts(&respondent.education),
            answered_by: texts(&respondent.answered_by),
            self_rated_health: respondent
                .self_rated_health
                .values
                .iter()
                .filter_map(|c| c.value.as_i64())
                .collect(),
            answers: vec![None; all_items.len()],
        }
    }

    /// The record as a valid row, or `None` when it is not valid or not
    /// in the usual shape (then the reference path must read it).
    pub(crate) fn read<'r>(&'r mut self, cells: Cells<'r>, line: u64) -> Option<ValidRecord<'r>> {
        if cells.len() != self.width {
            return None;
        }
        let FastRow {
            fields: at,
            items,
            instrument_id,
            instrument_version,
            version_text,
            offered,
            age_band,
            education,
            answered_by,
            self_rated_health,
            answers,
            ..
        } = self;
        if cells.bytes(at.instrument) != instrument_id.as_bytes()
            || cells.bytes(at.instrument_version) != version_text.as_bytes()
        {
            return None;
        }
        let visit_raw = cells.bytes(at.visit_type);
        let visit_at = VisitType::ALL
            .iter()
            .position(|v| v.as_str().as_bytes() == visit_raw)?;
        if !offered[visit_at] {
            return None;
        }
        answers.fill(None);
        for cell in &items[visit_at] {
            let answer = match cells.bytes(cell.column) {
                [] => continue,
                [digit @ b'0'..=b'9'] => Answer::Value(i64::from(digit - b'0')),
                b"10" => Answer::Value(10),
                b"NA" | b"na" => Answer::Na,
                _ => return None,
            };
            let fits = cell.asked
                && match answer {
                    Answer::Na => cell.allow_na,
                    Answer::Value(v) => cell.lo <= v && v <= cell.hi,
                };
            if !fits {
                return None;
            }
            *answers.get_mut(cell.position)? = Some(answer);
        }
        let respondent = RespondentRef {
            age_band: choice(age_band, cells.bytes(at.age_band))?,
            education: choice(education, cells.bytes(at.education))?,
            self_rated_health: match cells.bytes(at.self_rated_health) {
                [] => None,
                [digit @ b'0'..=b'9'] => {
                    let v = i64::from(digit - b'0');
                    Some(self_rated_health.contains(&v).then_some(v)?)
                }
                _ => return None,
            },
            answered_by: choice(answered_by, cells.bytes(at.answered_by))?,
        };
        let channel = Channel::ALL
            .into_iter()
            .find(|c| c.as_str().as_bytes() == cells.bytes(at.channel))?;

        let text = cells.text()?;
        let id = text.get(at.id).filter(|id| is_uuid(id))?;
        let hospital = text.get(at.hospital).filter(|h| is_hospital_code(h))?;
        let department = text
            .get(at.department)
            .filter(|d| department_problem(d).is_none())?;
        let submitted_at = text.get(at.submitted_at)?;
        Timestamp::parse(submitted_at).ok()?;
        let comment = text.get(at.comment)?;
        // A character takes at least a byte: count only long comments.
        if comment.len() > COMMENT_MAX_CHARS && comment.chars().count() > COMMENT_MAX_CHARS {
            return None;
        }

        let answers: &'r Vec<Option<Answer>> = answers;
        Some(ValidRecord {
            line,
            id,
            comment,
            row: ResponseRow {
                instrument: instrument_id,
                instrument_version: *instrument_version,
                hospital,
                department,
                visit_type: VisitType::ALL[visit_at],
                channel,
                submitted_at,
                answers,
                respondent,
            },
        })
    }
}

/// An optional choice cell: `Some(None)` when empty, `Some(Some(value))`
/// when it is one of `allowed`, `None` otherwise.
fn choice<'r>(allowed: &'r [String], raw: &[u8]) -> Option<Option<&'r str>> {
    if raw.is_empty() {
        return Some(None);
    }
    allowed
        .iter()
        .find(|value| value.as_bytes() == raw)
        .map(|value| Some(value.as_str()))
}
