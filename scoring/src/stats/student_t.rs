//! Student's t distribution: survival function, density and quantile,
//! accurate at any degrees of freedom (docs/scoring.md §9).
//!
//! statrs' `StudentsT` is used for what it does well: its `inverse_cdf`
//! (within 3e-13 of SciPy for df < 500) starts the quantile's Newton
//! steps below df = 500. It is not used for `sf`, nor for the quantile at
//! large df: it computes `1 − ν/(ν+t²)` by subtraction, `ln B(ν/2, ½)` as a
//! difference of two huge `ln Γ`, and stops its continued fraction after
//! 140 terms; together that costs 9e-12 relative error in the 97.5%
//! quantile at df = 4·10⁴, 1.3e-6 at 8·10⁴ and 6e-5 at 10⁶ (docs/scoring.md
//! §9), and `1 − cdf` cancels for small p. Here:
//! - `sf(t) = ½·I_x(ν/2, ½)` with `x = 1/(1+u)`, `1−x = u/(1+u)`, `u = t²/ν`
//!   (no subtraction);
//! - `ln Γ(a+½) − ln Γ(a)` from its asymptotic series for `a ≥ 25`;
//! - the continued fraction (Numerical Recipes' `betacf`, modified Lentz)
//!   in f64 up to df = 10⁴, in double-double above, because its terms
//!   cancel like `1 − x` and f64 would lose `log10(df)` digits (1e-6
//!   relative error at df = 10¹⁰);
//! - the 97.5% quantile in closed form (Cornish–Fisher) from df = 500, by
//!   Newton's method on `sf` from statrs' quantile below.
//!
//! Every transcendental call goes through the `libm` crate (pure Rust), so the
//! bits are the same natively and in wasm. Measured against mpmath (50
//! digits) over df ∈ [1, 10¹⁴], t ∈ [0.01, 40]: worst relative error 6e-14
//! (see `test_data/golden/distributions.json`).

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::double_double::Dd;
use super::normal;
use super::portable_start::portable_start;

/// Above this many degrees of freedom the t distribution is the normal one
/// to far better than f64 precision at any t where a p-value is not 0.
const NORMAL_LIMIT: f64 = 1e15;

/// `ln(Γ(a + ½) / Γ(a))` for `a > 0`.
///
/// For `a ≥ 25` the generalised Stirling series
/// `½ ln a + Σₖ (−1)ᵏ (B_k(½) − B_k) / (k(k−1) a^(k−1))`, truncated after
/// `a⁻⁹` (next term < 4e-16 at a = 25); below, the difference of `lgamma`,
/// whose values are then small enough not to cancel.
pub(crate) fn ln_gamma_half_ratio(a: f64) -> f64 {
    if a >= 25.0 {
        let r = 1.0 / a;
        let r2 = r * r;
        let series = -1.0 / 8.0
            + r2 * (1.0 / 192.0
                + r2 * (-1.0 / 640.0 + r2 * (17.0 / 14_336.0 + r2 * (-31.0 / 18_432.0))));
        0.5 * libm::log(a) + r * series
    } else {
        libm::lgamma(a + 0.5) - libm::lgamma(a)
    }
}

/// The arithmetic the continued fraction runs in: `f64`, or double-double
/// where the terms cancel too much for `f64`.
trait Real:
    Copy
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
    + std::ops::Neg<Output = Self>
    + std::ops::Mul<f64, Output = Self>
{
    fn of(x: f64) -> Self;
    fn approx(self) -> f64;
}

impl Real for f64 {
    fn of(x: f64) -> f64 {
        x
    }
    fn approx(self) -> f64 {
        self
    }
}

impl Real for Dd {
    fn of(x: f64) -> Dd {
        Dd::new(x)
    }
    fn approx(self) -> f64 {
        self.to_f64()
    }
}

/// Up to this many degrees of freedom the continued fraction in `f64`
/// keeps a relative error below 5e-13 (measured against mpmath); above,
/// its terms `1 − (almost 1)` lose about `log10(df)` digits and it runs in
/// double-double (about 30× slower, and exact to 6e-14 up to df = 10¹⁴).
const F64_LIMIT: f64 = 1e4;

