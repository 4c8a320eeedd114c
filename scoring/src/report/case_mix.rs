//! Case-mix adjustment (docs/scoring.md §6).
//!
//! For each outcome (every item, stage and the index): pooled OLS over all
//! respondents of the current period with a value for that outcome,
//! `y = β₀ + Σⱼ βⱼ xⱼ`, `xⱼ` the dummies of the levels of `age_band`,
//! `education`, `self_rated_health` and `answered_by` (a missing answer is
//! its own level). Per field, the first level (instrument order, then
//! `missing`) that has respondents is the reference; levels without
//! respondents have no column. Then for a group g:
//! `adjusted_mean_g = mean_g − Σⱼ βⱼ (x̄_g,j − x̄_all,j)`.
//!
//! The regression needs only, per case-mix profile (the 4-tuple of levels),
//! the number of respondents and the sum of their outcome values — kept in
//! the tally's `all` cells — and a group's `x̄_g,j` only the count of its
//! respondents at each level. `X'X` holds exact counts and `X'y` exact
//! integer sums until the final conversion.

use super::canonical::num;
use super::model::{CaseMixModel, Coefficient, Level, Scope};
use crate::stats::least_squares::solve_normal_equations;
use crate::stats::moments::Unit;
use crate::tally::{Cell, Layout};

/// A fitted regression for one outcome.
pub(crate) struct Model {
    /// Respondents in the pooled sample.
    pub(crate) n: u64,
    pub(crate) intercept: Option<f64>,
    /// Per level (all factors): `Some(β)` for a fitted column, `None` for a
    /// reference level, a level without respondents, or an aliased column.
    pub(crate) beta: Vec<Option<f64>>,
    /// Per factor, the reference level (absolute position).
    pub(crate) reference: Vec<usize>,
    /// Per level: whether it had respondents.
    pub(crate) present: Vec<bool>,
}

/// Respondents of `cell` at each level with a value for `outcome`: its
/// level counts, or for an `all` cell the sums of its profile counts.
fn level_counts(layout: &Layout, cell: &Cell, outcome: usize) -> Vec<u64> {
    let outcomes = layout.outcomes();
    match &cell.profiles {
        Some(profiles) => {
            let mut counts = vec![0u64; layout.levels];
            for profile in 0..layout.profiles {
                let n = profiles.n[profile * outcomes + outcome];
                if n == 0 {
                    continue;
                }
                for f in &layout.factors {
                    counts[f.level_at + (profile / f.stride) % f.levels()] += n;
                }
            }
            counts
        }
        None => (0..layout.levels)
            .map(|level| u64::from(cell.levels[level * outcomes + outcome]))
            .collect(),
    }
}

/// Respondents with a value for `outcome`, from the level counts (every
/// respondent has exactly one level of the first factor).
fn respondents(layout: &Layout, counts: &[u64]) -> u64 {
    let first = &layout.factors[0];
    counts[first.level_at..first.level_at + first.levels()]
        .iter()
        .sum()
}

/// Fits the pooled regression of `outcome` (value = integer × `unit`) over
/// `all`, the summed `all` cells of the current period. `None` when no
/// respondent has a value.
pub(crate) fn fit(layout: &Layout, all: &Cell, outcome: usize, unit: Unit) -> Option<Model> {
    let profiles = all.profiles.as_ref()?;
    let outcomes = layout.outcomes();
    let counts = level_counts(layout, all, outcome);
    let n = respondents(layout, &counts);
    if n == 0 {
        return None;
    }
    let present: Vec<bool> = counts.iter().map(|&c| c > 0).collect();
    let reference: Vec<usize> = layout
        .factors
        .iter()
        .map(|f| {
            (f.level_at..f.level_at + f.levels())
                .find(|&l| present[l])
                .unwrap_or(f.level_at)
        })
        .collect();
    // Column 0 is the intercept; then one per non-reference level present.
    let mut column_of = vec![None; layout.levels];
    let mut columns = 1;
    for level in 0..layout.levels {
        if present[level] && !reference.contains(&level) {
            column_of[level] = Some(columns);
            columns += 1;
        }
    }
    let mut xtx = vec![0u64; columns * columns];
    let mut xty = vec![0u128; columns];
    let mut cols = Vec::with_capacity(5);
    for profile in 0..layout.profiles {
        let count = profiles.n[profile * outcomes + outcome];
        if count == 0 {
            continue;
        }
        let sum = u128::from(profiles.sum[profile * outcomes + outcome]);
        cols.clear();
        cols.push(0);
        for f in &layout.factors {
            let level = f.level_at + (profile / f.stride) % f.levels();
            if let Some(c) = column_of[level] {
                cols.push(c);
            }
        }
        for &a in &cols {
            xty[a] += sum;
            for &b in &cols {
                xtx[a * columns + b] += count;
            }
        }
    }
    let xtx: Vec<f64> = xtx.iter().map(|&c| c as f64).collect();
    let xty: Vec<f64> = xty
        .iter()
        .map(|&s| s as f64 * unit.num as f64 / unit.den as f64)
        .collect();
    let solution = solve_normal_equations(&xtx, &xty);
    let beta = (0..layout.levels)
        .map(|level| column_of[level].and_then(|c| solution[c]))
        .collect();
    Some(Model {
        n,
        intercept: solution[0],
        beta,
        reference,
        present,
    })
}

/// `mean_g − Σⱼ βⱼ (x̄_g,j − x̄_all,j)`, the level shares differenced exactly
/// (`(c_g·n_all − c_all·n_g)/(n_g·n_all)`), so the `all` group keeps its
/// mean to the bit. `None` when the group has no value for the outcome.
pub(crate) fn adjusted_mean(
    layout: &Layout,
    model: &Model,
    group: &Cell,
    all: &Cell,
    outcome: usize,
    mean: Option<f64>,
) -> Option<f64> {
    let mean = mean?;
    let (group_counts, all_counts) = (
        level_counts(layout, group, outcome),
        level_counts(layout, all, outcome),
    );
    let n_g = respondents(layout, &group_counts);
    let n_all = respondents(layout, &all_counts);
    if n_g == 0 || n_all == 0 {
        return None;
    }
    let mut shift = 0.0;
    for ((beta, &c_g), &c_all) in model.beta.iter().zip(&group_counts).zip(&all_counts) {
        if let Some(beta) = beta {
            let num = i128::from(c_g) * i128::from(n_all) - i128::from(c_all) * i128::from(n_g);
            let share_diff = num as f64 / (n_g as f64 * n_all as f64);
            shift += beta * share_diff;
        }
    }
    Some(mean - shift)
}

/// The model as the report lists it.
pub(crate) fn describe(layout: &Layout, scope: Scope, id: &str, model: &Model) -> CaseMixModel {
    let mut reference = Vec::new();
    let mut coefficients = Vec::new();
    for (f, factor) in layout.factors.iter().enumerate() {
        for level in factor.level_at..factor.level_at + factor.levels() {
            let name = factor.level_name(level - factor.level_at);
            if level == model.reference[f] {
                reference.push(Level {
                    field: factor.field.to_string(),
                    level: name,
                });
            } else if model.present[level] {
                coefficients.push(Coefficient {
                    field: factor.field.to_string(),
                    level: name,
                    beta: num(model.beta[level]),
                });
            }
        }
    }
    CaseMixModel {
        scope,
        id: id.to_string(),
        n: model.n,
        intercept: num(model.intercept),
        reference,
        coefficients,
    }
}
