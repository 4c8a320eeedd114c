//! The report as the dashboard reads it: docs/formats.md §4, field for field.
//!
//! The dashboard reads the report through its JSON contract rather than
//! through the scoring crate's structs, so the views depend only on what
//! every consumer may rely on (and the main bundle need not carry the
//! statistics code). The worker parses the JSON it made into this shape
//! and sends it along with the JSON (bincode is far smaller code on the
//! page than a JSON parser for all these types). Every statistic is an `Option`: the contract writes
//! `null` for what cannot be computed, and a suppressed group carries only
//! `key` and `suppressed` (docs/scoring.md §7).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDoc {
    pub instrument: InstrumentRef,
    pub periods: Periods,
    /// Invalid input records left out of the report.
    #[serde(default)]
    pub skipped_invalid: u64,
    pub groups: Vec<GroupDoc>,
}

impl ReportDoc {
    pub fn parse(json: &str) -> Result<ReportDoc, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The group with this key (`"all"` is always present).
    pub fn group(&self, key: &str) -> Option<&GroupDoc> {
        self.groups.iter().find(|g| g.key == key)
    }

    pub fn has_baseline(&self) -> bool {
        self.periods.baseline.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Periods {
    pub current: PeriodDoc,
    pub baseline: Option<PeriodDoc>,
}

/// A half-open date range, `from` ≤ t < `to` (docs/scoring.md, Notation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodDoc {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupDoc {
    pub key: String,
    pub suppressed: bool,
    #[serde(default)]
    pub n: Option<u64>,
    #[serde(default)]
    pub items: Vec<ItemDoc>,
    #[serde(default)]
    pub stages: Vec<StageDoc>,
    #[serde(default)]
    pub index: Option<IndexDoc>,
    #[serde(default)]
    pub nps: Option<NpsDoc>,
    #[serde(default)]
    pub drivers: Vec<DriverDoc>,
    #[serde(default)]
    pub comparisons: Vec<ComparisonDoc>,
}

impl GroupDoc {
    pub fn item(&self, id: &str) -> Option<&ItemDoc> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn stage(&self, id: &str) -> Option<&StageDoc> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn comparison(&self, scope: Scope, id: &str) -> Option<&ComparisonDoc> {
        self.comparisons
            .iter()
            .find(|c| c.scope == scope && (scope == Scope::Index || c.id == id))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDoc {
    pub id: String,
    pub n: u64,
    #[serde(default)]
    pub n_na: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    #[serde(default)]
    pub top_box: Option<f64>,
    #[serde(default)]
    pub top_box_ci_low: Option<f64>,
    #[serde(default)]
    pub top_box_ci_high: Option<f64>,
    #[serde(default)]
    pub satisfied: Option<f64>,
    /// Scale value (as a string key) → number of answers.
    #[serde(default)]
    pub counts: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageDoc {
    pub id: String,
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    #[serde(default)]
    pub alpha: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexDoc {
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// NPS parts are fractions in [0, 1]; `score` is in [−100, 100] (docs/formats.md §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsDoc {
    pub n: u64,
    pub promoters: Option<f64>,
    pub detractors: Option<f64>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverDoc {
    pub id: String,
    pub r: Option<f64>,
    pub n: u64,
    pub quadrant: Option<QuadrantKind>,
}

/// The key-driver quadrants of docs/scoring.md §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuadrantKind {
    FixFirst,
    KeepUp,
    Secondary,
    Surplus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Index,
    Stage,
    Item,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Improved,
    Declined,
    NoChange,
    Insufficient,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonDoc {
    pub scope: Scope,
    #[serde(default)]
    pub id: String,
    pub baseline_n: u64,
    pub baseline_mean: Option<f64>,
    pub current_n: u64,
    pub current_mean: Option<f64>,
    pub diff: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    #[serde(default)]
    pub t: Option<f64>,
    #[serde(default)]
    pub df: Option<f64>,
    #[serde(default)]
    pub p: Option<f64>,
    #[serde(default)]
    pub q: Option<f64>,
    #[serde(default)]
    pub cohen_d: Option<f64>,
    #[serde(default)]
    pub top_box_diff: Option<f64>,
    #[serde(default)]
    pub z: Option<f64>,
    #[serde(default)]
    pub p_top_box: Option<f64>,
    #[serde(default)]
    pub cohen_h: Option<f64>,
    pub verdict: Verdict,
}
