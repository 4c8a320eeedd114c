//! The instrument compiled for tallying: every item, stage and case-mix
//! level gets a position in flat vectors, and every score becomes an
//! integer (docs/scoring.md §8), once, before the first response.
//!
//! ## Integer scores
//! - An item answer `v` (after reverse coding `v' = lo + hi − v`) becomes
//!   `e = (v' − lo)·S/(hi − lo)`, where `S` (`Layout::score_steps`) is the
//!   lcm of the ranges of the scales the instrument uses (20 for likert5,
//!   rating11 and yesno; 60 once frequency4 or likert7 are used too), so
//!   `e` is an integer in 0..=S and the 0–100 score is `s = 100e/S`
//!   exactly, a third included (docs/scoring.md §1). `S` divides
//!   [`E_MAX`], the lcm over every scale the product knows, which bounds
//!   the sums below. An instrument's integers depend only on the scales it
//!   uses, so adding a scale to the product changes no existing tally.
//! - Weights must be multiples of 0.001; they become integers (×1000), then
//!   are divided by their gcd (equal weights become 1).
//! - A stage composite is `A/D`, `A = Σ Wᵢeᵢ`, `D = Σ Wᵢ` over the answered
//!   items. `D` can only take the values of sums of at least ⌈k/2⌉ of the
//!   stage's weights; with `M` the lcm of those values, `a = A·(M/D)` is an
//!   integer and the composite is `s = 100a/(S·M)` exactly.
//! - The index is `Σ w_s c_s / Σ w_s` over defined composites. With `M*`
//!   the lcm of the stages' `M` and `P` the lcm of every possible `Σ w_s`,
//!   `Σ w_s a_s (M*/M_s) · (P/Σ w_s)` is an integer and the index is that
//!   over `M*·P`, times `100/S`.
//!
//! Everything the report needs is then a sum of integers, so tallies merge
//! exactly and any input order gives the same bits.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::cell::MAX_CELL_RESPONSES;
use super::fx_hash::FxHashMap;
use super::TallyError;
use crate::instrument::{lcm_of_ranges, ChoiceField, Instrument, Scale, ScaleDef, SCORE_STEPS};
use crate::stats::moments::Unit;

/// The largest `e` of any instrument: the lcm of the ranges of every
/// scale (docs/formats.md §1). An instrument's own `S` divides it.
pub(crate) const E_MAX: u64 = SCORE_STEPS;

/// The largest common denominator accepted for stage composites and the
/// index (also bounded by [`MAX_SCORE_INTEGER`]).
pub(crate) const MAX_DENOMINATOR: u64 = 1 << 27;

/// Every integer score (`e`, `a`, the index numerator) is at most this:
/// with at most 2³² responses per cell, plain sums then fit in `u64` and
/// sums of squares in `u128`. A layout is refused when
/// `S × denominator` exceeds it.
pub(crate) const MAX_SCORE_INTEGER: u64 = u32::MAX as u64;

/// Most items in a stage: keeps Cronbach's totals `T = Σ eᵢ ≤ E_MAX·k`
/// small enough for `Σ T²` to fit in `u64` (see the assertions below).
pub(crate) const MAX_STAGE_ITEMS: u64 = 1000;

/// The sums of a cell cannot overflow for any scale table that compiles.
const _: () = {
    let n = MAX_CELL_RESPONSES as u128;
    let e = E_MAX as u128;
    // Every scale range divides E_MAX.
    assert!(E_MAX == lcm_of_ranges(crate::instrument::DEFINITIONS));
    assert!(E_MAX <= MAX_SCORE_INTEGER);
    // Key-driver sums (`x = e`, `y = overall.rating ≤ 10`) in `u64`.
    assert!(n * e * e <= u64::MAX as u128);
    assert!(n * e * 10 <= u64::MAX as u128);
    // Cronbach's totals and their squares in `u64`.
    let t = e * MAX_STAGE_ITEMS as u128;
    assert!(n * t * t <= u64::MAX as u128);
    // Case-mix profile sums of integer scores in `u64`.
    assert!(n * MAX_SCORE_INTEGER as u128 <= u64::MAX as u128);
    // Moments of integer scores: `Σx²` in `u128`.
    let x = MAX_SCORE_INTEGER as u128;
    assert!(x * x <= u128::MAX / n);
};

