//! View models: plain data shaped from the report for each view, in the
//! order and with the labels the view shows. Pure functions, tested natively
//! and in the browser (`app/tests/dashboard_*.rs`); the components in
//! `views/` only lay them out.

pub mod benchmark;
pub mod comparison;
pub mod groups;
pub mod overview;
pub mod priorities;
pub mod stage_detail;
pub mod trend;
pub mod xmr;

use scoring::report::{Comparison, IndexStats, ItemStats, StageStats, Verdict};

/// A mean on the 0–100 scale with its 95% CI and n (docs/scoring.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Metric {
    pub n: u64,
    pub mean: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

impl From<&IndexStats> for Metric {
    fn from(d: &IndexStats) -> Metric {
        Metric {
            n: d.n,
            mean: d.mean,
            ci_low: d.ci_low,
            ci_high: d.ci_high,
        }
    }
}

impl From<&StageStats> for Metric {
    fn from(d: &StageStats) -> Metric {
        Metric {
            n: d.n,
            mean: d.mean,
            ci_low: d.ci_low,
            ci_high: d.ci_high,
        }
    }
}

impl From<&ItemStats> for Metric {
    fn from(d: &ItemStats) -> Metric {
        Metric {
            n: d.n,
            mean: d.mean,
            ci_low: d.ci_low,
            ci_high: d.ci_high,
        }
    }
}

/// The change since the baseline of one statistic (docs/scoring.md §5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub baseline_mean: Option<f64>,
    pub diff: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub q: Option<f64>,
    pub verdict: Verdict,
}

impl From<&Comparison> for Change {
    fn from(c: &Comparison) -> Change {
        Change {
            baseline_mean: c.baseline_mean,
            diff: c.diff,
            ci_low: c.ci_low,
            ci_high: c.ci_high,
            q: c.q,
            verdict: c.verdict,
        }
    }
}

/// The median of the given values (mean of the two middle ones for an even
/// count); `None` when empty. Used for the quadrant lines (docs/scoring.md §4).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}
