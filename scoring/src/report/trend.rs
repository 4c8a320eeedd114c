//! Monthly series for the dashboard: the index and stage means per month.

use serde::{Deserialize, Serialize};

use super::canonical::num;
use super::describe::{index_unit, stage_unit};
use super::options::GroupBy;
use super::{checked_layout, ScoreError};
use crate::instrument::Instrument;
use crate::tally::{year_month, Cell, Dimension, Tally};

/// Which series to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendOptions {
    /// `None`: every response; else one group value, e.g.
    /// `(GroupBy::Hospital, "H001")`.
    pub group: Option<(GroupBy, String)>,
    /// Months with fewer responses are suppressed (docs/scoring.md §7).
    pub suppress_below: u64,
}

/// One month of the series. A suppressed month has only `month` and
/// `suppressed`, like a suppressed group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    pub suppressed: bool,
    #[serde(flatten, default)]
    pub stats: Option<MonthStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    pub n: u64,
    /// Respondents with an index, and its mean (0–100).
    pub index_n: u64,
    pub index: Option<f64>,
    pub stages: Vec<StagePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StagePoint {
    pub id: String,
    pub n: u64,
    pub mean: Option<f64>,
}

/// Every month from the tally's first to its last (months without
/// responses included, so the axis has no gaps), for the chosen series.
/// Means are docs/scoring.md §2's, rounded like the report.
pub fn trend(
    instrument: &Instrument,
    tally: &Tally,
    options: &TrendOptions,
) -> Result<Vec<MonthPoint>, ScoreError> {
    let layout = checked_layout(instrument, tally)?;
    let (dimension, value) = match &options.group {
        None => (Dimension::All, "all"),
        Some((by, value)) => (by.dimension(), value.as_str()),
    };
    let months: Vec<i32> = tally
        .months()
        .into_iter()
        .map(crate::tally::month_key)
        .collect();
    let (Some(&first), Some(&last)) = (months.first(), months.last()) else {
        return Ok(Vec::new());
    };
    let empty = Cell::new(layout, false);
    let cells: std::collections::BTreeMap<i32, &Cell> = tally
        .cells_of(dimension)
        .filter(|(_, v, _)| *v == value)
        .map(|(month, _, cell)| (month, cell))
        .collect();
    Ok((first..=last)
        .map(|month| {
            let cell = cells.get(&month).copied().unwrap_or(&empty);
            let label = year_month(month).to_string();
            if cell.n < options.suppress_below {
                return MonthPoint {
                    month: label,
                    suppressed: true,
                    stats: None,
                };
            }
            let index = cell.index.summary(index_unit(layout));
            MonthPoint {
                month: label,
                suppressed: false,
                stats: Some(MonthStats {
                    n: cell.n,
                    index_n: index.n,
                    index: num(index.mean),
                    stages: layout
                        .stages
                        .iter()
                        .enumerate()
                        .map(|(s, stage)| {
                            let summary = cell.stages[s].summary(stage_unit(layout, s));
                            StagePoint {
                                id: stage.id.clone(),
                                n: summary.n,
                                mean: num(summary.mean),
                            }
                        })
                        .collect(),
                }),
            }
        })
        .collect())
}
