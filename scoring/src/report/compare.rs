//! Baseline-versus-current comparisons of one group (docs/scoring.md §5).

use std::cmp::Ordering;

use super::canonical::num;
use super::describe::{index_unit, item_unit, stage_unit, Numbers};
use super::model::{Comparison, Scope, Verdict};
use crate::stats::moments::{Moments, Unit};
use crate::stats::multiple_testing::benjamini_hochberg;
use crate::stats::proportions::{two_proportions, TwoProportions};
use crate::stats::welch::{welch, Welch};
use crate::tally::Layout;

/// Significance level of the verdicts (on `q`).
const ALPHA: f64 = 0.05;

/// One comparison before `q` and the verdict are known.
struct Pending {
    scope: Scope,
    id: String,
    current: Moments,
    baseline: Moments,
    unit: Unit,
    welch: Welch,
    top_box: TwoProportions,
}

/// Every item, then every stage, then the index; `q` is the BH adjustment
/// over all of their `p` that exist.
pub(crate) fn comparisons(
    layout: &Layout,
    current: &Numbers,
    baseline: &Numbers,
    min_compare: u64,
) -> Vec<Comparison> {
    let mut pending = Vec::new();
    for (i, item) in layout.items.iter().enumerate() {
        let (c, b) = (&current.items[i], &baseline.items[i]);
        pending.push(Pending {
            scope: Scope::Item,
            id: item.id.clone(),
            current: c.moments,
            baseline: b.moments,
            unit: item_unit(layout),
            welch: welch(&c.moments, &b.moments, item_unit(layout)),
            top_box: two_proportions(c.top_box, c.moments.n, b.top_box, b.moments.n),
        });
    }
    for (s, stage) in layout.stages.iter().enumerate() {
        let unit = stage_unit(layout, s);
        let (c, b) = (current.stages[s], baseline.stages[s]);
        pending.push(Pending {
            scope: Scope::Stage,
            id: stage.id.clone(),
            current: c,
            baseline: b,
            unit,
            welch: welch(&c, &b, unit),
            top_box: TwoProportions::default(),
        });
    }
    let unit = index_unit(layout);
    pending.push(Pending {
        scope: Scope::Index,
        id: super::INDEX_ID.to_string(),
        current: current.index,
        baseline: baseline.index,
        unit,
        welch: welch(&current.index, &baseline.index, unit),
        top_box: TwoProportions::default(),
    });

    let p: Vec<Option<f64>> = pending.iter().map(|c| c.welch.p).collect();
    let q = benjamini_hochberg(&p);
    pending
        .into_iter()
        .zip(q)
        .map(|(c, q)| {
            let verdict = verdict(&c, q, min_compare);
            let current_mean = c.current.summary(c.unit).mean;
            let baseline_mean = c.baseline.summary(c.unit).mean;
            Comparison {
                scope: c.scope,
                id: c.id,
                baseline_n: c.baseline.n,
                baseline_mean: num(baseline_mean),
                current_n: c.current.n,
                current_mean: num(current_mean),
                diff: num(c.welch.diff),
                ci_low: num(c.welch.ci.map(|x| x.0)),
                ci_high: num(c.welch.ci.map(|x| x.1)),
                t: num(c.welch.t),
                df: num(c.welch.df),
                p: num(c.welch.p),
                q: num(q),
                cohen_d: num(c.welch.cohen_d),
                top_box_diff: num(c.top_box.diff),
                z: num(c.top_box.z),
                p_top_box: num(c.top_box.p),
                cohen_h: num(c.top_box.cohen_h),
                verdict,
            }
        })
        .collect()
}

/// docs/scoring.md §5: `insufficient` below the minimum n on either side; with
/// both variances exactly 0, `no_change` only if the means are exactly
/// equal, else `insufficient`; otherwise `improved`/`declined` when
/// `q < 0.05` (sign of the exact difference), else `no_change`.
fn verdict(c: &Pending, q: Option<f64>, min_compare: u64) -> Verdict {
    if c.current.n < min_compare.max(1) || c.baseline.n < min_compare.max(1) {
        return Verdict::Insufficient;
    }
    let direction = c.current.cmp_mean(&c.baseline);
    if c.welch.both_constant {
        return if direction == Ordering::Equal {
            Verdict::NoChange
        } else {
            Verdict::Insufficient
        };
    }
    match q {
        None => Verdict::Insufficient,
        Some(q) if q < ALPHA && direction == Ordering::Greater => Verdict::Improved,
        Some(q) if q < ALPHA && direction == Ordering::Less => Verdict::Declined,
        Some(_) => Verdict::NoChange,
    }
}