/// Largest number of distinct (answered count, weight sum) pairs explored
/// when listing a stage's possible denominators.
const MAX_SUBSET_STATES: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ItemLayout {
    pub(crate) id: String,
    pub(crate) scale: Scale,
    pub(crate) reverse: bool,
    /// `S/(hi − lo)`: `e = (v' − lo)·step`.
    pub(crate) step: u64,
    /// Start of this item's slots in `Cell::counts`: one per scale value
    /// (raw, before reverse coding), then one for `na`.
    pub(crate) counts_at: usize,
    pub(crate) stage: Option<usize>,
    /// Integer weight within its stage (1 for overall items).
    pub(crate) weight: u64,
}

impl ItemLayout {
    /// Number of scale values.
    pub(crate) fn values(&self) -> usize {
        self.def().len()
    }

    pub(crate) fn def(&self) -> &'static ScaleDef {
        self.scale.def()
    }

    /// `e` of the answer in slot `slot` (raw value `lo + slot`).
    pub(crate) fn e_of_slot(&self, slot: usize) -> u64 {
        (self.scored_value(slot) - self.def().lo) as u64 * self.step
    }

    /// Slots (raw values) whose scored value is in the top box
    /// (docs/scoring.md §1 `top_box`).
    pub(crate) fn is_top_box(&self, slot: usize) -> bool {
        self.def().is_top_box(self.scored_value(slot))
    }

    /// docs/scoring.md §1 `satisfied`.
    pub(crate) fn is_satisfied(&self, slot: usize) -> bool {
        self.def().is_satisfied(self.scored_value(slot))
    }

    /// `v'` of slot `slot`, after reverse coding.
    fn scored_value(&self, slot: usize) -> i64 {
        let def = self.def();
        def.scored(def.lo + slot as i64, self.reverse)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StageLayout {
    pub(crate) id: String,
    /// Integer stage weight (for the index).
    pub(crate) weight: u64,
    pub(crate) items: Vec<usize>,
    /// ⌈k/2⌉.
    pub(crate) min_answered: usize,
    /// `M`: the composite is `5a/M`.
    pub(crate) denominator: u64,
    /// `w_s·M*/M_s`: the stage's factor in the index numerator.
    pub(crate) index_factor: u64,
}

/// One case-mix field (docs/scoring.md §6): its allowed values then "missing".
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FactorLayout {
    pub(crate) field: &'static str,
    pub(crate) values: Vec<serde_json::Value>,
    /// First level of this factor among all levels.
    pub(crate) level_at: usize,
    /// Profile index = Σ level_in_factor · stride.
    pub(crate) stride: usize,
}

impl FactorLayout {
    /// Levels: the values, then "missing".
    pub(crate) fn levels(&self) -> usize {
        self.values.len() + 1
    }

    /// Name of level `level` of this factor for the report.
    pub(crate) fn level_name(&self, level: usize) -> String {
        match self.values.get(level) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "missing".to_string(),
        }
    }
}

/// The compiled instrument.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub(crate) id: String,
    pub(crate) version: u32,
    /// In export order (stages' items, then overall).
    pub(crate) items: Vec<ItemLayout>,
    /// Item id → position.
    pub(crate) lookup: FxHashMap<String, usize>,
    pub(crate) stages: Vec<StageLayout>,
    /// `S`: item scores are `100e/S` (the lcm of the ranges of the scales
    /// used; divides [`E_MAX`]).
    pub(crate) score_steps: u64,
    /// `M*·P`: the index is `100x/(S·index_denominator)`.
    pub(crate) index_denominator: u64,
    /// `P`, the lcm of every possible sum of stage weights.
    pub(crate) weight_sum_lcm: u64,
    pub(crate) rating: Option<usize>,
    pub(crate) recommend: Option<usize>,
    /// The stage items on an ordinal satisfaction scale (docs/scoring.md
    /// §4), in export order.
    pub(crate) drivers: Vec<usize>,
    pub(crate) factors: Vec<FactorLayout>,
    pub(crate) counts_len: usize,
    pub(crate) levels: usize,
    pub(crate) profiles: usize,
}

