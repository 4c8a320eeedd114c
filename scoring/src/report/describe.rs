//! The statistics of one group in one period (docs/scoring.md §1–§4), from the
//! summed cell of that group.

use super::canonical::num;
use super::model::{Counts, Driver, IndexStats, ItemStats, Nps, Quadrant, StageStats};
use crate::stats::moments::{ratio, Moments, Summary, Unit};
use crate::stats::proportions::{fraction, wilson};
use crate::stats::reliability::cronbach_alpha;
use crate::tally::{Cell, Layout};

/// `e` to the 0–100 scale: `s = 100e/S` (`S` the layout's score steps).
pub(crate) fn item_unit(layout: &Layout) -> Unit {
    layout.unit(1)
}

/// One item's integer summary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ItemNumbers {
    pub(crate) moments: Moments,
    pub(crate) n_na: u64,
    pub(crate) top_box: u64,
    pub(crate) satisfied: u64,
}

/// The integer summaries of a cell that the statistics are computed from.
pub(crate) struct Numbers {
    pub(crate) items: Vec<ItemNumbers>,
    pub(crate) stages: Vec<Moments>,
    pub(crate) index: Moments,
}

pub(crate) fn stage_unit(layout: &Layout, stage: usize) -> Unit {
    layout.unit(layout.stages[stage].denominator)
}

pub(crate) fn index_unit(layout: &Layout) -> Unit {
    layout.unit(layout.index_denominator)
}

impl Numbers {
    pub(crate) fn of(layout: &Layout, cell: &Cell) -> Numbers {
        let items = (0..layout.items.len())
            .map(|i| {
                let item = &layout.items[i];
                let counts = cell.item_counts(layout, i);
                let mut numbers = ItemNumbers {
                    moments: Moments::default(),
                    n_na: counts[item.values()],
                    top_box: 0,
                    satisfied: 0,
                };
                for (slot, &c) in counts[..item.values()].iter().enumerate() {
                    let e = u128::from(item.e_of_slot(slot));
                    let m = &mut numbers.moments;
                    m.n += c;
                    m.sum += u128::from(c) * e;
                    m.sum_sq += u128::from(c) * e * e;
                    if item.is_top_box(slot) {
                        numbers.top_box += c;
                    }
                    if item.is_satisfied(slot) {
                        numbers.satisfied += c;
                    }
                }
                numbers
            })
            .collect();
        Numbers {
            items,
            stages: cell.stages.clone(),
            index: cell.index,
        }
    }
}

pub(crate) fn item_stats(layout: &Layout, cell: &Cell, numbers: &Numbers) -> Vec<ItemStats> {
    layout
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let x = &numbers.items[i];
            let s = x.moments.summary(item_unit(layout));
            let ci = s.ci();
            let n = x.moments.n;
            let top_ci = wilson(x.top_box, n);
            let counts = cell.item_counts(layout, i);
            ItemStats {
                id: item.id.clone(),
                n,
                n_na: x.n_na,
                mean: num(s.mean),
                sd: num(s.sd()),
                ci_low: num(ci.map(|c| c.0)),
                ci_high: num(ci.map(|c| c.1)),
                top_box: num(fraction(x.top_box, n)),
                top_box_ci_low: num(top_ci.map(|c| c.0)),
                top_box_ci_high: num(top_ci.map(|c| c.1)),
                satisfied: num(fraction(x.satisfied, n)),
                counts: Counts(
                    item.scale
                        .values()
                        .zip(&counts[..item.values()])
                        .map(|(v, &c)| (v, c))
                        .collect(),
                ),
                adjusted_mean: None,
            }
        })
        .collect()
}

