//! Exact 256-bit unsigned integers, just enough for the numerators of
//! variances and covariances: `n·Σx² − (Σx)²` with `n`, `Σx`, `Σx²` of up
//! to 128 bits each.
//!
//! Computing that difference exactly, before any rounding, is what makes a
//! variance of exactly 0 detectable (docs/scoring.md §5 "a variance is 0 on both
//! sides") and leaves no cancellation for `f64` to amplify.

use std::cmp::Ordering;

const LOW64: u128 = (1 << 64) - 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct U256 {
    hi: u128,
    lo: u128,
}

impl Ord for U256 {
    fn cmp(&self, other: &U256) -> Ordering {
        (self.hi, self.lo).cmp(&(other.hi, other.lo))
    }
}

impl PartialOrd for U256 {
    fn partial_cmp(&self, other: &U256) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl U256 {
    pub const ZERO: U256 = U256 { hi: 0, lo: 0 };

    pub fn from_u128(x: u128) -> U256 {
        U256 { hi: 0, lo: x }
    }

    /// The full product `a·b` (schoolbook on 64-bit halves).
    pub fn mul(a: u128, b: u128) -> U256 {
        let (a1, a0) = (a >> 64, a & LOW64);
        let (b1, b0) = (b >> 64, b & LOW64);
        let p00 = a0 * b0;
        let p01 = a0 * b1;
        let p10 = a1 * b0;
        let p11 = a1 * b1;
        // Each summand is < 2^64, so `mid` < 3·2^64 cannot overflow.
        let mid = (p00 >> 64) + (p01 & LOW64) + (p10 & LOW64);
        let lo = (p00 & LOW64) | (mid << 64);
        let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
        U256 { hi, lo }
    }

    pub fn checked_add(self, other: U256) -> Option<U256> {
        let (lo, carry) = self.lo.overflowing_add(other.lo);
        let hi = self
            .hi
            .checked_add(other.hi)?
            .checked_add(u128::from(carry))?;
        Some(U256 { hi, lo })
    }

    /// `self − other`, `None` when negative.
    pub fn checked_sub(self, other: U256) -> Option<U256> {
        let (lo, borrow) = self.lo.overflowing_sub(other.lo);
        let hi = self
            .hi
            .checked_sub(other.hi)?
            .checked_sub(u128::from(borrow))?;
        Some(U256 { hi, lo })
    }

    /// `|self − other|` and whether `self < other`.
    pub fn abs_diff(self, other: U256) -> (U256, bool) {
        match self.checked_sub(other) {
            Some(d) => (d, false),
            // other > self, so this subtraction cannot fail.
            None => (other.checked_sub(self).unwrap_or(U256::ZERO), true),
        }
    }

    pub fn is_zero(self) -> bool {
        self.hi == 0 && self.lo == 0
    }

    /// Nearest `f64` (within one rounding of each half: relative error
    /// below 2⁻⁵²).
    pub fn to_f64(self) -> f64 {
        const TWO_128: f64 = 340_282_366_920_938_463_463_374_607_431_768_211_456.0;
        self.hi as f64 * TWO_128 + self.lo as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_carry_across_the_halves() {
        // (2^128 − 1)² = 2^256 − 2^129 + 1.
        let m = U256::mul(u128::MAX, u128::MAX);
        assert_eq!(m.lo, 1);
        assert_eq!(m.hi, u128::MAX - 1);
        // Small products stay in the low half.
        assert_eq!(U256::mul(12, 34), U256::from_u128(408));
        // 2^64 · 2^64 = 2^128.
        assert_eq!(U256::mul(1 << 64, 1 << 64), U256 { hi: 1, lo: 0 });
    }

    #[test]
    fn subtraction_borrows_and_refuses_negatives() {
        let a = U256 { hi: 1, lo: 0 };
        let b = U256::from_u128(1);
        assert_eq!(
            a.checked_sub(b),
            Some(U256 {
                hi: 0,
                lo: u128::MAX
            })
        );
        assert_eq!(b.checked_sub(a), None);
        assert_eq!(
            b.abs_diff(a),
            (
                U256 {
                    hi: 0,
                    lo: u128::MAX
                },
                true
            )
        );
    }

    #[test]
    fn converts_to_the_nearest_float() {
        assert_eq!(
            U256::mul(1 << 100, 1 << 100).to_f64(),
            libm::ldexp(1.0, 200)
        );
        assert_eq!(U256::from_u128(12345).to_f64(), 12345.0);
    }
}
