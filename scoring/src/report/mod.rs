//! The report (docs/formats.md §4): every statistic of docs/scoring.md for the
//! current period, per group, with baseline comparisons and optional
//! case-mix adjustment — computed from a [`Tally`] alone.

mod canonical;
mod case_mix;
mod compare;
mod describe;
mod lookup;
mod model;
mod model_v2;
mod names;
mod options;
mod spc;
mod suppression;
mod trend;
mod units;

use std::collections::BTreeMap;

use thiserror::Error;

pub use crate::tally::Filters;
pub(crate) use canonical::num;
pub use canonical::{round_sig, to_canonical_json, SIGNIFICANT_DIGITS};
pub use lookup::INDEX_ID;
pub use model::{
    CaseMix, CaseMixModel, Coefficient, Comparison, Counts, DateRange, Driver, Group, GroupStats,
    IndexStats, InstrumentRef, ItemStats, Level, Nps, Periods, Quadrant, Report, ReportOptions,
    Scope, StageStats, Verdict, METHODOLOGY_VERSION,
};
pub use model_v2::{
    Band, Reference, Rule, Side, Signal, SpcChart, SpcPoint, UnitMeasure, UnitRow, UnitVerdict,
    Units,
};
pub use options::{
    GroupBy, GroupByError, Period, PeriodError, ScoreOptions, DEFAULT_MIN_COMPARE,
    DEFAULT_MIN_DIFFERENCE, DEFAULT_SUPPRESS_BELOW, DEFAULT_TARGET_RELIABILITY,
};
pub(crate) use suppression::suppressed;
pub use trend::{trend, MonthPoint, MonthStats, StagePoint, TrendOptions};

use crate::instrument::Instrument;
use crate::stats::moments::{Moments, Unit};
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
    #[error("option {name}: {value} is not {expected}")]
    BadOption {
        name: &'static str,
        value: f64,
        expected: &'static str,
    },
}

/// Scores the responses counted in `tally` (docs/scoring.md §1–§13).
///
/// Groups: `all`, then one per value of `options.group_by` seen in the
/// current period, in byte order of the value. A group with fewer than
/// `suppress_below` current responses is suppressed, and so are the
/// smallest others while the suppressed ones together hold fewer (§12).
/// Comparisons are made when `options.baseline` is given; case-mix
/// adjustment when `options.case_mix` is set. The non-suppressed groups
/// are compared with each other (`units`, §10) and each has its XmR
/// charts (§11).
pub fn score(
    instrument: &Instrument,
    tally: &Tally,
    options: &ScoreOptions,
) -> Result<Report, ScoreError> {
    let layout = checked_layout(instrument, tally)?;
    check_options(options)?;
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
    let all_months = monthly(tally, Dimension::All, options);
    let no_months = Vec::new();
    let mut groups = vec![context.group(
        "all",
        &current_all,
        baseline_all.as_ref(),
        current_all.n < options.suppress_below,
        all_months.get("all").unwrap_or(&no_months),
    )];
    let mut units = None;
    if let Some(by) = options.group_by {
        let current = aggregate(tally, by.dimension(), &options.current)?;
        let baseline = match options.baseline {
            Some(b) => Some(aggregate(tally, by.dimension(), &b)?),
            None => None,
        };
        let months = monthly(tally, by.dimension(), options);
        let sizes: Vec<(&str, u64)> = current.iter().map(|(k, c)| (k.as_str(), c.n)).collect();
        let hidden = suppression::suppressed(&sizes, options.suppress_below);
        let mut shown = Vec::new();
        for ((key, cell), hidden) in current.iter().zip(hidden) {
            let base = baseline
                .as_ref()
                .map(|b| b.get(key).unwrap_or(&context.empty));
            let months = months.get(key.as_str()).unwrap_or(&no_months);
            groups.push(context.group(key, cell, base, hidden, months));
            if !hidden {
                shown.push(units::Shown {
                    key: key.as_str(),
                    cell,
                });
            }
        }
        units = units::units(layout, options, &shown, &current_all, models.as_ref());
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
            min_difference: canonical::round_sig(options.min_difference).unwrap_or(0.0),
            target_reliability: canonical::round_sig(options.target_reliability).unwrap_or(0.0),
            filters: tally.filters().clone(),
        },
        periods: Periods {
            current: date_range(&options.current),
            baseline: options.baseline.as_ref().map(date_range),
        },
        skipped_invalid: 0,
        groups,
        units,
        case_mix,
    })
}

/// The options of docs/scoring.md §13 in their ranges.
fn check_options(options: &ScoreOptions) -> Result<(), ScoreError> {
    let min_difference = options.min_difference;
    if !(min_difference.is_finite() && min_difference >= 0.0) {
        return Err(ScoreError::BadOption {
            name: "min_difference",
            value: min_difference,
            expected: "a number of points ≥ 0",
        });
    }
    let target = options.target_reliability;
    if !(target > 0.0 && target < 1.0) {
        return Err(ScoreError::BadOption {
            name: "target_reliability",
            value: target,
            expected: "strictly between 0 and 1",
        });
    }
    Ok(())
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

/// Per value of `dimension`, its monthly cells (ascending) from the start
/// of the baseline (or the current period without one) to the end of the
/// current period: the span of the XmR charts (docs/scoring.md §11).
fn monthly<'a>(
    tally: &'a Tally,
    dimension: Dimension,
    options: &ScoreOptions,
) -> BTreeMap<&'a str, Vec<(i32, &'a Cell)>> {
    let (from, to) = (
        options.baseline.unwrap_or(options.current).month_keys().0,
        options.current.month_keys().1,
    );
    let mut out: BTreeMap<&str, Vec<(i32, &Cell)>> = BTreeMap::new();
    for (month, value, cell) in tally.cells_of(dimension) {
        if from <= month && month < to && cell.n > 0 {
            out.entry(value).or_default().push((month, cell));
        }
    }
    for cells in out.values_mut() {
        cells.sort_unstable_by_key(|&(month, _)| month);
    }
    out
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
    let index = std::iter::once((Scope::Index, INDEX_ID.to_string(), index_unit(layout)));
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
    fn group(
        &self,
        key: &str,
        current: &Cell,
        baseline: Option<&Cell>,
        suppressed: bool,
        months: &[(i32, &Cell)],
    ) -> Group {
        if suppressed {
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
                spc: self.spc(months),
            }),
        }
    }

    /// The XmR charts of the index, then each stage (docs/scoring.md §11).
    fn spc(&self, months: &[(i32, &Cell)]) -> Vec<Option<SpcChart>> {
        let layout = self.layout;
        let baseline = self.options.baseline;
        let in_baseline = |month: i32| baseline.is_some_and(|b| b.contains(month));
        let series = |pick: &dyn Fn(&Cell) -> Moments| -> Vec<spc::Month> {
            months
                .iter()
                .map(|&(key, cell)| spc::Month {
                    key,
                    moments: pick(cell),
                })
                .collect()
        };
        let mut charts = vec![spc::chart(
            Scope::Index,
            "index",
            index_unit(layout),
            &series(&|c| c.index),
            &in_baseline,
        )];
        for (s, stage) in layout.stages.iter().enumerate() {
            charts.push(spc::chart(
                Scope::Stage,
                &stage.id,
                stage_unit(layout, s),
                &series(&|c| c.stages[s]),
                &in_baseline,
            ));
        }
        charts
    }
}
