//! The sufficient statistics of one cell — one month × one group value —
//! as flat integer vectors indexed by the layout's positions.

use serde::{Deserialize, Serialize};

use super::digest::Digest;
use super::layout::Layout;
use super::TallyError;
use crate::stats::correlation::Paired;
use crate::stats::moments::Moments;

/// Key-driver sums of one item (docs/scoring.md §4), `[n, Σx, Σy, Σx², Σy², Σxy]`
/// with `x = e ≤ E_MAX` and `y = overall.rating ≤ 10`: within `u64` for
/// 2³² pairs (asserted at compile time in `layout`), added as one small
/// vector on the hot path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DriverSums(pub(crate) [u64; 6]);

impl DriverSums {
    pub(crate) fn paired(&self) -> Paired {
        let [n, sx, sy, sxx, syy, sxy] = self.0;
        Paired {
            n,
            sx: u128::from(sx),
            sy: u128::from(sy),
            sxx: u128::from(sxx),
            syy: u128::from(syy),
            sxy: u128::from(sxy),
        }
    }

    pub(crate) fn from_paired(p: &Paired) -> Option<DriverSums> {
        Some(DriverSums([
            p.n,
            u64::try_from(p.sx).ok()?,
            u64::try_from(p.sy).ok()?,
            u64::try_from(p.sxx).ok()?,
            u64::try_from(p.syy).ok()?,
            u64::try_from(p.sxy).ok()?,
        ]))
    }

    fn checked_add(&self, o: &DriverSums) -> Option<DriverSums> {
        let mut out = [0; 6];
        for (k, slot) in out.iter_mut().enumerate() {
            *slot = self.0[k].checked_add(o.0[k])?;
        }
        Some(DriverSums(out))
    }
}

/// `n`, `Σx`, `Σx²` of small integers (alpha totals `T ≤ E_MAX·k`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SmallMoments {
    pub(crate) n: u64,
    pub(crate) sum: u64,
    pub(crate) sum_sq: u64,
}

impl SmallMoments {
    fn checked_add(&self, o: &SmallMoments) -> Option<SmallMoments> {
        Some(SmallMoments {
            n: self.n.checked_add(o.n)?,
            sum: self.sum.checked_add(o.sum)?,
            sum_sq: self.sum_sq.checked_add(o.sum_sq)?,
        })
    }
}

/// A cell holds at most this many responses (`add` and `merge` refuse
/// beyond it), so that case-mix level counts fit in `u32` and, with integer
/// scores below 2³² (see `layout`), every other sum fits its type.
pub(crate) const MAX_CELL_RESPONSES: u64 = u32::MAX as u64;

/// Cronbach's alpha sums of one stage over respondents with every item
/// valid (docs/scoring.md §2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AlphaSums {
    /// Respondents and the moments of their totals `T = Σ eᵢ`.
    pub(crate) total: SmallMoments,
    /// `Σ eᵢ` per item of the stage.
    pub(crate) item_sum: Vec<u64>,
    /// `Σ eᵢ²` per item of the stage.
    pub(crate) item_sum_sq: Vec<u64>,
}

/// Per case-mix profile (the 4-tuple of respondent levels) and outcome: the
/// respondents with a value and the sum of their values (below 2³² · 2³²,
/// see `layout::MAX_SCORE_INTEGER`). Only the `all` cells keep it: the
/// pooled regression needs nothing finer, and the `all` cell's level counts
/// are sums of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProfileSums {
    /// `[profile × outcomes + outcome]`.
    pub(crate) n: Vec<u64>,
    pub(crate) sum: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Responses.
    pub(crate) n: u64,
    /// Per item: a count per raw scale value, then `na` (`ItemLayout::counts_at`).
    pub(crate) counts: Vec<u64>,
    /// Stage composites `a` per stage.
    pub(crate) stages: Vec<Moments>,
    /// Index numerators.
    pub(crate) index: Moments,
    pub(crate) alpha: Vec<AlphaSums>,
    /// Per driver item: `(e, overall.rating)` pairs.
    pub(crate) drivers: Vec<DriverSums>,
    /// `[level × outcomes + outcome]`: respondents at that case-mix level
    /// with a value for that outcome (for the group means `x̄_g,j`, §6).
    /// Empty in `all` cells, whose profile sums hold the same counts.
    pub(crate) levels: Vec<u32>,
    pub(crate) profiles: Option<ProfileSums>,
}

impl Cell {
    pub(crate) fn new(layout: &Layout, with_profiles: bool) -> Cell {
        let outcomes = layout.outcomes();
        Cell {
            n: 0,
            counts: vec![0; layout.counts_len],
            stages: vec![Moments::default(); layout.stages.len()],
            index: Moments::default(),
            alpha: layout
                .stages
                .iter()
                .map(|s| AlphaSums {
                    total: SmallMoments::default(),
                    item_sum: vec![0; s.items.len()],
                    item_sum_sq: vec![0; s.items.len()],
                })
                .collect(),
            drivers: vec![DriverSums::default(); layout.drivers.len()],
            levels: if with_profiles {
                Vec::new()
            } else {
                vec![0; layout.levels * outcomes]
            },
            profiles: with_profiles.then(|| ProfileSums {
                n: vec![0; layout.profiles * outcomes],
                sum: vec![0; layout.profiles * outcomes],
            }),
        }
    }

