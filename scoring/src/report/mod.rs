//! The report (docs/formats.md §4): every statistic of docs/scoring.md for the
//! current period, per group, with baseline comparisons and optional
//! case-mix adjustment — computed from a [`Tally`] alone.

mod canonical;
mod case_mix;
mod compare;
mod describe;
mod model;
mod options;
mod trend;

use std::collections::BTreeMap;

use thiserror::Error;

pub use crate::tally::Filters;
pub use canonical::{round_sig, to_canonical_json, SIGNIFICANT_DIGITS};
pub use model::{
    CaseMix, CaseMixModel, Coefficient, Comparison, Counts, DateRange, Driver, Group, GroupStats,
    IndexStats, InstrumentRef, ItemStats, Level, Nps, Periods, Quadrant, Report, ReportOptions,
    Scope, StageStats, Verdict, METHODOLOGY_VERSION,
};
pub use options::{
    GroupBy, GroupByError, Period, PeriodError, ScoreOptions, DEFAULT_MIN_COMPARE,
    DEFAULT_SUPPRESS_BELOW,
};
pub use trend::{trend, MonthPoint, MonthStats, StagePoint, TrendOptions};

use crate::instrument::Instrument;
use crate::stats::moments::Unit;
use crate::tally::{Cell, Dimension, Layout, Tally, TallyError};
use describe::{index_unit, item_unit, stage_unit, Numbers};

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScoreError {
    #[error("the tally counts responses to {tally}, not to instrument {instrument}")]
    InstrumentMismatch { tally: String, instrument: String },
    #[error("the instrument cannot be scored: {0}")]
    Instrument(#[from] TallyError),
    #[error("the baseline {baseline} overlaps the current period {current}")]
    OverlappingPeriods { current: Period, baseline: Period },
    #[error("a sum over the period would overflow")]
    Overflow,
}

/// Scores the responses counted in `tally` (docs/scoring.md §1–§7).
///
/// Groups: `all`, then one per value of `options.group_by` seen in the
/// current period, in byte order of the value. A group with fewer than
/// `suppress_below` current responses is suppressed. Comparisons are made
/// when `options.baseline` is given; case-mix adjustment when
/// `options.case_mix` is set.
pub fn score(
    instrument: &Instrument,
    tally: &Tally,
    options: &ScoreOptions,
) -> Result<Report, ScoreError> {
    let layout = checked_layout(instrument, tally)?;
    if let Some(baseline) = options.baseline {
        if baseline.overlaps(&options.current) {
            return Err(ScoreError::OverlappingPeriods {
                current: options.current,
                baseline,
            });
        }
    }

    let current_all = aggregate(tally, Dimension::All, &options.current)?
        .remove("all")
        .unwrap_or_else(|| Cell::new(layout, true));
    let baseline_all = match options.baseline {
        Some(b) => Some(
            aggregate(tally, Dimension::All, &b)?
                .remove("all")
                .unwrap_or_else(|| Cell::new(layout, true)),
        ),
        None => None,
    };
    let models = options.case_mix.then(|| fit_models(layout, &current_all));

    let context = GroupContext {
        layout,
        options,
        all: &current_all,
        models: models.as_ref(),
        empty: Cell::new(layout, false),
    };
    let mut groups = vec![context.group("all", &current_all, baseline_all.as_ref())];
    if let Some(by) = options.group_by {
        let current = aggregate(tally, by.dimension(), &options.current)?;
        let baseline = match options.baseline {
            Some(b) => Some(aggregate(tally, by.dimension(), &b)?),
            None => None,
        };
        for (key, cell) in &current {
            let base = baseline
                .as_ref()
                .map(|b| b.get(key).unwrap_or(&context.empty));
            groups.push(context.group(key, cell, base));
        }
    }

    let case_mix = models.map(|models| model::CaseMix {
        applied: true,
        models: outcomes(layout)
            .zip(&models)
            .filter_map(|((scope, id, _), m)| {
                m.as_ref()
                    .map(|m| case_mix::describe(layout, scope, &id, m))
            })
            .collect(),
    });

    Ok(Report {
        instrument: InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version,
        },
        methodology_version: METHODOLOGY_VERSION,
        options: ReportOptions {
            period: options.current.to_string(),
            baseline: options.baseline.map(|b| b.to_string()),
            group_by: options.group_by,
            case_mix: options.case_mix,
            suppress_below: options.suppress_below,
            min_compare: options.min_compare,
            filters: tally.filters().clone(),
        },
        periods: Periods {
            current: date_range(&options.current),
            baseline: options.baseline.as_ref().map(date_range),
        },
        skipped_invalid: 0,
        groups,
        case_mix,
    })
}