impl Layout {
    pub(crate) fn new(instrument: &Instrument) -> Result<Layout, TallyError> {
        let used: Vec<ScaleDef> = {
            let mut scales: Vec<Scale> = instrument.items().map(|item| item.scale).collect();
            scales.sort();
            scales.dedup();
            scales.into_iter().map(|s| *s.def()).collect()
        };
        let score_steps = lcm_of_ranges(&used);
        let mut items = Vec::new();
        let mut stages = Vec::new();
        let mut counts_len = 0;
        for (s, stage) in instrument.stages.iter().enumerate() {
            let weights = integer_weights(
                stage
                    .items
                    .iter()
                    .map(|item| (item.id.as_str(), item.weight)),
            )?;
            let mut members = Vec::new();
            for (item, weight) in stage.items.iter().zip(weights) {
                members.push(items.len());
                items.push(item_layout(
                    item,
                    Some(s),
                    weight,
                    score_steps,
                    &mut counts_len,
                ));
            }
            if stage.items.len() as u64 > MAX_STAGE_ITEMS {
                return Err(TallyError::TooManyItems {
                    stage: stage.id.clone(),
                    max: MAX_STAGE_ITEMS,
                });
            }
            stages.push(StageLayout {
                id: stage.id.clone(),
                weight: 0,
                min_answered: stage.items.len().div_ceil(2),
                denominator: 0,
                index_factor: 0,
                items: members,
            });
        }
        for item in &instrument.overall {
            items.push(item_layout(item, None, 1, score_steps, &mut counts_len));
        }

        // Stage denominators M_s.
        for stage in &mut stages {
            let weights: Vec<u64> = stage.items.iter().map(|&i| items[i].weight).collect();
            let sums = subset_sums(&weights, stage.min_answered, &stage.id)?;
            stage.denominator = lcm_all(sums, &stage.id)?;
        }
        // Index: M* = lcm(M_s), P = lcm of the sums of any non-empty set of
        // stage weights.
        let stage_weights =
            integer_weights(instrument.stages.iter().map(|s| (s.id.as_str(), s.weight)))?;
        let m_star = lcm_all(stages.iter().map(|s| s.denominator), "index")?;
        let weight_sum_lcm = lcm_all(subset_sums(&stage_weights, 1, "index")?, "index")?;
        let index_denominator = m_star
            .checked_mul(weight_sum_lcm)
            .filter(|&d| d <= MAX_DENOMINATOR)
            .filter(|&d| {
                d.checked_mul(score_steps)
                    .is_some_and(|x| x <= MAX_SCORE_INTEGER)
            })
            .ok_or_else(|| TallyError::WeightsTooFine("index".to_string()))?;
        for (stage, w) in stages.iter_mut().zip(stage_weights) {
            stage.weight = w;
            stage.index_factor = w * (m_star / stage.denominator);
        }

        let lookup: FxHashMap<String, usize> = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.clone(), i))
            .collect();
        let rating = lookup.get("overall.rating").copied();
        let recommend = lookup.get("overall.recommend").copied();
        let drivers = items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.stage.is_some() && item.def().ordinal_satisfaction)
            .map(|(i, _)| i)
            .collect();

        let mut factors = Vec::new();
        let mut level_at = 0;
        let mut profiles = 1;
        for (field, choices) in instrument.respondent.fields() {
            let factor = factor_layout(field, choices, level_at, profiles);
            level_at += factor.levels();
            profiles *= factor.levels();
            factors.push(factor);
        }

        Ok(Layout {
            id: instrument.id.clone(),
            version: instrument.version,
            items,
            lookup,
            stages,
            score_steps,
            index_denominator,
            weight_sum_lcm,
            rating,
            recommend,
            drivers,
            factors,
            counts_len,
            levels: level_at,
            profiles,
        })
    }

    /// The value of one integer step of a score over `denominator` on the
    /// 0–100 scale: `100/(S·denominator)`, reduced (`5/1` for an item of
    /// an instrument with `S = 20`).
    pub(crate) fn unit(&self, denominator: u64) -> Unit {
        let den = self.score_steps * denominator;
        let g = gcd(100, den);
        Unit {
            num: 100 / g,
            den: den / g,
        }
    }

    /// Outcomes of the case-mix regressions: every item, every stage, the
    /// index, in that order.
    pub(crate) fn outcomes(&self) -> usize {
        self.items.len() + self.stages.len() + 1
    }

    pub(crate) fn stage_outcome(&self, stage: usize) -> usize {
        self.items.len() + stage
    }

    pub(crate) fn index_outcome(&self) -> usize {
        self.items.len() + self.stages.len()
    }

    /// What a serialised tally records of the instrument, so that a tally
    /// is never read against a different definition with the same id.
    pub(crate) fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            items: self
                .items
                .iter()
                .map(|item| ItemPrint {
                    id: item.id.clone(),
                    scale: item.scale,
                    reverse: item.reverse,
                    weight: item.weight,
                })
                .collect(),
            stages: self
                .stages
                .iter()
                .map(|stage| StagePrint {
                    id: stage.id.clone(),
                    weight: stage.weight,
                    items: stage.items.len(),
                })
                .collect(),
            respondent: self
                .factors
                .iter()
                .map(|f| FactorPrint {
                    field: f.field.to_string(),
                    levels: (0..f.levels()).map(|l| f.level_name(l)).collect(),
                })
                .collect(),
        }
    }
}

