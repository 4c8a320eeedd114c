//! Double-double arithmetic: a value is `hi + lo` with `|lo| ≤ ulp(hi)/2`,
//! about 32 significant digits.
//!
//! Used only inside the incomplete-beta continued fraction
//! (`student_t.rs`): for the Student t tail at large degrees of freedom its
//! terms are `1 − (almost 1)`, and plain `f64` loses up to `log10(df)` digits
//! there (1e-6 relative error at df = 10¹⁰, measured against mpmath). The
//! algorithms are the textbook error-free transformations (Knuth's
//! two-sum, Dekker's split and product; Hida, Li & Bailey's QD library), made
//! of `+ − × ÷` only, so they give the same bits natively and in wasm.

use std::ops::{Add, Div, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dd {
    pub(crate) hi: f64,
    pub(crate) lo: f64,
}

/// `a + b` exactly as `s + e`.
#[inline]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// `a + b` exactly as `s + e`, given `|a| ≥ |b|`.
#[inline]
fn quick_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let e = b - (s - a);
    (s, e)
}

/// Dekker's split of `a` into two halves of 26 significant bits each.
#[inline]
fn split(a: f64) -> (f64, f64) {
    const SPLITTER: f64 = 134_217_729.0; // 2^27 + 1
    let t = SPLITTER * a;
    let hi = t - (t - a);
    (hi, a - hi)
}

/// `a × b` exactly as `p + e` (no fused multiply-add, whose availability
/// differs between targets).
#[inline]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    (p, e)
}

impl Dd {
    pub(crate) fn new(x: f64) -> Dd {
        Dd { hi: x, lo: 0.0 }
    }

    pub(crate) fn to_f64(self) -> f64 {
        self.hi + self.lo
    }
}

impl Neg for Dd {
    type Output = Dd;
    #[inline]
    fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }
}

impl Add for Dd {
    type Output = Dd;
    #[inline]
    fn add(self, b: Dd) -> Dd {
        let (s, e) = two_sum(self.hi, b.hi);
        let (t, f) = two_sum(self.lo, b.lo);
        let (s, e) = quick_two_sum(s, e + t);
        let (hi, lo) = quick_two_sum(s, e + f);
        Dd { hi, lo }
    }
}

impl Sub for Dd {
    type Output = Dd;
    #[inline]
    fn sub(self, b: Dd) -> Dd {
        self + (-b)
    }
}

impl Mul<f64> for Dd {
    type Output = Dd;
    #[inline]
    fn mul(self, b: f64) -> Dd {
        let (p, e) = two_prod(self.hi, b);
        let (hi, lo) = quick_two_sum(p, e + self.lo * b);
        Dd { hi, lo }
    }
}

impl Mul for Dd {
    type Output = Dd;
    #[inline]
    fn mul(self, b: Dd) -> Dd {
        let (p, e) = two_prod(self.hi, b.hi);
        let e = e + (self.hi * b.lo + self.lo * b.hi);
        let (hi, lo) = quick_two_sum(p, e);
        Dd { hi, lo }
    }
}

/// Two-step long division (QD's `sloppy_div`): relative error about
/// 2⁻¹⁰⁰, far below what the continued fraction needs.
impl Div for Dd {
    type Output = Dd;
    #[inline]
    fn div(self, b: Dd) -> Dd {
        let q1 = self.hi / b.hi;
        let r = self - b * q1;
        let q2 = r.hi / b.hi;
        let (hi, lo) = quick_two_sum(q1, q2);
        Dd { hi, lo }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_f64_rounds_away() {
        // 1 + 2^-70 is not an f64, but it is a double-double.
        let tiny = libm::ldexp(1.0, -70);
        let x = Dd::new(1.0) + Dd::new(tiny);
        assert_eq!((x.hi, x.lo), (1.0, tiny));
        assert_eq!((x - Dd::new(1.0)).to_f64(), tiny);
    }

    #[test]
    fn products_and_quotients_are_exact_to_about_32_digits() {
        // (1 + 2^-40)² = 1 + 2^-39 + 2^-80: the last term needs double-double.
        let a = Dd::new(1.0 + libm::ldexp(1.0, -40));
        let sq = a * a;
        assert_eq!(sq.hi, 1.0 + libm::ldexp(1.0, -39));
        assert_eq!(sq.lo, libm::ldexp(1.0, -80));
        // 1/3 · 3 = 1 to within 1e-30.
        let third = Dd::new(1.0) / Dd::new(3.0);
        let back = third * Dd::new(3.0) - Dd::new(1.0);
        assert!(back.to_f64().abs() < 1e-30, "{back:?}");
        assert!(third.lo != 0.0);
    }
}
