//! Baseline vs current for the index, every stage and every item
//! (docs/scoring.md §5), as a sortable table.

use std::cmp::Ordering;

use crate::dashboard::labels::Labels;
use scoring::report::{GroupStats, Scope, Verdict};

#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub scope: Scope,
    pub id: String,
    pub label: String,
    pub baseline_n: u64,
    pub baseline_mean: Option<f64>,
    pub current_n: u64,
    pub current_mean: Option<f64>,
    pub diff: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub q: Option<f64>,
    pub cohen_d: Option<f64>,
    pub verdict: Verdict,
    /// Position in the report (items, stages, the index, each in
    /// instrument order): the tie-breaker of every sort.
    pub position: usize,
}

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The index, then the stages, then the items, each in report order.
    Report,
    Label,
    BaselineMean,
    CurrentMean,
    Diff,
    Q,
    EffectSize,
    Verdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            key: SortKey::Report,
            descending: false,
        }
    }
}

impl Sort {
    /// Clicking a column header: the same column flips direction, another
    /// column starts with its most useful direction (largest differences
    /// and effects first, smallest q first).
    pub fn toggle(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: matches!(key, SortKey::Diff | SortKey::EffectSize),
            }
        }
    }
}

/// Every comparison of `group`, labelled, in report order.
pub fn comparison_rows(group: &GroupStats, labels: &Labels) -> Vec<ComparisonRow> {
    group
        .comparisons
        .iter()
        .enumerate()
        .map(|(position, c)| ComparisonRow {
            scope: c.scope,
            id: c.id.clone(),
            label: labels.scoped(c.scope, &c.id),
            baseline_n: c.baseline_n,
            baseline_mean: c.baseline_mean,
            current_n: c.current_n,
            current_mean: c.current_mean,
            diff: c.diff,
            ci_low: c.ci_low,
            ci_high: c.ci_high,
            q: c.q,
            cohen_d: c.cohen_d,
            verdict: c.verdict,
            position,
        })
        .collect()
}

/// Sorts in place. Rows whose sort value is `null` go last in either
/// direction: a missing statistic is never "the largest".
pub fn sort_rows(rows: &mut [ComparisonRow], sort: Sort) {
    rows.sort_by(|a, b| {
        let primary = match sort.key {
            SortKey::Report => Some(
                (a.scope.reading_rank())
                    .cmp(&b.scope.reading_rank())
                    .then(a.position.cmp(&b.position)),
            ),
            SortKey::Label => Some(a.label.cmp(&b.label)),
            SortKey::Verdict => Some(a.verdict.cmp(&b.verdict)),
            SortKey::BaselineMean => compare_options(a.baseline_mean, b.baseline_mean),
            SortKey::CurrentMean => compare_options(a.current_mean, b.current_mean),
            SortKey::Diff => compare_options(a.diff, b.diff),
            SortKey::Q => compare_options(a.q, b.q),
            SortKey::EffectSize => compare_options(a.cohen_d, b.cohen_d),
        };
        match primary {
            Some(order) if sort.descending => order.reverse(),
            Some(order) => order,
            None => missing_last(a, b, sort.key),
        }
        .then(a.position.cmp(&b.position))
    });
}

fn compare_options(a: Option<f64>, b: Option<f64>) -> Option<Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.total_cmp(&y)),
        _ => None,
    }
}

fn missing_last(a: &ComparisonRow, b: &ComparisonRow, key: SortKey) -> Ordering {
    let value = |r: &ComparisonRow| match key {
        SortKey::BaselineMean => r.baseline_mean,
        SortKey::CurrentMean => r.current_mean,
        SortKey::Diff => r.diff,
        SortKey::Q => r.q,
        SortKey::EffectSize => r.cohen_d,
        SortKey::Report | SortKey::Label | SortKey::Verdict => Some(0.0),
    };
    match (value(a).is_some(), value(b).is_some()) {
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}