/// The shape of the instrument a tally was made with (tally format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Fingerprint {
    items: Vec<ItemPrint>,
    stages: Vec<StagePrint>,
    respondent: Vec<FactorPrint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ItemPrint {
    id: String,
    scale: Scale,
    reverse: bool,
    /// Integer weight within the stage.
    weight: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StagePrint {
    id: String,
    weight: u64,
    items: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FactorPrint {
    field: String,
    levels: Vec<String>,
}

fn item_layout(
    item: &crate::instrument::Item,
    stage: Option<usize>,
    weight: u64,
    score_steps: u64,
    counts_len: &mut usize,
) -> ItemLayout {
    let range = (item.scale.hi() - item.scale.lo()) as u64;
    let layout = ItemLayout {
        id: item.id.clone(),
        scale: item.scale,
        reverse: item.reverse,
        step: score_steps / range,
        counts_at: *counts_len,
        stage,
        weight,
    };
    *counts_len += layout.values() + 1;
    layout
}

fn factor_layout(
    field: &'static str,
    choices: &ChoiceField,
    level_at: usize,
    stride: usize,
) -> FactorLayout {
    FactorLayout {
        field,
        values: choices.values.iter().map(|c| c.value.clone()).collect(),
        level_at,
        stride,
    }
}

/// Weights as integers: multiples of 0.001 scaled by 1000, divided by their
/// gcd. Refuses zero, negative, non-finite and finer weights.
fn integer_weights<'a>(
    weights: impl Iterator<Item = (&'a str, f64)>,
) -> Result<Vec<u64>, TallyError> {
    let mut out = Vec::new();
    for (id, w) in weights {
        let thousandths = w * 1000.0;
        let rounded = thousandths.round();
        if !(w.is_finite() && w > 0.0 && (1.0..=1e9).contains(&rounded))
            || (thousandths - rounded).abs() > 1e-6 * rounded
        {
            return Err(TallyError::BadWeight {
                id: id.to_string(),
                weight: w,
            });
        }
        out.push(rounded as u64);
    }
    let g = out.iter().fold(0, |g, &w| gcd(g, w));
    if g > 1 {
        out.iter_mut().for_each(|w| *w /= g);
    }
    Ok(out)
}

/// Every sum of at least `min_count` of `weights` (as a multiset choice of
/// positions), by dynamic programming over (count, sum).
fn subset_sums(weights: &[u64], min_count: usize, what: &str) -> Result<BTreeSet<u64>, TallyError> {
    let mut states: BTreeSet<(usize, u64)> = BTreeSet::from([(0, 0)]);
    for &w in weights {
        let grown: Vec<(usize, u64)> = states.iter().map(|&(c, s)| (c + 1, s + w)).collect();
        states.extend(grown);
        if states.len() > MAX_SUBSET_STATES {
            return Err(TallyError::WeightsTooFine(what.to_string()));
        }
    }
    Ok(states
        .into_iter()
        .filter(|&(c, s)| c >= min_count.max(1) && s > 0)
        .map(|(_, s)| s)
        .collect())
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn lcm_all(values: impl IntoIterator<Item = u64>, what: &str) -> Result<u64, TallyError> {
    values.into_iter().try_fold(1u64, |l, v| {
        (l / gcd(l, v))
            .checked_mul(v)
            .filter(|&m| m <= MAX_DENOMINATOR)
            .ok_or_else(|| TallyError::WeightsTooFine(what.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_become_small_integers() {
        let w = integer_weights([("a", 0.5), ("b", 1.5), ("c", 1.0)].into_iter()).unwrap();
        assert_eq!(w, vec![1, 3, 2]);
        let w = integer_weights([("a", 2.0), ("b", 2.0)].into_iter()).unwrap();
        assert_eq!(w, vec![1, 1]);
        for bad in [0.0, -1.0, 0.0001, f64::NAN, 1.0005] {
            assert!(integer_weights([("a", bad)].into_iter()).is_err(), "{bad}");
        }
    }

    #[test]
    fn stage_denominators_cover_every_answered_subset() {
        // Five equal items, at least three answered: D ∈ {3, 4, 5}, M = 60.
        let sums = subset_sums(&[1; 5], 3, "s").unwrap();
        assert_eq!(sums.into_iter().collect::<Vec<_>>(), vec![3, 4, 5]);
        // Weights 1, 2: at least one answered: D ∈ {1, 2, 3}.
        let sums = subset_sums(&[1, 2], 1, "s").unwrap();
        assert_eq!(lcm_all(sums, "s").unwrap(), 6);
    }
}
