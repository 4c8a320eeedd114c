//! Units against each other (docs/scoring.md §10): one measure of the
//! report's `units` at a time, as a sortable table and a funnel plot.
//! The numbers are the report's; this only chooses, labels and orders.

use std::cmp::Ordering;

use crate::dashboard::labels::Labels;
use scoring::present::funnel::{measure_curves_from, FunnelCurves};
use scoring::report::{Band, Report, Scope, UnitMeasure, UnitRow};

/// A measure the selector offers: `index`, `stage:<id>` or `item:<id>`.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureChoice {
    pub key: String,
    pub label: String,
}

pub fn measure_key(scope: Scope, id: &str) -> String {
    match scope {
        Scope::Index => "index".to_owned(),
        Scope::Stage => format!("stage:{id}"),
        Scope::Item => format!("item:{id}"),
    }
}

/// Every measure of the report's units, in report order (the index, the
/// stages, the items); empty when the report has no units.
pub fn measure_choices(report: &Report, labels: &Labels) -> Vec<MeasureChoice> {
    report
        .units
        .iter()
        .flat_map(|u| &u.measures)
        .map(|m| MeasureChoice {
            key: measure_key(m.scope, &m.id),
            label: labels.scoped(m.scope, &m.id),
        })
        .collect()
}

/// The measure named by `key`, or the first (the index) when no measure
/// has that key.
pub fn find_measure<'a>(report: &'a Report, key: &str) -> Option<&'a UnitMeasure> {
    let measures = &report.units.as_ref()?.measures;
    measures
        .iter()
        .find(|m| measure_key(m.scope, &m.id) == key)
        .or_else(|| measures.first())
}

/// A column the unit table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Key,
    N,
    Mean,
    Diff,
    Band,
    Reliability,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            key: SortKey::Key,
            descending: false,
        }
    }
}

impl Sort {
    /// The same column flips direction; another starts with the unit key
    /// ascending and every other column with the largest (best band) first.
    pub fn toggle(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: if self.key == key {
                !self.descending
            } else {
                key != SortKey::Key
            },
        }
    }
}

/// Best band first: much better 4 … much worse 0, no band below all.
fn band_rank(band: Option<Band>) -> i8 {
    match band {
        Some(Band::MuchBetter) => 4,
        Some(Band::Better) => 3,
        Some(Band::AsExpected) => 2,
        Some(Band::Worse) => 1,
        Some(Band::MuchWorse) => 0,
        None => -1,
    }
}

/// Missing numbers sort last in either direction; ties keep key order.
fn by_number(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.total_cmp(&y);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

pub fn sort_units(rows: &mut [UnitRow], sort: Sort) {
    rows.sort_by(|a, b| {
        let d = sort.descending;
        let primary = match sort.key {
            SortKey::Key => {
                let o = a.key.cmp(&b.key);
                if d {
                    o.reverse()
                } else {
                    o
                }
            }
            SortKey::N => by_number(Some(a.n as f64), Some(b.n as f64), d),
            SortKey::Mean => by_number(a.mean, b.mean, d),
            SortKey::Diff => by_number(a.diff, b.diff, d),
            SortKey::Band => {
                let o = band_rank(a.band).cmp(&band_rank(b.band));
                if d {
                    o.reverse()
                } else {
                    o
                }
            }
            SortKey::Reliability => by_number(a.reliability, b.reliability, d),
        };
        primary.then_with(|| a.key.cmp(&b.key))
    });
}

/// The funnel's curves (`scoring::present::funnel`), starting at
/// `n_start` when that is below the smallest unit's n, so the funnel's
/// opening shows across the plot.
pub fn funnel_curves(measure: &UnitMeasure, n_start: f64, samples: usize) -> Option<FunnelCurves> {
    measure_curves_from(measure, n_start, samples)
}
