//! The statistics of a report as table cells for spreadsheets: the CLI's
//! one-table CSV and the dashboard's CSV files take their columns and
//! values from here, so a statistic is written the same way in both.
//!
//! Values are at full precision (Rust's shortest round-trip form of the
//! report's number), never rounded for display; a `null` statistic is an
//! empty cell. Column names are the report's field names
//! (docs/formats.md §4).

use crate::report::{Comparison, IndexStats, ItemStats, StageStats};

/// A number cell: the value in full, empty for `null`.
pub fn number(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

pub const ITEM_COLUMNS: [&str; 10] = [
    "n",
    "n_na",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "top_box",
    "top_box_ci_low",
    "top_box_ci_high",
    "satisfied",
];

/// An item's statistics, in the order of [`ITEM_COLUMNS`].
pub fn item_cells(i: &ItemStats) -> [String; 10] {
    [
        i.n.to_string(),
        i.n_na.to_string(),
        number(i.mean),
        number(i.sd),
        number(i.ci_low),
        number(i.ci_high),
        number(i.top_box),
        number(i.top_box_ci_low),
        number(i.top_box_ci_high),
        number(i.satisfied),
    ]
}

/// The answers per scale value as `value:count` pairs, lowest value first.
pub fn counts_cell(i: &ItemStats) -> String {
    i.counts
        .0
        .iter()
        .map(|(v, c)| format!("{v}:{c}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub const STAGE_COLUMNS: [&str; 6] = ["n", "mean", "sd", "ci_low", "ci_high", "alpha"];

/// A stage's statistics, in the order of [`STAGE_COLUMNS`].
pub fn stage_cells(s: &StageStats) -> [String; 6] {
    [
        s.n.to_string(),
        number(s.mean),
        number(s.sd),
        number(s.ci_low),
        number(s.ci_high),
        number(s.alpha),
    ]
}

/// The index's statistics, in the order of [`STAGE_COLUMNS`] (it has no α).
pub fn index_cells(i: &IndexStats) -> [String; 6] {
    [
        i.n.to_string(),
        number(i.mean),
        number(i.sd),
        number(i.ci_low),
        number(i.ci_high),
        String::new(),
    ]
}

pub const COMPARISON_COLUMNS: [&str; 17] = [
    "baseline_n",
    "baseline_mean",
    "current_n",
    "current_mean",
    "diff",
    "ci_low",
    "ci_high",
    "t",
    "df",
    "p",
    "q",
    "cohen_d",
    "top_box_diff",
    "z",
    "p_top_box",
    "cohen_h",
    "verdict",
];

/// A comparison with the baseline (docs/scoring.md §5), in the order of
/// [`COMPARISON_COLUMNS`].
pub fn comparison_cells(c: &Comparison) -> [String; 17] {
    [
        c.baseline_n.to_string(),
        number(c.baseline_mean),
        c.current_n.to_string(),
        number(c.current_mean),
        number(c.diff),
        number(c.ci_low),
        number(c.ci_high),
        number(c.t),
        number(c.df),
        number(c.p),
        number(c.q),
        number(c.cohen_d),
        number(c.top_box_diff),
        number(c.z),
        number(c.p_top_box),
        number(c.cohen_h),
        c.verdict.as_str().to_owned(),
    ]
}
