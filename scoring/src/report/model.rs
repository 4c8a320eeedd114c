//! The report document (docs/formats.md §4). Field names and order are the
//! contract; fields are only ever added. Floats are already rounded to 12
//! significant digits when a `Report` is built (see `canonical.rs`), so any
//! serialisation of it gives the canonical bytes.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model_v2::{SpcChart, Units};
use super::options::GroupBy;
use crate::tally::Filters;

/// Version of the methodology (docs/scoring.md §10–§13, "version 2") the
/// numbers follow.
pub const METHODOLOGY_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub instrument: InstrumentRef,
    pub methodology_version: u32,
    pub options: ReportOptions,
    pub periods: Periods,
    /// Input records that failed validation and were left out; set by the
    /// caller that read them (the CLI, the server), 0 otherwise.
    #[serde(default)]
    pub skipped_invalid: u64,
    pub groups: Vec<Group>,
    /// docs/scoring.md §10; null without `group_by` or with fewer than 3 units.
    #[serde(default)]
    pub units: Option<Units>,
    /// Present when case-mix adjustment was asked for (docs/scoring.md §6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_mix: Option<CaseMix>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

/// Every option that changes a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportOptions {
    /// The current period as given (canonical form, e.g. `2024`).
    pub period: String,
    pub baseline: Option<String>,
    pub group_by: Option<GroupBy>,
    pub case_mix: bool,
    pub suppress_below: u64,
    pub min_compare: u64,
    /// docs/scoring.md §10.1.
    pub min_difference: f64,
    /// docs/scoring.md §10.3.
    pub target_reliability: f64,
    /// Responses the tally was restricted to (absent when none).
    #[serde(default, skip_serializing_if = "Filters::is_empty")]
    pub filters: Filters,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periods {
    pub current: DateRange,
    pub baseline: Option<DateRange>,
}

/// `from ≤ submitted_at < to`, dates `YYYY-MM-DD` (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: String,
    pub to: String,
}

/// One group: `all`, or one value of `--group-by`. A suppressed group has
/// only `key` and `suppressed` (docs/scoring.md §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub key: String,
    pub suppressed: bool,
    #[serde(flatten, default)]
    pub stats: Option<GroupStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    /// Responses in the current period.
    pub n: u64,
    pub items: Vec<ItemStats>,
    pub stages: Vec<StageStats>,
    pub index: IndexStats,
    pub nps: Nps,
    pub drivers: Vec<Driver>,
    /// Empty without a baseline.
    pub comparisons: Vec<Comparison>,
    /// docs/scoring.md §11: the index, then each stage; null where the
    /// series has too few points.
    #[serde(default)]
    pub spc: Vec<Option<SpcChart>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemStats {
    pub id: String,
    pub n: u64,
    pub n_na: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub top_box: Option<f64>,
    pub top_box_ci_low: Option<f64>,
    pub top_box_ci_high: Option<f64>,
    pub satisfied: Option<f64>,
    pub counts: Counts,
    /// Case-mix adjusted mean; the key is present only with case-mix on.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub adjusted_mean: Option<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageStats {
    pub id: String,
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub alpha: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub adjusted_mean: Option<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexStats {
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub adjusted_mean: Option<Option<f64>>,
}

/// docs/scoring.md §3; `promoters` and `detractors` are fractions of `n`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: u64,
    pub promoters: Option<f64>,
    pub detractors: Option<f64>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    FixFirst,
    KeepUp,
    Secondary,
    Surplus,
}

/// docs/scoring.md §4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub id: String,
    pub r: Option<f64>,
    pub n: u64,
    pub quadrant: Option<Quadrant>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Item,
    Stage,
    Index,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Improved,
    Declined,
    NoChange,
    Insufficient,
}

/// docs/scoring.md §5. Top-box fields are null for stages and the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub scope: Scope,
    pub id: String,
    pub baseline_n: u64,
    pub baseline_mean: Option<f64>,
    pub current_n: u64,
    pub current_mean: Option<f64>,
    pub diff: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub t: Option<f64>,
    pub df: Option<f64>,
    pub p: Option<f64>,
    pub q: Option<f64>,
    pub cohen_d: Option<f64>,
    pub top_box_diff: Option<f64>,
    pub z: Option<f64>,
    pub p_top_box: Option<f64>,
    pub cohen_h: Option<f64>,
    pub verdict: Verdict,
}

/// The case-mix adjustment that was applied (docs/scoring.md §6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseMix {
    pub applied: bool,
    /// One pooled regression per item, stage and the index.
    pub models: Vec<CaseMixModel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseMixModel {
    pub scope: Scope,
    pub id: String,
    /// Respondents in the pooled regression.
    pub n: u64,
    /// Mean outcome at the reference levels.
    pub intercept: Option<f64>,
    /// Per field, the level the others are compared with: the first level
    /// (instrument order, then `missing`) that has respondents.
    pub reference: Vec<Level>,
    /// One per other level with respondents; `beta` null when aliased.
    pub coefficients: Vec<Coefficient>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub field: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coefficient {
    pub field: String,
    pub level: String,
    pub beta: Option<f64>,
}

/// `counts` of an item: one entry per scale value, in numeric order
/// (`"0"`, `"1"`, …, `"10"`, not text order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts(pub Vec<(i64, u64)>);

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (value, count) in &self.0 {
            map.serialize_entry(&value.to_string(), count)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Counts, D::Error> {
        struct CountsVisitor;
        impl<'de> Visitor<'de> for CountsVisitor {
            type Value = Counts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map from scale values to counts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Counts, A::Error> {
                let mut out = Vec::new();
                while let Some((key, count)) = map.next_entry::<String, u64>()? {
                    let value = key
                        .parse::<i64>()
                        .map_err(|_| serde::de::Error::custom(format!("{key:?} is not a value")))?;
                    out.push((value, count));
                }
                out.sort_unstable();
                Ok(Counts(out))
            }
        }
        d.deserialize_map(CountsVisitor)
    }
}

/// A field that may be absent (outer `None`) or null (inner `None`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::<f64>::deserialize(d).map(Some)
}
