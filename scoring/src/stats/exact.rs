//! Exact rationals of the tally's integers, for the decisions that compare
//! values (docs/scoring.md §10 "Decisions that compare values"): a mean
//! `Σx·num/(n·den)`, the difference of two, the XmR centre and limits.
//! Only decisions use them; reported numbers are their nearest floats.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::moments::{Moments, Unit};

/// The mean of a sample on the 0–100 scale, exactly; `None` when empty.
pub fn mean(m: &Moments, unit: Unit) -> Option<BigRational> {
    (m.n > 0).then(|| {
        BigRational::new(
            BigInt::from(m.sum) * BigInt::from(unit.num),
            BigInt::from(m.n) * BigInt::from(unit.den),
        )
    })
}

/// The exact value of a finite float (an option such as `min_difference`).
pub fn of_f64(x: f64) -> Option<BigRational> {
    BigRational::from_float(x)
}

/// The rational `num/den` of two integers (`den > 0`).
pub fn ratio(num: i64, den: i64) -> BigRational {
    BigRational::new(BigInt::from(num), BigInt::from(den))
}

/// The float nearest `x` (NaN if it has none).
pub fn to_f64(x: &BigRational) -> f64 {
    if x.is_zero() {
        return 0.0;
    }
    x.to_f64().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirds_stay_thirds() {
        let mut m = Moments::default();
        for x in [1, 1, 2] {
            m.push(x);
        }
        let third = mean(&m, Unit { num: 1, den: 1 }).unwrap();
        assert_eq!(third, ratio(4, 3));
        assert_eq!(to_f64(&third), 4.0 / 3.0);
        assert_eq!(of_f64(0.5), Some(ratio(1, 2)));
        assert_eq!(mean(&Moments::default(), Unit { num: 1, den: 1 }), None);
    }
}
