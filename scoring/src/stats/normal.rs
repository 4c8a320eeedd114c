//! The standard normal distribution (docs/scoring.md §1 Wilson interval, §5
//! two-proportion test).

use std::f64::consts::{FRAC_1_SQRT_2, PI};

use statrs::distribution::{ContinuousCDF, Normal};

use super::portable_start::portable_start;

/// `Φ⁻¹(0.975)`, the z of 95% intervals (SciPy `norm.ppf(0.975)`).
pub const Z_975: f64 = 1.959_963_984_540_054;

/// `Φ⁻¹(0.999)`, the z of 99.8% funnel limits (docs/scoring.md §10.2;
/// SciPy `norm.ppf(0.999)`).
pub const Z_999: f64 = 3.090_232_306_167_813;

/// Survival function `1 − Φ(z)`, as `½·erfc(z/√2)` so that it keeps its
/// relative accuracy in the upper tail (two-sided `p = 2·sf(|z|)`).
///
/// Not statrs' `Normal::sf`: on z ∈ [0, 40] (step 0.01, against mpmath) its
/// `erfc` is off by up to 1.0e-10 relative for z ≥ 0.5 and 5e-9 near z = 37,
/// where `libm::erfc` stays within 2e-13; and its `exp` is the platform's,
/// so the p-value it returns could differ natively and in wasm.
pub fn sf(z: f64) -> f64 {
    0.5 * libm::erfc(z * FRAC_1_SQRT_2)
}

/// Density `φ(z) = e^(−z²/2)/√(2π)`.
pub fn pdf(z: f64) -> f64 {
    libm::exp(-0.5 * z * z) / (2.0 * PI).sqrt()
}

/// Upper-tail quantile: the `z` with `sf(z) = upper`, `0 < upper < ½`.
/// statrs' `Normal::inverse_cdf` (within 4e-16 of mpmath for
/// upper ∈ [1e-30, ½)) gives the start, cut to platform-independent bits
/// (`portable_start`); Newton steps on the `libm` [`sf`] then converge
/// quadratically, to the same bits natively and in wasm (barring the rare
/// straddled cut that `portable_start` explains).
pub fn quantile_upper(upper: f64) -> f64 {
    if upper.is_nan() || upper <= 0.0 || upper >= 0.5 {
        return f64::NAN;
    }
    let mut z = portable_start(-Normal::standard().inverse_cdf(upper));
    for _ in 0..8 {
        let step = (sf(z) - upper) / pdf(z);
        z += step;
        if step.abs() <= 2.0 * f64::EPSILON * z {
            break;
        }
    }
    z
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_99_8_percent_z_is_the_quantile_of_0_999() {
        assert_eq!(quantile_upper(0.001).to_bits(), Z_999.to_bits());
        assert_eq!(quantile_upper(0.025).to_bits(), Z_975.to_bits());
    }

    #[test]
    fn the_95_percent_z_is_the_quantile_of_0_975() {
        assert!((quantile_upper(0.025) - Z_975).abs() <= 2.0 * f64::EPSILON * Z_975);
        assert!((sf(Z_975) - 0.025).abs() < 1e-17);
    }

    #[test]
    fn tail_keeps_relative_accuracy() {
        // 1 − Φ(10) = 7.619853024160527e-24 (SciPy norm.sf(10)).
        let s = sf(10.0);
        assert!((s - 7.619_853_024_160_527e-24).abs() < 1e-13 * s, "{s}");
    }
}
