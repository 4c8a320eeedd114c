//! Units against each other (docs/scoring.md §10): for every measure — the
//! index, each stage, each item — the non-suppressed groups of `group_by`
//! against the rest (§10.1), on a funnel plot with over-dispersion
//! (§10.2), with their reliability (§10.3).
//!
//! Suppressed groups are not units: nothing about them enters a target, a
//! "rest" or a pooled variance, so nothing can be derived by subtraction.

mod against_rest;
mod funnel;
mod reliability;

use super::canonical::num;
use super::case_mix;
use super::describe::{index_unit, item_unit, stage_unit, Numbers};
use super::model::Scope;
use super::model_v2::{UnitMeasure, UnitRow, Units};
use super::options::ScoreOptions;
use crate::stats::moments::{Moments, Unit};
use crate::tally::{Cell, Layout};

/// Fewer units than this and there is nothing to compare (`units: null`);
/// a measure with fewer units of 2 values or more has only `k` and `n`.
const MIN_UNITS: usize = 3;

/// A non-suppressed group of `group_by` in the current period.
pub(crate) struct Shown<'a> {
    pub(crate) key: &'a str,
    pub(crate) cell: &'a Cell,
}

/// One unit's values on one measure.
pub(super) struct Sample<'a> {
    pub(super) key: &'a str,
    pub(super) moments: Moments,
    /// `m_u`: the mean, or with case-mix on the adjusted mean (§6).
    pub(super) mean: Option<f64>,
}

/// The units of a measure that have at least 2 values, and what they
/// share: `N`, `θ₀`, `MSW`, `MSB` (docs/scoring.md §10).
pub(super) struct Pooled {
    /// Positions in the samples.
    pub(super) members: Vec<usize>,
    pub(super) n: u64,
    /// The members' values together (without case-mix, the exact source
    /// of `θ₀` and of every "rest").
    pub(super) total: Moments,
    pub(super) target: f64,
    /// `m_u − θ₀` per sample (members only), from the exact difference of
    /// means when there is no case-mix.
    pub(super) deviation: Vec<Option<f64>>,
    pub(super) msw: f64,
    pub(super) msb: f64,
}

