//! The items to fix first (docs/scoring.md §4), as the CLI's reports and
//! the dashboard's priorities list them.

use std::cmp::Ordering;

use crate::report::{GroupStats, Quadrant};

/// An item in the "fix first" quadrant: important to the overall rating
/// and scored low.
#[derive(Debug, Clone, PartialEq)]
pub struct FixFirst<'a> {
    pub id: &'a str,
    /// Its correlation with the overall rating.
    pub r: Option<f64>,
    /// Its mean score.
    pub mean: Option<f64>,
}

/// The items to fix first, most important (largest r) first; among equals
/// the lower score first, then by id.
pub fn fix_first(stats: &GroupStats) -> Vec<FixFirst<'_>> {
    let mut items: Vec<FixFirst<'_>> = stats
        .drivers
        .iter()
        .filter(|d| d.quadrant == Some(Quadrant::FixFirst))
        .map(|d| FixFirst {
            id: &d.id,
            r: d.r,
            mean: stats.item(&d.id).and_then(|i| i.mean),
        })
        .collect();
    items.sort_by(|a, b| {
        descending(a.r, b.r)
            .then(descending(b.mean, a.mean))
            .then(a.id.cmp(b.id))
    });
    items
}

/// Larger first, a missing value last.
fn descending(a: Option<f64>, b: Option<f64>) -> Ordering {
    let key = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    key(b).total_cmp(&key(a))
}
