//! The header row of a CSV export (docs/formats.md §3): which column holds what.
//!
//! Read once per file, then shared by every reader of its records — the
//! streaming reader, and the readers of pieces of the file that a caller
//! tallies on several threads.

use std::collections::BTreeMap;
use std::io::{self, Read};

use super::csv_split::{Cells, CsvSplitter};
use super::RecordError;
use crate::export::csv_header;
use crate::instrument::Instrument;

/// What a column of the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    Id,
    Instrument,
    InstrumentVersion,
    Hospital,
    Department,
    VisitType,
    Channel,
    SubmittedAt,
    /// An item, with its position in `Instrument::items()`.
    Item {
        id: String,
        position: usize,
    },
    AgeBand,
    Education,
    SelfRatedHealth,
    AnsweredBy,
    Comment,
}

impl Column {
    /// The column named `name`, which the header check found in the
    /// instrument's export header.
    fn of(name: &str, instrument: &Instrument) -> Column {
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
            item => Column::Item {
                id: item.to_owned(),
                position: instrument
                    .items()
                    .position(|i| i.id == item)
                    .unwrap_or(usize::MAX),
            },
        }
    }

    /// The field an error in this column names (its header cell).
    pub(crate) fn field_name(&self) -> &str {
        match self {
            Column::Id => "id",
            Column::Instrument => "instrument",
            Column::InstrumentVersion => "instrument_version",
            Column::Hospital => "hospital",
            Column::Department => "department",
            Column::VisitType => "visit_type",
            Column::Channel => "channel",
            Column::SubmittedAt => "submitted_at",
            Column::Item { id, .. } => id,
            Column::AgeBand => "respondent.age_band",
            Column::Education => "respondent.education",
            Column::SelfRatedHealth => "respondent.self_rated_health",
            Column::AnsweredBy => "respondent.answered_by",
            Column::Comment => "comment",
        }
    }
}

/// The columns of a CSV export, checked against the instrument: every
/// column of docs/formats.md §3 present once, none unknown. The columns may
/// come in any order (a spreadsheet user may have moved one); names are
/// exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvColumns {
    /// The file's columns, in file order.
    pub(crate) columns: Vec<Column>,
    /// Field name → 1-based column, to point an error at its cell.
    pub(crate) column_of: BTreeMap<String, u64>,
    /// The item columns (0-based) with their ids, sorted by id: answers
    /// collected in this order build their map without searching.
    pub(crate) item_order: Vec<(usize, String)>,
}

impl CsvColumns {
    /// Reads and checks the header row at the start of `bytes` (a byte-order
    /// mark, blank lines before it and anything after its first record are
    /// allowed). Every problem is an error that ends reading
    /// ([`RecordError::fatal`]).
    pub fn read(bytes: &[u8], instrument: &Instrument) -> Result<CsvColumns, Vec<RecordError>> {
        CsvColumns::read_from(&mut CsvSplitter::file(bytes), instrument)
    }

    /// Reads the header as the first record of `records`.
    pub(crate) fn read_from<R: Read>(
        records: &mut CsvSplitter<R>,
        instrument: &Instrument,
    ) -> Result<CsvColumns, Vec<RecordError>> {
        match records.next_record() {
            Ok(true) => check(records.cells(), records.record_line(), instrument),
            Ok(false) => Err(vec![RecordError::new(
                1,
                "the file is empty: expected the header row of the CSV export",
            )
            .into_fatal()]),
            Err(e) => Err(vec![cannot_read(records.line(), &e)]),
        }
    }

    /// The 1-based column of `field`, if the file has it.
    pub(crate) fn column_of(&self, field: &str) -> Option<u64> {
        self.column_of.get(field).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.columns.len()
    }
}

/// The fatal error of a CSV reader that cannot go on, at `line`.
pub(crate) fn cannot_read(line: u64, e: &io::Error) -> RecordError {
    RecordError::new(line, format!("cannot read the CSV file: {e}")).into_fatal()
}

fn check(
    header: Cells<'_>,
    line: u64,
    instrument: &Instrument,
) -> Result<CsvColumns, Vec<RecordError>> {
    let expected = csv_header(instrument);
    let mut errors = Vec::new();
    let mut column_of = BTreeMap::new();
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
                RecordError::new(line, format!("unknown column {name:?}")).at_column(Some(column)),
            );
        } else if column_of.insert(name.to_owned(), column).is_some() {
            errors.push(
                RecordError::new(line, format!("column {name:?} appears twice"))
                    .at_column(Some(column)),
            );
        }
        columns.push(Column::of(name, instrument));
    }
    for name in &expected {
        if !column_of.contains_key(name) {
            errors.push(
                RecordError::new(line, format!("missing column {name:?}")).in_field(name.clone()),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_iter().map(RecordError::into_fatal).collect());
    }
    let mut item_order: Vec<(usize, String)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Item { id, .. } => Some((i, id.clone())),
            _ => None,
        })
        .collect();
    item_order.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    Ok(CsvColumns {
        columns,
        column_of,
        item_order,
    })
}
