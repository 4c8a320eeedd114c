//! Key drivers (docs/scoring.md §4): importance `r` against performance `mean`,
//! the two median lines, and the "fix first" list.

use crate::dashboard::labels::Labels;
use scoring::present::drivers::fix_first;
use scoring::report::{Group, Quadrant};

use super::median;

#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// Items whose `r` and `mean` are both defined.
    pub points: Vec<DriverPoint>,
    /// Median of `r` over the points: the vertical line of the scatter.
    pub median_r: Option<f64>,
    /// Median of `mean` over the points: the horizontal line.
    pub median_mean: Option<f64>,
    /// `fix_first` items, most important first ([`fix_first`]).
    pub fix_first: Vec<DriverPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DriverPoint {
    pub id: String,
    pub label: String,
    pub r: f64,
    pub mean: f64,
    pub n: u64,
    /// As the report says; the view never recomputes it.
    pub quadrant: Option<Quadrant>,
}

/// Shapes the drivers of `group`; `None` for a suppressed group.
///
/// The medians are recomputed here only to draw the lines: they are over
/// the same items the report used (those with `r` defined), so the lines
/// separate the points as the report's quadrants do.
pub fn priorities(group: &Group, labels: &Labels) -> Option<Priorities> {
    let group = group.stats.as_ref()?;
    let points: Vec<DriverPoint> = group
        .drivers
        .iter()
        .filter_map(|d| {
            let r = d.r?;
            let mean = group.item(&d.id)?.mean?;
            Some(DriverPoint {
                id: d.id.clone(),
                label: labels.item(&d.id),
                r,
                mean,
                n: d.n,
                quadrant: d.quadrant,
            })
        })
        .collect();
    let rs: Vec<f64> = points.iter().map(|p| p.r).collect();
    let means: Vec<f64> = points.iter().map(|p| p.mean).collect();
    // In the order the CLI's reports list them.
    let fix_first: Vec<DriverPoint> = fix_first(group)
        .into_iter()
        .filter_map(|f| points.iter().find(|p| p.id == f.id).cloned())
        .collect();
    Some(Priorities {
        median_r: median(&rs),
        median_mean: median(&means),
        points,
        fix_first,
    })
}
