//! Integer sufficient statistics of a sample and what follows from them:
//! mean, sample variance, t interval (docs/scoring.md §1), kept exact until the
//! last step.
//!
//! Observations are non-negative integers `x` (scores multiplied by a
//! common denominator, see `tally::layout`); the statistic on the report's
//! 0–100 scale is `x·unit`, with `unit` a fraction `num/den`.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::student_t;
use super::wide::U256;

/// `n`, `Σx`, `Σx²` of non-negative integer observations. Adding two of
/// them is exact, so tallies merge and any order gives the same numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moments {
    pub n: u64,
    pub sum: u128,
    pub sum_sq: u128,
}

/// The value of one integer step on the 0–100 scale, `num/den`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub num: u64,
    pub den: u64,
}

impl Unit {
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

/// A sample described on the 0–100 scale (docs/scoring.md §1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: u64,
    /// Mean, `None` when `n = 0`.
    pub mean: Option<f64>,
    /// Sample variance (divisor `n − 1`), `None` when `n < 2`.
    pub var: Option<f64>,
    /// The variance is exactly 0 (decided on integers, not floats).
    pub zero_var: bool,
}

impl Summary {
    pub fn sd(&self) -> Option<f64> {
        self.var.map(f64::sqrt)
    }

    /// 95% interval of the mean, `mean ± t(0.975, n−1)·sd/√n`; `None` when
    /// `n < 2`. (Computed on demand: the t quantile is the costly part.)
    pub fn ci(&self) -> Option<(f64, f64)> {
        let (mean, var) = (self.mean?, self.var?);
        let n = self.n as f64;
        let half = student_t::quantile_upper(0.025, n - 1.0) * var.sqrt() / n.sqrt();
        Some((mean - half, mean + half))
    }
}

impl Moments {
    /// Adds one observation. The caller bounds `n` (see `tally::cell`) so
    /// that the sums cannot overflow.
    #[inline]
    pub fn push(&mut self, x: u64) {
        let x = u128::from(x);
        self.n += 1;
        self.sum += x;
        self.sum_sq += x * x;
    }

    pub fn checked_add(&self, other: &Moments) -> Option<Moments> {
        Some(Moments {
            n: self.n.checked_add(other.n)?,
            sum: self.sum.checked_add(other.sum)?,
            sum_sq: self.sum_sq.checked_add(other.sum_sq)?,
        })
    }

    /// The moments of `self` without the observations of `part` (which
    /// must be among them): exact, like [`Moments::checked_add`].
    pub fn checked_sub(&self, part: &Moments) -> Option<Moments> {
        Some(Moments {
            n: self.n.checked_sub(part.n)?,
            sum: self.sum.checked_sub(part.sum)?,
            sum_sq: self.sum_sq.checked_sub(part.sum_sq)?,
        })
    }

    /// `n·Σx² − (Σx)² = n·Σ(x − x̄)²`, exactly; 0 iff every `x` is equal.
    pub fn ss_times_n(&self) -> U256 {
        U256::mul(u128::from(self.n), self.sum_sq)
            .checked_sub(U256::mul(self.sum, self.sum))
            // Cauchy–Schwarz makes this non-negative for any real sample.
            .unwrap_or(U256::ZERO)
    }

    /// Compares the two means exactly (`Σx_a·n_b` against `Σx_b·n_a`).
    /// Both samples must be non-empty and use the same unit.
    pub fn cmp_mean(&self, other: &Moments) -> Ordering {
        U256::mul(self.sum, u128::from(other.n)).cmp(&U256::mul(other.sum, u128::from(self.n)))
    }

