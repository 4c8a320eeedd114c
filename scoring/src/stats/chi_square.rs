//! The chi-square survival function, for the over-dispersion test of the
//! funnel plot (docs/scoring.md §10.2: `p_phi = P(χ²_{K−1} > K·φ)`).
//!
//! `P(χ²_ν > x) = Q(ν/2, x/2)`, the regularised upper incomplete gamma
//! function, by its series (small `x`) or Lentz's continued fraction
//! (large `x`) with `libm`'s `lgamma`, `exp` and `log`: the same bits
//! natively and in wasm, which statrs' `ChiSquared` (platform `exp`/`ln`)
//! does not promise. Checked against SciPy's `chi2.sf`
//! (`test_data/golden/distributions.json`).

/// Relative accuracy at which the series and the fraction stop.
const EPS: f64 = 1e-16;
/// Guards Lentz's method against a zero denominator.
const TINY: f64 = 1e-300;
const MAX_ITERATIONS: usize = 10_000;

/// `P(χ²_df > x)`; NaN for `df ≤ 0` or a NaN argument.
pub fn sf(x: f64, df: f64) -> f64 {
    if x.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x.is_infinite() {
        return 0.0;
    }
    upper_regularized_gamma(0.5 * df, 0.5 * x)
}

/// `Q(a, x) = Γ(a, x)/Γ(a)` for `a > 0`, `x > 0`.
fn upper_regularized_gamma(a: f64, x: f64) -> f64 {
    let ln_front = -x + a * libm::log(x) - libm::lgamma(a);
    if x < a + 1.0 {
        // P(a, x) = e^{−x} x^a / Γ(a) · Σ xⁿ / (a (a+1) … (a+n)).
        let mut term = 1.0 / a;
        let mut sum = term;
        let mut ap = a;
        for _ in 0..MAX_ITERATIONS {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * EPS {
                break;
            }
        }
        (1.0 - sum * libm::exp(ln_front)).max(0.0)
    } else {
        // Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− …)).
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..MAX_ITERATIONS {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let step = d * c;
            h *= step;
            if (step - 1.0).abs() < EPS {
                break;
            }
        }
        libm::exp(ln_front) * h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= 1e-12 * expected
    }

    #[test]
    fn matches_scipy_in_both_branches() {
        // scipy.stats.chi2.sf(x, df)
        assert!(close(sf(1.0, 1.0), 0.317_310_507_862_911_15));
        assert!(close(sf(5.0, 1.0), 0.025_347_318_677_468_325));
        assert!(
            close(sf(3.5, 7.0), 0.835_225_482_610_342_2),
            "{}",
            sf(3.5, 7.0)
        );
        assert!(
            close(sf(20.0, 3.0), 0.000_169_742_435_552_826_32),
            "{}",
            sf(20.0, 3.0)
        );
    }

    #[test]
    fn edges() {
        assert_eq!(sf(0.0, 3.0), 1.0);
        assert_eq!(sf(f64::INFINITY, 3.0), 0.0);
        assert!(sf(1.0, 0.0).is_nan());
    }
}
