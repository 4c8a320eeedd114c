//! Starting points from `statrs`, made the same on every platform.
//!
//! statrs evaluates `exp`/`ln` with the platform's functions (glibc
//! natively, the `libm` port in wasm), which disagree in the last bit for
//! about 10% of arguments (measured: `f64::exp` vs `libm::exp`, 2·10⁶
//! random x ∈ [−40, 40]). A Newton iteration started from two starts an ulp
//! apart can stop an ulp apart, so the start is first cut to
//! [`KEPT_BITS`] significant bits: the platforms then give the same start
//! unless their values straddle a cut (chance ≈ 2⁻²⁶ per ulp of
//! disagreement), and the deterministic `libm` Newton steps that follow
//! restore full precision (error 1.5e-8 → < 1e-16 in two steps).

/// Significant bits kept of a platform-dependent start (of f64's 53).
const KEPT_BITS: u32 = 27;

/// `x` with its mantissa truncated to [`KEPT_BITS`] bits (relative change
/// < 2⁻²⁶ ≈ 1.5e-8); non-finite values pass through.
pub(crate) fn portable_start(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let dropped = 52 - (KEPT_BITS - 1);
    f64::from_bits(x.to_bits() & !((1_u64 << dropped) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_values_get_the_same_start() {
        let x: f64 = 12.706_204_736_174_7;
        let next = f64::from_bits(x.to_bits() + 1);
        assert_eq!(portable_start(x), portable_start(next));
        assert!((portable_start(x) - x).abs() <= libm::ldexp(x, -26));
    }

    #[test]
    fn keeps_sign_and_non_finite_values() {
        assert!(portable_start(-1.96) < 0.0);
        assert!(portable_start(f64::INFINITY).is_infinite());
        assert!(portable_start(f64::NAN).is_nan());
    }
}
