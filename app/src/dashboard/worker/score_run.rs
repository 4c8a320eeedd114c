//! From the dashboard's filters to `scoring::report`: the options, the
//! report's canonical bytes and the monthly trend.

use std::fmt;

use scoring::instrument::Instrument;
use scoring::report::{
    score, to_canonical_json, trend, MonthPoint, Period, Report, ScoreError, ScoreOptions,
    TrendOptions,
};
use scoring::tally::Tally;

use crate::dashboard::filters::{DateRange, Filters};
use crate::dashboard::protocol::{TrendData, TrendMonth};

/// Why a report could not be made from the loaded data.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreFailure {
    NoInstrument,
    Tally(String),
    /// The scoring crate counts whole months: a period must start and end
    /// on the first of a month.
    NotWholeMonths(DateRange),
    Score(ScoreError),
}

impl fmt::Display for ScoreFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreFailure::NoInstrument => f.write_str("no instrument loaded"),
            ScoreFailure::Tally(e) => write!(f, "could not tally the responses: {e}"),
            ScoreFailure::NotWholeMonths(r) => write!(
                f,
                "the period {} .. {} is not whole months: periods start and end on the 1st",
                r.from, r.to
            ),
            ScoreFailure::Score(e) => e.fmt(f),
        }
    }
}

/// The scoring crate's period for a date range of whole months.
pub fn period(range: &DateRange) -> Result<Period, ScoreFailure> {
    if let Some(year) = range.as_year() {
        return Ok(Period::year(year));
    }
    let month = |date: &str| {
        date.strip_suffix("-01")
            .filter(|m| m.len() == 7)
            .map(str::to_owned)
    };
    match (month(&range.from), month(&range.to)) {
        (Some(from), Some(to)) => Period::parse(&format!("{from}..{to}"))
            .map_err(|_| ScoreFailure::NotWholeMonths(range.clone())),
        _ => Err(ScoreFailure::NotWholeMonths(range.clone())),
    }
}

/// The options as `tiyan score` takes them: what the filter bar sets, and
/// scoring's defaults for the rest (the comparison minimum of
/// docs/scoring.md §5, which the dashboard does not change).
pub fn score_options(filters: &Filters) -> Result<ScoreOptions, ScoreFailure> {
    let current = period(&filters.current)?;
    Ok(ScoreOptions {
        baseline: filters.baseline.as_ref().map(period).transpose()?,
        group_by: filters.group_by,
        case_mix: filters.case_mix,
        suppress_below: filters.suppress_below,
        ..ScoreOptions::new(current)
    })
}

/// What the page receives of a report.
pub struct ScoredReport {
    /// The canonical JSON, with `skipped_invalid` set to the invalid
    /// records left out when reading.
    pub json: String,
    /// The same report, for the views.
    pub report: Report,
    /// Monthly means over the months of the two periods.
    pub trend: TrendData,
}

/// Scores `tally` (already restricted to the filters' subset).
pub fn score_report(
    instrument: &Instrument,
    tally: &Tally,
    filters: &Filters,
    skipped_invalid: u64,
) -> Result<ScoredReport, ScoreFailure> {
    let options = score_options(filters)?;
    let mut report = score(instrument, tally, &options).map_err(ScoreFailure::Score)?;
    report.skipped_invalid = skipped_invalid;
    let months = trend(
        instrument,
        tally,
        &TrendOptions {
            group: None,
            suppress_below: filters.suppress_below,
        },
    )
    .map_err(ScoreFailure::Score)?;
    Ok(ScoredReport {
        json: to_canonical_json(&report),
        report,
        trend: trend_data(&months, filters),
    })
}

/// The months of `points` inside the span of the periods, as plain data
/// for the page. A suppressed month keeps its place with no number.
pub fn trend_data(points: &[MonthPoint], filters: &Filters) -> TrendData {
    let ranges = filters.ranges();
    let month = |date: &str| date.get(..7).unwrap_or(date).to_owned();
    let first = ranges
        .iter()
        .map(|r| month(&r.from))
        .min()
        .unwrap_or_default();
    let last = ranges
        .iter()
        .map(|r| month(&r.to))
        .max()
        .unwrap_or_default();
    TrendData {
        months: points
            .iter()
            .filter(|p| first <= p.month && p.month < last)
            .map(|p| match &p.stats {
                Some(s) => TrendMonth {
                    month: p.month.clone(),
                    suppressed: false,
                    n: s.n,
                    index: s.index,
                    stages: s.stages.iter().map(|st| (st.id.clone(), st.mean)).collect(),
                },
                None => TrendMonth {
                    month: p.month.clone(),
                    suppressed: true,
                    n: 0,
                    index: None,
                    stages: Vec::new(),
                },
            })
            .collect(),
    }
}