/// docs/scoring.md §10, or `None` without `group_by` or with fewer than 3
/// units. `models` are the case-mix regressions when case-mix is on.
pub(crate) fn units(
    layout: &Layout,
    options: &ScoreOptions,
    shown: &[Shown<'_>],
    all: &Cell,
    models: Option<&Vec<Option<case_mix::Model>>>,
) -> Option<Units> {
    let by = options.group_by?;
    if shown.len() < MIN_UNITS {
        return None;
    }
    let numbers: Vec<Numbers> = shown.iter().map(|s| Numbers::of(layout, s.cell)).collect();
    let mut measures = Vec::with_capacity(1 + layout.stages.len() + layout.items.len());
    let mut measure =
        |scope: Scope, id: &str, unit: Unit, outcome: usize, pick: &dyn Fn(&Numbers) -> Moments| {
            let samples: Vec<Sample> = shown
                .iter()
                .zip(&numbers)
                .map(|(s, numbers)| {
                    let moments = pick(numbers);
                    let mean = moments.summary(unit).mean;
                    let mean = match models {
                        Some(models) => models[outcome].as_ref().and_then(|model| {
                            case_mix::adjusted_mean(layout, model, s.cell, all, outcome, mean)
                        }),
                        None => mean,
                    };
                    Sample {
                        key: s.key,
                        moments,
                        mean,
                    }
                })
                .collect();
            measures.push(measure_of(
                scope,
                id,
                unit,
                &samples,
                options,
                models.is_some(),
            ));
        };
    measure(
        Scope::Index,
        "index",
        index_unit(layout),
        layout.index_outcome(),
        &|n| n.index,
    );
    for (s, stage) in layout.stages.iter().enumerate() {
        measure(
            Scope::Stage,
            &stage.id,
            stage_unit(layout, s),
            layout.stage_outcome(s),
            &|n| n.stages[s],
        );
    }
    for (i, item) in layout.items.iter().enumerate() {
        measure(Scope::Item, &item.id, item_unit(layout), i, &|n| {
            n.items[i].moments
        });
    }
    Some(Units { by, measures })
}

/// One measure over the units.
fn measure_of(
    scope: Scope,
    id: &str,
    unit: Unit,
    samples: &[Sample<'_>],
    options: &ScoreOptions,
    case_mix: bool,
) -> UnitMeasure {
    let members: Vec<usize> = (0..samples.len())
        .filter(|&u| samples[u].moments.n >= 2 && samples[u].mean.is_some())
        .collect();
    let k = members.len() as u64;
    let n: u64 = members.iter().map(|&u| samples[u].moments.n).sum();
    let pooled = (members.len() >= MIN_UNITS)
        .then(|| pool(members, unit, samples, case_mix))
        .flatten();
    let Some(pooled) = pooled else {
        return UnitMeasure {
            scope,
            id: id.to_string(),
            k,
            n,
            target: None,
            sigma: None,
            msb: None,
            msw: None,
            phi: None,
            p_phi: None,
            tau2: None,
            tau2_used: None,
            icc: None,
            n_needed: None,
            units: samples.iter().map(insufficient).collect(),
        };
    };
    let rest = against_rest::compare(samples, &pooled, unit, options, case_mix);
    let funnel = funnel::funnel(samples, &pooled);
    let reliability = reliability::reliability(samples, &pooled, options.target_reliability);
    let mut rows: Vec<UnitRow> = samples.iter().map(insufficient).collect();
    for (j, &u) in pooled.members.iter().enumerate() {
        let row = &mut rows[u];
        let r = &rest[j];
        row.diff = num(r.welch.diff);
        row.ci_low = num(r.welch.ci.map(|c| c.0));
        row.ci_high = num(r.welch.ci.map(|c| c.1));
        row.t = num(r.welch.t);
        row.df = num(r.welch.df);
        row.p = num(r.welch.p);
        row.q = num(r.q);
        row.verdict = r.verdict;
        if let Some(f) = &funnel {
            let unit = &f.units[j];
            row.z = num(Some(unit.z));
            row.limit95_low = num(Some(unit.limit95.0));
            row.limit95_high = num(Some(unit.limit95.1));
            row.limit998_low = num(Some(unit.limit998.0));
            row.limit998_high = num(Some(unit.limit998.1));
            row.band = Some(unit.band);
        }
        if let Some(r) = &reliability {
            row.reliability = num(Some(r.units[j]));
            row.reliable = Some(r.units[j] >= options.target_reliability);
        }
    }
    UnitMeasure {
        scope,
        id: id.to_string(),
        k,
        n,
        target: num(Some(pooled.target)),
        sigma: num(Some(pooled.msw.sqrt())),
        msb: num(Some(pooled.msb)),
        msw: num(Some(pooled.msw)),
        phi: num(funnel.as_ref().map(|f| f.phi)),
        p_phi: num(funnel.as_ref().map(|f| f.p_phi)),
        tau2: num(funnel.as_ref().map(|f| f.tau2)),
        tau2_used: num(funnel.as_ref().map(|f| f.tau2_used)),
        icc: num(reliability.as_ref().map(|r| r.icc)),
        n_needed: reliability.as_ref().and_then(|r| r.n_needed),
        units: rows,
    }
}

/// A unit listed without comparison: `key`, `n`, `mean` and nulls.
fn insufficient(sample: &Sample<'_>) -> UnitRow {
    UnitRow::listed(sample.key.to_string(), sample.moments.n, num(sample.mean))
}

/// `N`, `θ₀ = Σ n_u m_u / N`, `MSW = Σ (n_u − 1) v_u / (N − K)` and
/// `MSB = Σ n_u (m_u − θ₀)² / (K − 1)` over the members (K ≥ 3, each with
/// n_u ≥ 2). Summed in the groups' order, so the floats are the same on
/// every platform.
fn pool(members: Vec<usize>, unit: Unit, samples: &[Sample<'_>], case_mix: bool) -> Option<Pooled> {
    let mut total = Moments::default();
    for &u in &members {
        total = total.checked_add(&samples[u].moments)?;
    }
    let n = total.n;
    let k = members.len() as f64;
    let target = if case_mix {
        let weighted: f64 = members
            .iter()
            .map(|&u| samples[u].moments.n as f64 * samples[u].mean.unwrap_or(f64::NAN))
            .sum();
        weighted / n as f64
    } else {
        total.summary(unit).mean?
    };
    let mut deviation = vec![None; samples.len()];
    for &u in &members {
        deviation[u] = if case_mix {
            samples[u].mean.map(|m| m - target)
        } else {
            samples[u].moments.mean_diff(&total, unit)
        };
    }
    let scale = unit.to_f64() * unit.to_f64();
    let within: f64 = members
        .iter()
        .map(|&u| {
            let m = &samples[u].moments;
            m.ss_times_n().to_f64() / m.n as f64 * scale
        })
        .sum();
    let between: f64 = members
        .iter()
        .map(|&u| {
            let d = deviation[u].unwrap_or(f64::NAN);
            samples[u].moments.n as f64 * d * d
        })
        .sum();
    Some(Pooled {
        members,
        n,
        total,
        target,
        deviation,
        msw: within / (n as f64 - k),
        msb: between / (k - 1.0),
    })
}