/// The continued fraction of the regularised incomplete beta function:
/// `I_x(a,b) = x^a (1−x)^b / (a·B(a,b)) · betacf(a, b, x)`, converging fast
/// for `x < (a+1)/(a+b+2)` (Numerical Recipes §6.4, modified Lentz).
/// `x` is passed together with `1 − x` so that neither is formed by
/// subtraction.
fn betacf<R: Real>(a: f64, b: f64, x: R, one_minus_x: R) -> f64 {
    const FPMIN: f64 = 1e-300;
    const MAX_TERMS: u32 = 100_000;
    // Converged when the last factor is 1 to within f64 precision (the
    // double-double is there against cancellation, not for more digits).
    const EPS: f64 = 4e-16;
    let tiny = |v: R| {
        if v.approx().abs() < FPMIN {
            R::of(FPMIN)
        } else {
            v
        }
    };
    let one = R::of(1.0);
    // d₀ = 1 − (a+b)x/(a+1), written without cancellation:
    // (a+1) − (a+b)x = (a+1)(1−x) + (1−b)x.
    let first = (one_minus_x * (a + 1.0) + x * (1.0 - b)) * (1.0 / (a + 1.0));
    let mut c = one;
    let mut d = one / tiny(first);
    let mut h = d;
    for m in 1..=MAX_TERMS {
        let m = f64::from(m);
        // Even step: m(b−m)x / ((a−1+2m)(a+2m)); small, so its f64
        // coefficient is accurate enough.
        let aa = x * (m * (b - m) / ((a - 1.0 + 2.0 * m) * (a + 2.0 * m)));
        d = one / tiny(one + aa * d);
        c = tiny(one + aa / c);
        h = h * d * c;
        // Odd step: −(a+m)(a+b+m)x / ((a+2m)(a+1+2m)) = −x(1 − δ) with
        // δ = (a(1−b+2m) + m(2−b+3m)) / ((a+2m)(a+1+2m)), a sum of
        // positive terms: close to −x, and kept that accurate.
        let delta = (a * (1.0 - b + 2.0 * m) + m * (2.0 - b + 3.0 * m))
            / ((a + 2.0 * m) * (a + 1.0 + 2.0 * m));
        let aa = -(x * (one - R::of(delta)));
        d = one / tiny(one + aa * d);
        c = tiny(one + aa / c);
        let del = d * c;
        h = h * del;
        if (del - one).approx().abs() < EPS {
            break;
        }
    }
    h.approx()
}

/// Survival function `P(T > t)` of Student's t with `df` degrees of freedom
/// (`df > 0`, not necessarily an integer: Welch's df is not).
///
/// Two-sided p-values are `2·sf(|t|)`, never `2·(1 − cdf)`, which cancels
/// for small p (docs/scoring.md §9).
pub fn sf(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if t < 0.0 {
        return 1.0 - sf(-t, df);
    }
    if t == 0.0 {
        return 0.5;
    }
    if df > NORMAL_LIMIT {
        return normal::sf(t);
    }
    if t.is_infinite() {
        return 0.0;
    }
    let a = 0.5 * df;
    let b = 0.5;
    // u = t²/ν; ln u and ln(1+u) in logs so that a huge t cannot overflow.
    let ln_u = 2.0 * libm::log(t) - libm::log(df);
    let u = libm::exp(ln_u);
    let ln_1p_u = if u.is_finite() { libm::log1p(u) } else { ln_u };
    // ln[x^a (1−x)^b / B(a,b)] with ln x = −ln(1+u), ln(1−x) = ln u − ln(1+u),
    // ln B(a, ½) = ln √π − ln(Γ(a+½)/Γ(a)).
    const LN_SQRT_PI: f64 = 0.572_364_942_924_700_1;
    let ln_front = -a * ln_1p_u + b * (ln_u - ln_1p_u) - (LN_SQRT_PI - ln_gamma_half_ratio(a));
    let front = libm::exp(ln_front);
    if front == 0.0 {
        return 0.0;
    }
    let direct = 1.0 / (1.0 + u) < (a + 1.0) / (a + b + 2.0);
    let fraction = if df <= F64_LIMIT {
        let (x, y) = (1.0 / (1.0 + u), u / (1.0 + u));
        if direct {
            betacf(a, b, x, y)
        } else {
            betacf(b, a, y, x)
        }
    } else {
        let one_plus_u = Dd::new(1.0) + Dd::new(u);
        let (x, y) = (Dd::new(1.0) / one_plus_u, Dd::new(u) / one_plus_u);
        if direct {
            betacf(a, b, x, y)
        } else {
            betacf(b, a, y, x)
        }
    };
    if direct {
        0.5 * front * fraction / a
    } else {
        0.5 * (1.0 - front * fraction / b)
    }
}

/// Density of Student's t:
/// `Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)`.
pub fn pdf(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if df > NORMAL_LIMIT {
        return normal::pdf(t);
    }
    let u = (t / df.sqrt()) * (t / df.sqrt());
    let ln = ln_gamma_half_ratio(0.5 * df)
        - 0.5 * libm::log(df * std::f64::consts::PI)
        - 0.5 * (df + 1.0) * libm::log1p(u);
    libm::exp(ln)
}

/// From this many degrees of freedom (and for `z ≤ 3`) the five-term
/// Cornish–Fisher expansion is the quantile to f64 precision (measured
/// against SciPy: ≤ 5e-15 relative at df = 200, exact to the last bit
/// from df = 500 for the 97.5% quantile).
const EXPANSION_LIMIT: f64 = 500.0;