    /// `mean_self − mean_other` on the 0–100 scale from the exact numerator
    /// `Σx_a·n_b − Σx_b·n_a` (one rounding instead of a difference of two
    /// rounded means). `None` when a sample is empty.
    pub fn mean_diff(&self, other: &Moments, unit: Unit) -> Option<f64> {
        if self.n == 0 || other.n == 0 {
            return None;
        }
        let (num, negative) = U256::mul(self.sum, u128::from(other.n))
            .abs_diff(U256::mul(other.sum, u128::from(self.n)));
        let den = (self.n as f64) * (other.n as f64);
        let magnitude = num.to_f64() * unit.num as f64 / (den * unit.den as f64);
        Some(if negative { -magnitude } else { magnitude })
    }

    /// Mean and variance on the 0–100 scale.
    pub fn summary(&self, unit: Unit) -> Summary {
        let n = self.n;
        let mean = (n > 0).then(|| ratio(self.sum, unit.num, u128::from(n), unit.den));
        let (var, zero_var) = if n >= 2 {
            let ss_n = self.ss_times_n();
            let u = unit.to_f64();
            let var = ss_n.to_f64() * u * u / ((n as f64) * ((n - 1) as f64));
            (Some(var), ss_n.is_zero())
        } else {
            (None, false)
        };
        Summary {
            n,
            mean,
            var,
            zero_var,
        }
    }
}

/// `(a·b)/(c·d)` with the products formed exactly when they fit in 128
/// bits, so that equal fractions give equal floats (a single rounding when
/// both products are below 2⁵³).
pub(crate) fn ratio(a: u128, b: u64, c: u128, d: u64) -> f64 {
    match (a.checked_mul(u128::from(b)), c.checked_mul(u128::from(d))) {
        (Some(num), Some(den)) => num as f64 / den as f64,
        _ => (a as f64 * b as f64) / (c as f64 * d as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(xs: &[u64]) -> Moments {
        let mut m = Moments::default();
        for &x in xs {
            m.push(x);
        }
        m
    }

    const FIVE: Unit = Unit { num: 5, den: 1 };

    #[test]
    fn likert_answers_become_a_mean_sd_and_interval() {
        // Answers 5, 4, 4, 3 → e = 20, 15, 15, 10 → scores 100, 75, 75, 50.
        let s = sample(&[20, 15, 15, 10]).summary(FIVE);
        assert_eq!(s.mean, Some(75.0));
        // var = (625 + 0 + 0 + 625)/3.
        assert!((s.var.unwrap() - 1250.0 / 3.0).abs() < 1e-12);
        let (lo, hi) = s.ci().unwrap();
        // t(0.975, 3) = 3.1824463052837078 (SciPy).
        let half = 3.182_446_305_283_707_8 * (1250.0f64 / 3.0).sqrt() / 2.0;
        assert!((hi - 75.0 - half).abs() < 1e-12 && (75.0 - lo - half).abs() < 1e-12);
        assert!(!s.zero_var);
    }

    #[test]
    fn constant_samples_have_exactly_zero_variance() {
        let s = sample(&[7; 1000]).summary(Unit { num: 5, den: 3 });
        assert!(s.zero_var);
        assert_eq!(s.var, Some(0.0));
        assert_eq!(s.ci(), Some((s.mean.unwrap(), s.mean.unwrap())));
    }

    #[test]
    fn too_small_samples_have_no_spread() {
        let one = sample(&[20]).summary(FIVE);
        assert_eq!((one.mean, one.var, one.ci()), (Some(100.0), None, None));
        let none = Moments::default().summary(FIVE);
        assert_eq!(none.mean, None);
    }

    #[test]
    fn mean_comparisons_are_exact() {
        let a = sample(&[1, 2]); // mean 3/2
        let b = sample(&[1, 1, 2, 2]); // mean 6/4
        assert_eq!(a.cmp_mean(&b), Ordering::Equal);
        assert_eq!(a.mean_diff(&b, FIVE), Some(0.0));
        let c = sample(&[2, 2, 2]);
        assert_eq!(c.mean_diff(&a, FIVE), Some(2.5));
        assert_eq!(a.mean_diff(&c, FIVE), Some(-2.5));
    }
}
