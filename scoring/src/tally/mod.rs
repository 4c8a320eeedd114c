//! Tallies: integer sufficient statistics of responses (docs/scoring.md §8).
//!
//! A tally keeps, per month (`YYYY-MM` of `submitted_at`, UTC) and per
//! *cell* — everything, or one hospital, department, visit type or channel —
//! the integer sums every statistic of the report is computed from. Each
//! response updates five cells. Since periods are whole months, any
//! `--period`, `--baseline` and `--group-by` is a sum of cells, and the
//! monthly trend is read directly.
//!
//! Integers make a tally independent of input order and mergeable exactly:
//! tallies made by different hospitals or machines add up to the tally of
//! all their responses ([`Tally::merge`]), and serialise losslessly
//! ([`Tally::to_json`], format described in `docs/methodology.md`).

mod builder;
mod cell;
mod digest;
mod format;
mod fx_hash;
mod layout;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::instrument::{Instrument, VisitType};
use crate::response::{Answer, Channel, Respondent, Response};
use crate::timestamp::{Timestamp, YearMonth};

pub use builder::TallyBuilder;
pub(crate) use cell::Cell;
use digest::Digest;
use fx_hash::FxHashMap;
pub(crate) use layout::Layout;

/// Why a tally could not be made, extended, merged or read.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum TallyError {
    #[error("weight {weight} of {id} is not a positive multiple of 0.001")]
    BadWeight { id: String, weight: f64 },
    #[error(
        "the weights of {0} need a common denominator too large for exact sums \
         (above 2^27, or above 2^32 / the score steps); use coarser weights"
    )]
    WeightsTooFine(String),
    #[error("stage {stage} has more than {max} items")]
    TooManyItems { stage: String, max: u64 },
    #[error("response is for instrument {found}, not {expected}")]
    WrongInstrument { expected: String, found: String },
    #[error("response answers unknown item {0}")]
    UnknownItem(String),
    #[error("a row has {found} answers, the instrument {expected} items")]
    RowLength { expected: usize, found: usize },
    #[error("answer {value} to {id} is outside its scale")]
    OutOfScale { id: String, value: i64 },
    #[error("respondent.{field}: {value} is not an allowed value")]
    UnknownRespondentValue { field: &'static str, value: String },
    #[error("submitted_at: {0}")]
    BadTimestamp(String),
    #[error("a sum of the tally would overflow")]
    Overflow,
    #[error("tallies were made with different filters ({0})")]
    DifferentFilters(String),
    #[error("not a tally: {0}")]
    Corrupt(String),
    #[error(
        "tally format {found} is not supported: this build reads {supported}; \
         tally the responses again with this version of tiyan"
    )]
    UnsupportedFormat { found: String, supported: String },
}

/// The grouping of a cell (docs/scoring.md §7 `--group-by`, plus `all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    All,
    Hospital,
    Department,
    VisitType,
    Channel,
}

impl Dimension {
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::All => "all",
            Dimension::Hospital => "hospital",
            Dimension::Department => "department",
            Dimension::VisitType => "visit_type",
            Dimension::Channel => "channel",
        }
    }
}

/// Which responses a tally counts. A tally is made of single-dimension
/// cells, so a report restricted to one hospital *and* grouped by
/// department needs a tally of that hospital's responses: the filter is
/// applied when tallying, and the report states it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_type: Option<VisitType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

impl Filters {
    /// Whether the response passes every filter that is set.
    pub fn matches(&self, response: &Response) -> bool {
        self.matches_parts(
            &response.hospital,
            &response.department,
            response.visit_type,
            response.channel,
        )
    }