/// Upper-tail quantile: the `t > 0` with `sf(t) = upper` (`0 < upper < ½`);
/// `quantile_upper(0.025, df)` is `t(0.975, df)` of docs/scoring.md §1 and §5.
///
/// For df ≥ 500 (and `z ≤ 3`) the Cornish–Fisher expansion of A&S 26.7.5,
/// with its fifth term, which is exact to f64 precision there. Below,
/// Newton's method on `ln sf(t) = ln upper` (nearly linear in the tail even
/// for df = 1), kept inside a bracket that bisection shrinks when a step
/// leaves it, started from statrs' `StudentsT::inverse_cdf` (cut to
/// platform-independent bits by `portable_start`; the expansion, which is
/// poor at small df, only if statrs gives no usable value): it converges
/// to within a few ulps of the root of the accurate `sf`.
pub fn quantile_upper(upper: f64, df: f64) -> f64 {
    if upper.is_nan() || df.is_nan() || df <= 0.0 || upper <= 0.0 || upper >= 0.5 {
        return f64::NAN;
    }
    let z = if upper == 0.025 {
        normal::Z_975
    } else {
        normal::quantile_upper(upper)
    };
    if df > NORMAL_LIMIT {
        return z;
    }
    // Cornish–Fisher start (A&S 26.7.5).
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92_160.0;
    let g5 = (((((27.0 * z2 + 339.0) * z2 + 930.0) * z2 - 1782.0) * z2 - 765.0) * z2 + 17_955.0)
        * z
        / 368_640.0;
    let r = 1.0 / df;
    let start = z + r * (g1 + r * (g2 + r * (g3 + r * (g4 + r * g5))));
    if df >= EXPANSION_LIMIT && z <= 3.0 {
        return start;
    }

    // Bracket [lo, hi] with sf(lo) > upper > sf(hi); t quantiles exceed z.
    let mut lo = z.min(start) * 0.5;
    let mut hi = start.max(z) * 2.0;
    while sf(hi, df) > upper {
        lo = hi;
        hi *= 2.0;
        if !hi.is_finite() {
            return f64::INFINITY;
        }
    }
    let target = libm::log(upper);
    // statrs' quantile only where it is accurate (and quick): its inverse
    // incomplete beta slows down and drifts as df grows (docs/scoring.md §9).
    let statrs_start = match StudentsT::new(0.0, 1.0, df) {
        Ok(dist) if df < EXPANSION_LIMIT => portable_start(-dist.inverse_cdf(upper)),
        _ => f64::NAN,
    };
    let mut t = if statrs_start.is_finite() && statrs_start > lo && statrs_start < hi {
        statrs_start
    } else if start.is_finite() && start > lo && start < hi {
        start
    } else {
        0.5 * (lo + hi)
    };
    for _ in 0..100 {
        let s = sf(t, df);
        if s > upper {
            lo = t;
        } else if s < upper {
            hi = t;
        } else {
            return t;
        }
        // d ln sf / dt = −pdf/sf.
        let step = (libm::log(s) - target) * s / pdf(t, df);
        let mut next = t + step;
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        if (next - t).abs() <= 4.0 * f64::EPSILON * t || hi - lo <= 4.0 * f64::EPSILON * t {
            return next;
        }
        t = next;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    #[test]
    fn one_degree_of_freedom_is_the_cauchy_distribution() {
        // sf(t) = ½ − atan(t)/π; t(0.975, 1) = tan(0.475π).
        for t in [0.3, 1.0, 2.5, 12.0, 300.0] {
            let exact = 0.5 - libm::atan(t) / std::f64::consts::PI;
            assert!(close(sf(t, 1.0), exact, 1e-13), "t = {t}");
        }
        let q = quantile_upper(0.025, 1.0);
        assert!(
            close(q, libm::tan(0.475 * std::f64::consts::PI), 1e-13),
            "{q}"
        );
    }

    #[test]
    fn two_degrees_of_freedom_have_a_closed_form() {
        // sf(t) = ½ (1 − t/√(2+t²)) = 1 / ((√(2+t²) + t)·√(2+t²)).
        for t in [0.1f64, 1.0, 4.303, 50.0] {
            let r = (2.0 + t * t).sqrt();
            let exact = 1.0 / ((r + t) * r);
            assert!(close(sf(t, 2.0), exact, 1e-13), "t = {t}");
        }
    }

    #[test]
    fn huge_df_tends_to_the_normal_distribution() {
        let z = normal::quantile_upper(0.025);
        assert!(close(quantile_upper(0.025, 1e14), z, 1e-13));
        assert!(close(sf(3.0, 1e14), normal::sf(3.0), 1e-12));
    }

    #[test]
    fn gamma_ratio_series_meets_lgamma_where_both_are_accurate() {
        let series = ln_gamma_half_ratio(25.0);
        let direct = libm::lgamma(25.5) - libm::lgamma(25.0);
        assert!((series - direct).abs() < 1e-14, "{series} {direct}");
    }

    #[test]
    fn symmetric_and_bounded() {
        assert_eq!(sf(0.0, 7.0), 0.5);
        assert!(close(sf(-2.0, 7.0), 1.0 - sf(2.0, 7.0), 1e-15));
        assert_eq!(sf(f64::INFINITY, 7.0), 0.0);
        assert!(sf(1.0, 0.0).is_nan());
    }
}
