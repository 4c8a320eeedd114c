//! Baseline vs current for the index, every stage and every item
//! (docs/scoring.md §5), as a sortable table.

use std::cmp::Ordering;

use crate::dashboard::labels::Labels;
use scoring::report::{Comparison, GroupStats};

/// A comparison of the report with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub comparison: Comparison,
    pub label: String,
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
            comparison: c.clone(),
            label: labels.scoped(c.scope, &c.id),
            position,
        })
        .collect()
}

/// Sorts in place. Rows whose sort value is `null` go last in either
/// direction: a missing statistic is never "the largest".
pub fn sort_rows(rows: &mut [ComparisonRow], sort: Sort) {
    rows.sort_by(|ra, rb| {
        let (a, b) = (&ra.comparison, &rb.comparison);
        let primary = match sort.key {
            SortKey::Report => Some(
                (a.scope.reading_rank())
                    .cmp(&b.scope.reading_rank())
                    .then(ra.position.cmp(&rb.position)),
            ),
            SortKey::Label => Some(ra.label.cmp(&rb.label)),
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
        .then(ra.position.cmp(&rb.position))
    });
}

fn compare_options(a: Option<f64>, b: Option<f64>) -> Option<Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.total_cmp(&y)),
        _ => None,
    }
}

fn missing_last(a: &Comparison, b: &Comparison, key: SortKey) -> Ordering {
    let value = |r: &Comparison| match key {
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