    /// [`Filters::matches`] for a response's parts (the dashboard's
    /// stored comments keep only these).
    pub fn matches_parts(
        &self,
        hospital: &str,
        department: &str,
        visit: VisitType,
        channel: Channel,
    ) -> bool {
        self.hospital.as_ref().is_none_or(|h| h == hospital)
            && self.department.as_ref().is_none_or(|d| d == department)
            && self.visit_type.is_none_or(|v| v == visit)
            && self.channel.is_none_or(|c| c == channel)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A respondent's case-mix answers, borrowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RespondentRef<'a> {
    pub age_band: Option<&'a str>,
    pub education: Option<&'a str>,
    pub self_rated_health: Option<i64>,
    pub answered_by: Option<&'a str>,
}

impl<'a> RespondentRef<'a> {
    pub fn of(respondent: &'a Respondent) -> RespondentRef<'a> {
        RespondentRef {
            age_band: respondent.age_band.as_deref(),
            education: respondent.education.as_deref(),
            self_rated_health: respondent.self_rated_health,
            answered_by: respondent.answered_by.as_deref(),
        }
    }
}

/// A response by position, as a CSV reader has it before (or instead of)
/// building a [`Response`]: `answers[i]` answers the i-th item of
/// `Instrument::items()` — the export's column order (docs/formats.md §3) —
/// `None` when not answered. For readers that stream millions of rows:
/// no map of item ids, no allocation per response.
#[derive(Debug, Clone, Copy)]
pub struct ResponseRow<'a> {
    pub instrument: &'a str,
    pub instrument_version: u32,
    pub hospital: &'a str,
    pub department: &'a str,
    pub visit_type: VisitType,
    pub channel: Channel,
    pub submitted_at: &'a str,
    pub answers: &'a [Option<Answer>],
    pub respondent: RespondentRef<'a>,
}

/// A month as `year·12 + month − 1`: orders chronologically, steps by 1.
pub(crate) fn month_key(ym: YearMonth) -> i32 {
    ym.year * 12 + i32::from(ym.month) - 1
}

pub(crate) fn year_month(key: i32) -> YearMonth {
    YearMonth {
        year: key.div_euclid(12),
        // rem_euclid(12) is in 0..12.
        month: key.rem_euclid(12) as u8 + 1,
    }
}

/// Identifies a cell: month, dimension and the value's id in its interner.
type CellId = (i32, Dimension, u32);

/// The five cells of a response: its month, and its value's id in each
/// dimension ([`CellKey::DIMENSIONS`] order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CellKey {
    month: i32,
    values: [u32; 5],
}

impl CellKey {
    const DIMENSIONS: [Dimension; 5] = [
        Dimension::All,
        Dimension::Hospital,
        Dimension::Department,
        Dimension::VisitType,
        Dimension::Channel,
    ];

    fn ids(self) -> [CellId; 5] {
        std::array::from_fn(|d| (self.month, CellKey::DIMENSIONS[d], self.values[d]))
    }
}

/// Strings (hospital codes, department names) numbered in order of first
/// appearance, so that the hot path hashes each once.
#[derive(Debug, Clone, Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }
}

/// Integer sufficient statistics of responses to one instrument.
#[derive(Debug, Clone)]
pub struct Tally {
    layout: Layout,
    filters: Filters,
    cells: Vec<Cell>,
    cell_ids: Vec<CellId>,
    index: FxHashMap<CellId, usize>,
    hospitals: Interner,
    departments: Interner,
    /// Scratch space for [`Tally::add`]; not part of the value.
    digest: Digest,
}

impl Tally {
    /// An empty tally for `instrument`, counting every response.
    ///
    /// Fails when a weight is not a positive multiple of 0.001 or the
    /// weights need too large a common denominator (see
    /// `docs/methodology.md`, "Integer scores").
    pub fn new(instrument: &Instrument) -> Result<Tally, TallyError> {
        Tally::with_filters(instrument, Filters::default())
    }

    /// An empty tally that counts only the responses passing `filters`.
    pub fn with_filters(instrument: &Instrument, filters: Filters) -> Result<Tally, TallyError> {
        let layout = Layout::new(instrument)?;
        let digest = Digest::new(&layout);
        Ok(Tally {
            layout,
            filters,
            cells: Vec::new(),
            cell_ids: Vec::new(),
            index: FxHashMap::default(),
            hospitals: Interner::default(),
            departments: Interner::default(),
            digest,
        })
    }

