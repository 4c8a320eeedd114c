//! The report document (docs/formats.md §4). Field names and order are the
//! contract; fields are only ever added. Floats are already rounded to 12
//! significant digits when a `Report` is built (see `canonical.rs`), so any
//! serialisation of it gives the canonical bytes.
//!
//! One set of types serves two forms. A human-readable serialiser (JSON)
//! gets the contract's shape: a key that is absent rather than null where
//! docs/formats.md §4 says so, a suppressed group with only `key` and
//! `suppressed` (docs/scoring.md §7), `counts` as an object. A binary one
//! (bincode, between the dashboard's worker and its page) gets every field
//! in order, since it has no keys to tell an absent field by. The few types
//! whose two forms differ say so in their own `Serialize`/`Deserialize`;
//! the rest derive both.

use serde::de::{MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model_v2::{SpcChart, Units};
use super::options::GroupBy;
use crate::tally::Filters;

/// Version of the methodology (docs/scoring.md §10–§13, "version 2") the
/// numbers follow.
pub const METHODOLOGY_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(default)]
    pub case_mix: Option<CaseMix>,
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("Report", 8)?;
        out.serialize_field("instrument", &self.instrument)?;
        out.serialize_field("methodology_version", &self.methodology_version)?;
        out.serialize_field("options", &self.options)?;
        out.serialize_field("periods", &self.periods)?;
        out.serialize_field("skipped_invalid", &self.skipped_invalid)?;
        out.serialize_field("groups", &self.groups)?;
        out.serialize_field("units", &self.units)?;
        unless_absent(&mut out, readable, "case_mix", &self.case_mix)?;
        out.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

/// Every option that changes a number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(default)]
    pub filters: Filters,
}

impl Serialize for ReportOptions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("ReportOptions", 9)?;
        out.serialize_field("period", &self.period)?;
        out.serialize_field("baseline", &self.baseline)?;
        out.serialize_field("group_by", &self.group_by)?;
        out.serialize_field("case_mix", &self.case_mix)?;
        out.serialize_field("suppress_below", &self.suppress_below)?;
        out.serialize_field("min_compare", &self.min_compare)?;
        out.serialize_field("min_difference", &self.min_difference)?;
        out.serialize_field("target_reliability", &self.target_reliability)?;
        let f = &self.filters;
        if !readable {
            // `Filters` leaves unset keys out, which a binary form cannot
            // do; every one is written here, in field order.
            let all = (&f.hospital, &f.department, &f.visit_type, &f.channel);
            out.serialize_field("filters", &all)?;
        } else if f.is_empty() {
            out.skip_field("filters")?;
        } else {
            out.serialize_field("filters", f)?;
        }
        out.end()
    }
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
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub key: String,
    pub suppressed: bool,
    /// `None` exactly when suppressed.
    pub stats: Option<GroupStats>,
}

/// A group as the contract writes it: the statistics beside `key`.
#[derive(Serialize)]
struct GroupOut<'a> {
    key: &'a str,
    suppressed: bool,
    #[serde(flatten)]
    stats: &'a Option<GroupStats>,
}

#[derive(Deserialize)]
struct GroupIn {
    key: String,
    suppressed: bool,
    #[serde(flatten, default)]
    stats: Option<GroupStats>,
}

impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            GroupOut {
                key: &self.key,
                suppressed: self.suppressed,
                stats: &self.stats,
            }
            .serialize(s)
        } else {
            (&self.key, self.suppressed, &self.stats).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Group {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Group, D::Error> {
        let (key, suppressed, stats) = if d.is_human_readable() {
            let g = GroupIn::deserialize(d)?;
            (g.key, g.suppressed, g.stats)
        } else {
            <(String, bool, Option<GroupStats>)>::deserialize(d)?
        };
        Ok(Group {
            key,
            suppressed,
            stats,
        })
    }
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(default, deserialize_with = "present")]
    pub adjusted_mean: Option<Option<f64>>,
}

impl Serialize for ItemStats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("ItemStats", 13)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("n", &self.n)?;
        out.serialize_field("n_na", &self.n_na)?;
        out.serialize_field("mean", &self.mean)?;
        out.serialize_field("sd", &self.sd)?;
        out.serialize_field("ci_low", &self.ci_low)?;
        out.serialize_field("ci_high", &self.ci_high)?;
        out.serialize_field("top_box", &self.top_box)?;
        out.serialize_field("top_box_ci_low", &self.top_box_ci_low)?;
        out.serialize_field("top_box_ci_high", &self.top_box_ci_high)?;
        out.serialize_field("satisfied", &self.satisfied)?;
        out.serialize_field("counts", &self.counts)?;
        unless_absent(&mut out, readable, "adjusted_mean", &self.adjusted_mean)?;
        out.end()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StageStats {
    pub id: String,
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub alpha: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    pub adjusted_mean: Option<Option<f64>>,
}

impl Serialize for StageStats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("StageStats", 8)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("n", &self.n)?;
        out.serialize_field("mean", &self.mean)?;
        out.serialize_field("sd", &self.sd)?;
        out.serialize_field("ci_low", &self.ci_low)?;
        out.serialize_field("ci_high", &self.ci_high)?;
        out.serialize_field("alpha", &self.alpha)?;
        unless_absent(&mut out, readable, "adjusted_mean", &self.adjusted_mean)?;
        out.end()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IndexStats {
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    pub adjusted_mean: Option<Option<f64>>,
}

impl Serialize for IndexStats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("IndexStats", 6)?;
        out.serialize_field("n", &self.n)?;
        out.serialize_field("mean", &self.mean)?;
        out.serialize_field("sd", &self.sd)?;
        out.serialize_field("ci_low", &self.ci_low)?;
        out.serialize_field("ci_high", &self.ci_high)?;
        unless_absent(&mut out, readable, "adjusted_mean", &self.adjusted_mean)?;
        out.end()
    }
}

/// docs/scoring.md §3; `promoters` and `detractors` are fractions of `n`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: u64,
    pub promoters: Option<f64>,
    pub detractors: Option<f64>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// What a comparison or case-mix model is about. Readers list them index
/// first ([`Scope::reading_rank`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Item,
    Stage,
    Index,
}

/// Ordered as declared, for sorting by verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

/// `counts` of an item: one (value, count) per scale value, in numeric
/// order. The contract writes an object keyed by the value as text, in the
/// same order (`"0"`, `"1"`, …, `"10"`, not text order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts(pub Vec<(i64, u64)>);

impl Counts {
    /// The count of `value`; 0 for a value nobody chose.
    pub fn of(&self, value: i64) -> u64 {
        self.0
            .iter()
            .find(|(v, _)| *v == value)
            .map_or(0, |(_, c)| *c)
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return self.0.serialize(s);
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (value, count) in &self.0 {
            map.serialize_entry(&value.to_string(), count)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Counts, D::Error> {
        if !d.is_human_readable() {
            return Vec::<(i64, u64)>::deserialize(d).map(Counts);
        }
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

/// A field the contract leaves out when `None` (a key that is present only
/// with some option on). A binary form writes it always.
fn unless_absent<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    readable: bool,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    if readable && value.is_none() {
        out.skip_field(name)
    } else {
        out.serialize_field(name, value)
    }
}

/// A field that may be absent (outer `None`) or null (inner `None`): in
/// JSON a key that is there is `Some`; a binary form carries both levels.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<f64>>, D::Error> {
    if d.is_human_readable() {
        Option::<f64>::deserialize(d).map(Some)
    } else {
        Option::<Option<f64>>::deserialize(d)
    }
}
