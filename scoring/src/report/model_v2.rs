//! The report sections of methodology version 2 (docs/formats.md §5):
//! units against each other (docs/scoring.md §10) and XmR charts over
//! time (§11). Field names and order are the contract.

use serde::{Deserialize, Serialize};

use super::model::Scope;
use super::options::GroupBy;

/// docs/scoring.md §10: the non-suppressed groups of `by` against each
/// other, one entry per measure (the index, then stages, then items).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Units {
    pub by: GroupBy,
    pub measures: Vec<UnitMeasure>,
}

/// One measure over the units: the pooled numbers (§10), the funnel's
/// over-dispersion (§10.2) and the reliability (§10.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitMeasure {
    pub scope: Scope,
    pub id: String,
    /// Units with at least 2 values.
    pub k: u64,
    /// Their values together.
    pub n: u64,
    /// `θ₀`, the respondent-weighted mean of the units' means.
    pub target: Option<f64>,
    /// `√MSW`.
    pub sigma: Option<f64>,
    pub msb: Option<f64>,
    pub msw: Option<f64>,
    pub phi: Option<f64>,
    pub p_phi: Option<f64>,
    pub tau2: Option<f64>,
    pub tau2_used: Option<f64>,
    pub icc: Option<f64>,
    pub n_needed: Option<u64>,
    /// In the groups' order.
    pub units: Vec<UnitRow>,
}

/// One unit on one measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRow {
    pub key: String,
    pub n: u64,
    pub mean: Option<f64>,
    pub diff: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub t: Option<f64>,
    pub df: Option<f64>,
    pub p: Option<f64>,
    pub q: Option<f64>,
    pub verdict: UnitVerdict,
    pub z: Option<f64>,
    pub limit95_low: Option<f64>,
    pub limit95_high: Option<f64>,
    pub limit998_low: Option<f64>,
    pub limit998_high: Option<f64>,
    pub band: Option<Band>,
    pub reliability: Option<f64>,
    pub reliable: Option<bool>,
}

impl UnitRow {
    /// A unit listed without comparison (docs/scoring.md §10: fewer than 2
    /// values, or a measure with fewer than 3 units): its `key`, `n` and
    /// `mean`, verdict `insufficient`, every other field null.
    pub fn listed(key: String, n: u64, mean: Option<f64>) -> UnitRow {
        UnitRow {
            key,
            n,
            mean,
            diff: None,
            ci_low: None,
            ci_high: None,
            t: None,
            df: None,
            p: None,
            q: None,
            verdict: UnitVerdict::Insufficient,
            z: None,
            limit95_low: None,
            limit95_high: None,
            limit998_low: None,
            limit998_high: None,
            band: None,
            reliability: None,
            reliable: None,
        }
    }
}

/// docs/scoring.md §10.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitVerdict {
    Better,
    Worse,
    AsExpected,
    Insufficient,
}

/// docs/scoring.md §10.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    MuchBetter,
    Better,
    AsExpected,
    Worse,
    MuchWorse,
}

/// An XmR chart of one measure of one group (docs/scoring.md §11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpcChart {
    pub scope: Scope,
    pub id: String,
    pub points: Vec<SpcPoint>,
    pub reference: Reference,
    pub centre: f64,
    pub mr_bar: f64,
    pub upper: f64,
    pub lower: f64,
    pub sigma: f64,
    pub signals: Vec<Signal>,
}

/// One month of the series: its values and their mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpcPoint {
    /// `YYYY-MM`.
    pub month: String,
    pub n: u64,
    pub mean: f64,
}

/// Which points the centre and limits come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    Baseline,
    All,
}

/// Consecutive points flagged by one rule on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub rule: Rule,
    pub side: Side,
    pub months: Vec<String>,
}

/// The signal rules, in the order signals are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Outside,
    Shift,
    Trend,
    TwoOfThree,
}

/// `high` is listed before `low`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    High,
    Low,
}
