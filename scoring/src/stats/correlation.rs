//! Pearson correlation from integer sums (docs/scoring.md §4 key drivers).

use serde::{Deserialize, Serialize};

use super::wide::U256;

/// `n, Σx, Σy, Σx², Σy², Σxy` of paired non-negative integers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paired {
    pub n: u64,
    pub sx: u128,
    pub sy: u128,
    pub sxx: u128,
    pub syy: u128,
    pub sxy: u128,
}

impl Paired {
    #[inline]
    pub fn push(&mut self, x: u64, y: u64) {
        let (x, y) = (u128::from(x), u128::from(y));
        self.n += 1;
        self.sx += x;
        self.sy += y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sxy += x * y;
    }

    pub fn checked_add(&self, o: &Paired) -> Option<Paired> {
        Some(Paired {
            n: self.n.checked_add(o.n)?,
            sx: self.sx.checked_add(o.sx)?,
            sy: self.sy.checked_add(o.sy)?,
            sxx: self.sxx.checked_add(o.sxx)?,
            syy: self.syy.checked_add(o.syy)?,
            sxy: self.sxy.checked_add(o.sxy)?,
        })
    }

    /// `r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²))`, numerators
    /// exact; `None` when `n < 3` or a variance is exactly 0.
    pub fn pearson(&self) -> Option<f64> {
        if self.n < 3 {
            return None;
        }
        let n = u128::from(self.n);
        let vx = U256::mul(n, self.sxx).checked_sub(U256::mul(self.sx, self.sx))?;
        let vy = U256::mul(n, self.syy).checked_sub(U256::mul(self.sy, self.sy))?;
        if vx.is_zero() || vy.is_zero() {
            return None;
        }
        let (cov, negative) = U256::mul(n, self.sxy).abs_diff(U256::mul(self.sx, self.sy));
        let r = cov.to_f64() / (vx.to_f64().sqrt() * vy.to_f64().sqrt());
        let r = r.min(1.0);
        Some(if negative { -r } else { r })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paired(xy: &[(u64, u64)]) -> Paired {
        let mut p = Paired::default();
        xy.iter().for_each(|&(x, y)| p.push(x, y));
        p
    }

    #[test]
    fn matches_scipy_pearsonr() {
        // pearsonr([1,2,3,4,5], [2,1,4,3,5]).statistic = 0.8
        let r = paired(&[(1, 2), (2, 1), (3, 4), (4, 3), (5, 5)])
            .pearson()
            .unwrap();
        assert!((r - 0.8).abs() < 1e-15, "{r}");
        let r = paired(&[(1, 5), (2, 4), (3, 3)]).pearson().unwrap();
        assert_eq!(r, -1.0);
    }

    #[test]
    fn undefined_without_spread_or_with_fewer_than_three() {
        assert_eq!(paired(&[(1, 2), (1, 3), (1, 4)]).pearson(), None);
        assert_eq!(paired(&[(1, 2), (2, 3)]).pearson(), None);
    }
}