    /// The instrument id and version the tally counts responses of.
    pub fn instrument(&self) -> (&str, u32) {
        (&self.layout.id, self.layout.version)
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Responses counted.
    pub fn responses(&self) -> u64 {
        self.cells_of(Dimension::All)
            .map(|(_, _, cell)| cell.n)
            .sum()
    }

    /// Months with at least one response, in order.
    pub fn months(&self) -> Vec<YearMonth> {
        let mut months: Vec<i32> = self
            .cell_ids
            .iter()
            .filter(|(_, d, _)| *d == Dimension::All)
            .map(|(m, _, _)| *m)
            .collect();
        months.sort_unstable();
        months.into_iter().map(year_month).collect()
    }

    /// Counts one response, which must be valid for the instrument
    /// (`validate::validate`); responses outside the tally's filters are
    /// skipped. Returns whether the response was counted.
    ///
    /// Refuses (and leaves the tally unchanged for) a response to another
    /// instrument, with an unknown item, out-of-scale value, unknown
    /// respondent value or a `submitted_at` that is not UTC RFC 3339.
    pub fn add(&mut self, response: &Response) -> Result<bool, TallyError> {
        match self.digest_response(response)? {
            Some(key) => self.add_digest(key).map(|()| true),
            None => Ok(false),
        }
    }

    /// [`Tally::add`] for a response given by position ([`ResponseRow`]);
    /// the same response counts the same either way.
    pub fn add_row(&mut self, row: &ResponseRow<'_>) -> Result<bool, TallyError> {
        match self.digest_row(row)? {
            Some(key) => self.add_digest(key).map(|()| true),
            None => Ok(false),
        }
    }

    /// Reduces `response` into the digest; the key of its cells, or `None`
    /// when the filters leave it out.
    fn digest_response(&mut self, response: &Response) -> Result<Option<CellKey>, TallyError> {
        self.check_instrument(&response.instrument, response.instrument_version)?;
        if !self.filters.matches(response) {
            return Ok(None);
        }
        let month = month_of(&response.submitted_at)?;
        self.digest.fill(&self.layout, response)?;
        Ok(Some(self.key(
            month,
            &response.hospital,
            &response.department,
            response.visit_type,
            response.channel,
        )))
    }

    /// [`Tally::digest_response`] for a row.
    fn digest_row(&mut self, row: &ResponseRow<'_>) -> Result<Option<CellKey>, TallyError> {
        self.check_instrument(row.instrument, row.instrument_version)?;
        if !self
            .filters
            .matches_parts(row.hospital, row.department, row.visit_type, row.channel)
        {
            return Ok(None);
        }
        let month = month_of(row.submitted_at)?;
        self.digest
            .fill_row(&self.layout, row.answers, &row.respondent)?;
        Ok(Some(self.key(
            month,
            row.hospital,
            row.department,
            row.visit_type,
            row.channel,
        )))
    }

    fn key(
        &mut self,
        month: i32,
        hospital: &str,
        department: &str,
        visit_type: VisitType,
        channel: Channel,
    ) -> CellKey {
        CellKey {
            month,
            values: [
                0,
                self.hospitals.id(hospital),
                self.departments.id(department),
                visit_type_id(visit_type),
                channel_id(channel),
            ],
        }
    }

    fn check_instrument(&self, id: &str, version: u32) -> Result<(), TallyError> {
        if id != self.layout.id || version != self.layout.version {
            return Err(TallyError::WrongInstrument {
                expected: format!("{} v{}", self.layout.id, self.layout.version),
                found: format!("{id} v{version}"),
            });
        }
        Ok(())
    }

    /// The positions of a response's five cells, created if new.
    fn positions(&mut self, key: CellKey) -> [usize; 5] {
        key.ids().map(|id| self.cell_position(id))
    }

    /// Adds the filled digest to the response's five cells.
    fn add_digest(&mut self, key: CellKey) -> Result<(), TallyError> {
        let positions = self.positions(key);
        if positions
            .iter()
            .any(|&p| self.cells[p].n >= cell::MAX_CELL_RESPONSES)
        {
            return Err(TallyError::Overflow);
        }
        for p in positions {
            self.cells[p].add(&self.digest);
        }
        Ok(())
    }

    /// Adds `other` into `self`: afterwards `self` is the tally of both sets
    /// of responses. Refuses a tally of another instrument (id, version or
    /// definition) or with other filters; on error `self` is unchanged.
    pub fn merge(&mut self, other: &Tally) -> Result<(), TallyError> {
        if self.layout.id != other.layout.id || self.layout.version != other.layout.version {
            return Err(TallyError::WrongInstrument {
                expected: format!("{} v{}", self.layout.id, self.layout.version),
                found: format!("{} v{}", other.layout.id, other.layout.version),
            });
        }
        if self.layout != other.layout {
            return Err(TallyError::WrongInstrument {
                expected: format!("{} v{}", self.layout.id, self.layout.version),
                found: "a different definition with the same id and version".to_string(),
            });
        }
        if self.filters != other.filters {
            return Err(TallyError::DifferentFilters(format!(
                "{:?} and {:?}",
                self.filters, other.filters
            )));
        }
        let mut merged = self.clone();
        for (id, cell) in other.named_cells() {
            let p = merged.cell_position_named(id.0, id.1, id.2);
            merged.cells[p].merge(cell)?;
        }
        *self = merged;
        Ok(())
    }

    pub(crate) fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Cells of one dimension: (month key, value name, cell).
    pub(crate) fn cells_of(
        &self,
        dimension: Dimension,
    ) -> impl Iterator<Item = (i32, &str, &Cell)> {
        self.cell_ids
            .iter()
            .zip(&self.cells)
            .filter(move |((_, d, _), _)| *d == dimension)
            .map(|(&(month, d, value), cell)| (month, self.value_name(d, value), cell))
    }

    /// Every non-empty cell with its key as names, in canonical order.
    fn named_cells(&self) -> BTreeMap<(i32, Dimension, &str), &Cell> {
        self.cell_ids
            .iter()
            .zip(&self.cells)
            .filter(|(_, cell)| cell.n > 0)
            .map(|(&(month, d, value), cell)| ((month, d, self.value_name(d, value)), cell))
            .collect()
    }

    fn value_name(&self, dimension: Dimension, value: u32) -> &str {
        match dimension {
            Dimension::All => "all",
            Dimension::Hospital => &self.hospitals.names[value as usize],
            Dimension::Department => &self.departments.names[value as usize],
            Dimension::VisitType => VisitType::ALL[value as usize].as_str(),
            Dimension::Channel => Channel::ALL[value as usize].as_str(),
        }
    }

    fn cell_position(&mut self, id: CellId) -> usize {
        if let Some(&p) = self.index.get(&id) {
            return p;
        }
        let p = self.cells.len();
        self.cells
            .push(Cell::new(&self.layout, id.1 == Dimension::All));
        self.cell_ids.push(id);
        self.index.insert(id, p);
        p
    }

    /// Position of the cell named `(month, dimension, value)`, created if
    /// absent. Visit type and channel names come from a tally of the same
    /// layout, so they are known.
    fn cell_position_named(&mut self, month: i32, dimension: Dimension, value: &str) -> usize {
        let value = match dimension {
            Dimension::All => 0,
            Dimension::Hospital => self.hospitals.id(value),
            Dimension::Department => self.departments.id(value),
            Dimension::VisitType => VisitType::parse(value).map_or(0, visit_type_id),
            Dimension::Channel => Channel::parse(value).map_or(0, channel_id),
        };
        self.cell_position((month, dimension, value))
    }
}

/// Equal tallies count the same responses: same instrument definition,
/// filters and cells, whatever order the responses came in.
impl PartialEq for Tally {
    fn eq(&self, other: &Tally) -> bool {
        self.layout == other.layout
            && self.filters == other.filters
            && self.named_cells() == other.named_cells()
    }
}

/// The month key of a `submitted_at`.
fn month_of(submitted_at: &str) -> Result<i32, TallyError> {
    let t = Timestamp::parse(submitted_at).map_err(|e| TallyError::BadTimestamp(e.to_string()))?;
    Ok(month_key(t.year_month()))
}

fn visit_type_id(v: VisitType) -> u32 {
    VisitType::ALL.iter().position(|&x| x == v).unwrap_or(0) as u32
}

fn channel_id(c: Channel) -> u32 {
    Channel::ALL.iter().position(|&x| x == c).unwrap_or(0) as u32
}