pub(crate) fn stage_stats(layout: &Layout, cell: &Cell) -> Vec<StageStats> {
    layout
        .stages
        .iter()
        .enumerate()
        .map(|(s, stage)| {
            let summary = cell.stages[s].summary(stage_unit(layout, s));
            let ci = summary.ci();
            let sums = &cell.alpha[s];
            let items: Vec<(u128, u128)> = sums
                .item_sum
                .iter()
                .zip(&sums.item_sum_sq)
                .map(|(&a, &b)| (u128::from(a), u128::from(b)))
                .collect();
            let total = (u128::from(sums.total.sum), u128::from(sums.total.sum_sq));
            let alpha = cronbach_alpha(sums.total.n, &items, total);
            StageStats {
                id: stage.id.clone(),
                n: summary.n,
                mean: num(summary.mean),
                sd: num(summary.sd()),
                ci_low: num(ci.map(|c| c.0)),
                ci_high: num(ci.map(|c| c.1)),
                alpha: num(alpha),
                adjusted_mean: None,
            }
        })
        .collect()
}

pub(crate) fn index_stats(layout: &Layout, cell: &Cell) -> IndexStats {
    let s: Summary = cell.index.summary(index_unit(layout));
    let ci = s.ci();
    IndexStats {
        n: s.n,
        mean: num(s.mean),
        sd: num(s.sd()),
        ci_low: num(ci.map(|c| c.0)),
        ci_high: num(ci.map(|c| c.1)),
        adjusted_mean: None,
    }
}

/// docs/scoring.md §3 on `overall.recommend`: promoters 9–10, detractors 0–6,
/// `score = 100·(promoters − detractors)/n`.
pub(crate) fn nps(layout: &Layout, cell: &Cell) -> Nps {
    let Some(i) = layout.recommend else {
        return Nps {
            n: 0,
            promoters: None,
            detractors: None,
            score: None,
        };
    };
    let item = &layout.items[i];
    let counts = cell.item_counts(layout, i);
    let (mut n, mut promoters, mut detractors) = (0u64, 0u64, 0u64);
    for (v, &c) in item.scale.values().zip(&counts[..item.values()]) {
        n += c;
        if v >= 9 {
            promoters += c;
        } else if v <= 6 {
            detractors += c;
        }
    }
    let score = (n > 0).then(|| {
        let net = i128::from(promoters) - i128::from(detractors);
        let magnitude = ratio(net.unsigned_abs(), 100, u128::from(n), 1);
        if net < 0 {
            -magnitude
        } else {
            magnitude
        }
    });
    Nps {
        n,
        promoters: num(fraction(promoters, n)),
        detractors: num(fraction(detractors, n)),
        score: num(score),
    }
}

/// docs/scoring.md §4: `r` per driver item (a stage item on an ordinal
/// satisfaction scale), and its quadrant against the medians of `r` and of
/// the item means over the items whose `r` is defined. Decisions use the
/// unrounded values.
pub(crate) fn drivers(layout: &Layout, cell: &Cell, numbers: &Numbers) -> Vec<Driver> {
    let rs: Vec<Option<f64>> = cell.drivers.iter().map(|p| p.paired().pearson()).collect();
    let means: Vec<Option<f64>> = layout
        .drivers
        .iter()
        .map(|&i| numbers.items[i].moments.summary(item_unit(layout)).mean)
        .collect();
    let defined: Vec<(f64, f64)> = rs
        .iter()
        .zip(&means)
        .filter_map(|(r, m)| Some(((*r)?, (*m)?)))
        .collect();
    let median_r = median(defined.iter().map(|d| d.0).collect());
    let median_mean = median(defined.iter().map(|d| d.1).collect());
    layout
        .drivers
        .iter()
        .enumerate()
        .map(|(j, &i)| {
            let quadrant = match (rs[j], means[j], median_r, median_mean) {
                (Some(r), Some(mean), Some(mr), Some(mm)) => Some(match (r >= mr, mean >= mm) {
                    (true, false) => Quadrant::FixFirst,
                    (true, true) => Quadrant::KeepUp,
                    (false, false) => Quadrant::Secondary,
                    (false, true) => Quadrant::Surplus,
                }),
                _ => None,
            };
            Driver {
                id: layout.items[i].id.clone(),
                r: num(rs[j]),
                n: cell.drivers[j].0[0],
                quadrant,
            }
        })
        .collect()
}

/// The median (mean of the two middle values for an even count).
pub(crate) fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }
}
