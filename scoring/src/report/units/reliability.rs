//! Unit reliability (docs/scoring.md §10.3): the one-way ANOVA intraclass
//! correlation and Spearman–Brown, and the respondents a unit needs for
//! its mean to be reliable enough to publish as a ranking.

use num_rational::BigRational;
use num_traits::{One, ToPrimitive};

use super::{Pooled, Sample};
use crate::stats::exact;

pub(super) struct Reliability {
    pub(super) icc: f64,
    /// Smallest n reaching the target; `None` when `icc = 0`.
    pub(super) n_needed: Option<u64>,
    /// `R_u` per member.
    pub(super) units: Vec<f64>,
}

/// `None` when the ICC is undefined (`MSB + (n₀ − 1)·MSW = 0`).
pub(super) fn reliability(
    samples: &[Sample<'_>],
    pooled: &Pooled,
    target: f64,
) -> Option<Reliability> {
    let k = pooled.members.len() as f64;
    let n = pooled.n as f64;
    let sum_n2: f64 = pooled
        .members
        .iter()
        .map(|&u| {
            let n = samples[u].moments.n as f64;
            n * n
        })
        .sum();
    let n0 = (n - sum_n2 / n) / (k - 1.0);
    let denominator = pooled.msb + (n0 - 1.0) * pooled.msw;
    if denominator.is_nan() || denominator <= 0.0 {
        return None;
    }
    let icc = ((pooled.msb - pooled.msw) / denominator).max(0.0);
    let units = pooled
        .members
        .iter()
        .map(|&u| spearman_brown(samples[u].moments.n as f64, icc))
        .collect();
    Some(Reliability {
        icc,
        n_needed: n_needed(icc, target),
        units,
    })
}

/// `R = n·icc / (1 + (n − 1)·icc)`.
fn spearman_brown(n: f64, icc: f64) -> f64 {
    n * icc / (1.0 + (n - 1.0) * icc)
}

/// The smallest integer n ≥ 1 with `spearman_brown(n, icc) ≥ target`:
/// `⌈R(1 − icc)/((1 − R)·icc)⌉` on the exact values of the two floats, so
/// that an exact integer ratio is not rounded up.
fn n_needed(icc: f64, target: f64) -> Option<u64> {
    if icc <= 0.0 {
        return None;
    }
    let (icc, target) = (exact::of_f64(icc)?, exact::of_f64(target)?);
    let one = BigRational::one();
    let ratio = &target * (&one - &icc) / ((&one - &target) * &icc);
    // Saturates for an icc so small that no sample reaches the target.
    Some(
        ratio
            .ceil()
            .to_integer()
            .to_u64()
            .unwrap_or(u64::MAX)
            .max(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_the_smallest_n_that_reaches_the_target() {
        // icc = ¼, R = ¾ (both exact in binary): 0.75·0.75/(0.25·0.25) = 9
        // exactly, and 9 respondents reach R exactly.
        assert_eq!(n_needed(0.25, 0.75), Some(9));
        assert_eq!(spearman_brown(9.0, 0.25), 0.75);
        // The floats 0.1 and 0.7 give 20.999…: 21.
        assert_eq!(n_needed(0.1, 0.7), Some(21));
        assert_eq!(n_needed(0.3, 0.7), Some(6)); // 5.44 → 6
        assert_eq!(n_needed(1.0, 0.7), Some(1));
        assert_eq!(n_needed(0.0, 0.7), None);
    }
}