/// The tally's layout, if it was made for this very instrument.
fn checked_layout<'a>(instrument: &Instrument, tally: &'a Tally) -> Result<&'a Layout, ScoreError> {
    let layout = tally.layout();
    if Layout::new(instrument)? != *layout {
        let (id, version) = tally.instrument();
        return Err(ScoreError::InstrumentMismatch {
            tally: format!("{id} v{version}"),
            instrument: format!("{} v{}", instrument.id, instrument.version),
        });
    }
    Ok(layout)
}

fn date_range(period: &Period) -> DateRange {
    DateRange {
        from: period.from_date(),
        to: period.to_date(),
    }
}

/// The cells of `dimension` in `period`, summed per value (exact integer
/// sums: the order of months and cells does not matter).
fn aggregate(
    tally: &Tally,
    dimension: Dimension,
    period: &Period,
) -> Result<BTreeMap<String, Cell>, ScoreError> {
    let layout = tally.layout();
    let mut sums: BTreeMap<String, Cell> = BTreeMap::new();
    for (month, value, cell) in tally.cells_of(dimension) {
        if cell.n == 0 || !period.contains(month) {
            continue;
        }
        sums.entry(value.to_string())
            .or_insert_with(|| Cell::new(layout, dimension == Dimension::All))
            .merge(cell)
            .map_err(|_| ScoreError::Overflow)?;
    }
    Ok(sums)
}

/// Every outcome of the report in order — items, stages, the index — with
/// its scope, id and unit.
fn outcomes(layout: &Layout) -> impl Iterator<Item = (Scope, String, Unit)> + '_ {
    let items = layout
        .items
        .iter()
        .map(|item| (Scope::Item, item.id.clone(), item_unit(layout)));
    let stages = layout
        .stages
        .iter()
        .enumerate()
        .map(move |(s, stage)| (Scope::Stage, stage.id.clone(), stage_unit(layout, s)));
    let index = std::iter::once((Scope::Index, "index".to_string(), index_unit(layout)));
    items.chain(stages).chain(index)
}

fn fit_models(layout: &Layout, all: &Cell) -> Vec<Option<case_mix::Model>> {
    outcomes(layout)
        .enumerate()
        .map(|(outcome, (_, _, unit))| case_mix::fit(layout, all, outcome, unit))
        .collect()
}

/// What every group of one report shares.
struct GroupContext<'a> {
    layout: &'a Layout,
    options: &'a ScoreOptions,
    all: &'a Cell,
    models: Option<&'a Vec<Option<case_mix::Model>>>,
    empty: Cell,
}

impl GroupContext<'_> {
    fn group(&self, key: &str, current: &Cell, baseline: Option<&Cell>) -> Group {
        if current.n < self.options.suppress_below {
            return Group {
                key: key.to_string(),
                suppressed: true,
                stats: None,
            };
        }
        let layout = self.layout;
        let numbers = Numbers::of(layout, current);
        let mut items = describe::item_stats(layout, current, &numbers);
        let mut stages = describe::stage_stats(layout, current);
        let mut index = describe::index_stats(layout, current);
        if let Some(models) = self.models {
            let adjust = |outcome: usize, mean: Option<f64>| {
                let adjusted = models[outcome].as_ref().and_then(|m| {
                    case_mix::adjusted_mean(layout, m, current, self.all, outcome, mean)
                });
                Some(canonical::num(adjusted))
            };
            for (i, item) in items.iter_mut().enumerate() {
                let mean = numbers.items[i].moments.summary(item_unit(layout)).mean;
                item.adjusted_mean = adjust(i, mean);
            }
            for (s, stage) in stages.iter_mut().enumerate() {
                let mean = current.stages[s].summary(stage_unit(layout, s)).mean;
                stage.adjusted_mean = adjust(layout.stage_outcome(s), mean);
            }
            let mean = current.index.summary(index_unit(layout)).mean;
            index.adjusted_mean = adjust(layout.index_outcome(), mean);
        }
        let comparisons = match baseline {
            Some(baseline) => compare::comparisons(
                layout,
                &numbers,
                &Numbers::of(layout, baseline),
                self.options.min_compare,
            ),
            None => Vec::new(),
        };
        Group {
            key: key.to_string(),
            suppressed: false,
            stats: Some(GroupStats {
                n: current.n,
                items,
                stages,
                index,
                nps: describe::nps(layout, current),
                drivers: describe::drivers(layout, current, &numbers),
                comparisons,
            }),
        }
    }
}