    /// Back to no responses, keeping the allocations.
    pub(crate) fn clear(&mut self) {
        self.n = 0;
        self.counts.fill(0);
        self.stages.fill(Moments::default());
        self.index = Moments::default();
        for sums in &mut self.alpha {
            sums.total = SmallMoments::default();
            sums.item_sum.fill(0);
            sums.item_sum_sq.fill(0);
        }
        self.drivers.fill(DriverSums::default());
        self.levels.fill(0);
        if let Some(profiles) = &mut self.profiles {
            profiles.n.fill(0);
            profiles.sum.fill(0);
        }
    }

    /// Adds one response's digest. The caller has checked `n` against
    /// [`MAX_CELL_RESPONSES`], which keeps every sum below its type's limit.
    pub(crate) fn add(&mut self, d: &Digest) {
        self.n += 1;
        for &slot in &d.count_slots {
            self.counts[slot as usize] += 1;
        }
        for &(s, a) in &d.composites {
            self.stages[s as usize].push(a);
        }
        if let Some(index) = d.index {
            self.index.push(index);
        }
        let mut e = d.complete_e.as_slice();
        for &(s, total) in &d.complete {
            let sums = &mut self.alpha[s as usize];
            sums.total.n += 1;
            sums.total.sum += total;
            sums.total.sum_sq += total * total;
            let (stage, rest) = e.split_at(sums.item_sum.len().min(e.len()));
            e = rest;
            for ((sum, sum_sq), &x) in sums
                .item_sum
                .iter_mut()
                .zip(sums.item_sum_sq.iter_mut())
                .zip(stage)
            {
                *sum += x;
                *sum_sq += x * x;
            }
        }
        if let Some(y) = d.rating {
            for &(j, x) in &d.driver_pairs {
                let sums = &mut self.drivers[j as usize].0;
                for (sum, term) in sums.iter_mut().zip([1, x, y, x * x, y * y, x * y]) {
                    *sum += term;
                }
            }
        }
        match &mut self.profiles {
            Some(profiles) => {
                let at = d.profile * d.valid.len();
                for &(outcome, value) in &d.outcome_values {
                    profiles.n[at + outcome as usize] += 1;
                    profiles.sum[at + outcome as usize] += value;
                }
            }
            None => {
                let outcomes = d.valid.len();
                for &level in &d.levels {
                    let row = &mut self.levels[level * outcomes..(level + 1) * outcomes];
                    for (count, &valid) in row.iter_mut().zip(&d.valid) {
                        *count += valid;
                    }
                }
            }
        }
    }

    /// Adds another cell of the same layout, refusing any overflow.
    pub(crate) fn merge(&mut self, other: &Cell) -> Result<(), TallyError> {
        let overflow = || TallyError::Overflow;
        self.n = self
            .n
            .checked_add(other.n)
            .filter(|&n| n <= MAX_CELL_RESPONSES)
            .ok_or_else(overflow)?;
        add_all(&mut self.counts, &other.counts)?;
        for (a, b) in self.stages.iter_mut().zip(&other.stages) {
            *a = a.checked_add(b).ok_or_else(overflow)?;
        }
        self.index = self.index.checked_add(&other.index).ok_or_else(overflow)?;
        for (a, b) in self.alpha.iter_mut().zip(&other.alpha) {
            a.total = a.total.checked_add(&b.total).ok_or_else(overflow)?;
            add_all(&mut a.item_sum, &b.item_sum)?;
            add_all(&mut a.item_sum_sq, &b.item_sum_sq)?;
        }
        for (a, b) in self.drivers.iter_mut().zip(&other.drivers) {
            *a = a.checked_add(b).ok_or_else(overflow)?;
        }
        for (x, y) in self.levels.iter_mut().zip(&other.levels) {
            *x = x.checked_add(*y).ok_or_else(overflow)?;
        }
        match (&mut self.profiles, &other.profiles) {
            (Some(a), Some(b)) => {
                add_all(&mut a.n, &b.n)?;
                add_all(&mut a.sum, &b.sum)?;
            }
            (None, None) => {}
            _ => {
                return Err(TallyError::Corrupt(
                    "profile sums in a non-`all` cell".into(),
                ))
            }
        }
        Ok(())
    }

    /// `n_na` and the counts per raw value of item `i`.
    pub(crate) fn item_counts<'a>(&'a self, layout: &Layout, i: usize) -> &'a [u64] {
        let item = &layout.items[i];
        &self.counts[item.counts_at..item.counts_at + item.values() + 1]
    }
}

fn add_all(a: &mut [u64], b: &[u64]) -> Result<(), TallyError> {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.checked_add(*y).ok_or(TallyError::Overflow)?;
    }
    Ok(())
}
