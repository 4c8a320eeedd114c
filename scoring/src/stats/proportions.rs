//! Proportions: the Wilson interval (docs/scoring.md §1 `top_box`) and the
//! pooled two-proportion z-test with Cohen's h (docs/scoring.md §5).

use super::normal;

/// `k/n` as a float, `None` when `n = 0`.
pub fn fraction(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

/// Wilson score interval for `k` successes in `n` trials at
/// `z = Φ⁻¹(0.975)`:
/// `(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`.
/// The ends are exactly 0 when `k = 0` and 1 when `k = n` (the formula's
/// exact values, which floats would miss by an ulp).
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || k > n {
        return None;
    }
    let z = normal::Z_975;
    let nf = n as f64;
    let p = k as f64 / nf;
    let z2n = z * z / nf;
    let center = (p + z2n / 2.0) / (1.0 + z2n);
    let half = z / (1.0 + z2n) * (p * (1.0 - p) / nf + z2n / (4.0 * nf)).sqrt();
    let low = if k == 0 { 0.0 } else { center - half };
    let high = if k == n { 1.0 } else { center + half };
    Some((low, high))
}

/// Pooled two-proportion test of `p_C − p_B` (docs/scoring.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TwoProportions {
    /// `p_C − p_B`, from the exact fraction `(k_C n_B − k_B n_C)/(n_C n_B)`.
    pub diff: Option<f64>,
    /// `(p_C − p_B) / √(p̂(1−p̂)(1/n_C + 1/n_B))`; `None` when the pooled
    /// `p̂` is 0 or 1 (no variance).
    pub z: Option<f64>,
    /// `2·(1 − Φ(|z|))`, computed as `2·sf(|z|)`.
    pub p: Option<f64>,
    /// `2·asin√p_C − 2·asin√p_B`.
    pub cohen_h: Option<f64>,
}

pub fn two_proportions(k_c: u64, n_c: u64, k_b: u64, n_b: u64) -> TwoProportions {
    if n_c == 0 || n_b == 0 || k_c > n_c || k_b > n_b {
        return TwoProportions::default();
    }
    let num = i128::from(k_c) * i128::from(n_b) - i128::from(k_b) * i128::from(n_c);
    let diff = num as f64 / (n_c as f64 * n_b as f64);
    let (p_c, p_b) = (k_c as f64 / n_c as f64, k_b as f64 / n_b as f64);
    let cohen_h = 2.0 * libm::asin(p_c.sqrt()) - 2.0 * libm::asin(p_b.sqrt());
    let k = k_c + k_b;
    let n = n_c + n_b;
    let (z, p) = if k == 0 || k == n {
        (None, None)
    } else {
        let pooled = k as f64 / n as f64;
        let se = (pooled * (1.0 - pooled) * (1.0 / n_c as f64 + 1.0 / n_b as f64)).sqrt();
        let z = diff / se;
        (Some(z), Some((2.0 * normal::sf(z.abs())).min(1.0)))
    };
    TwoProportions {
        diff: Some(diff),
        z,
        p,
        cohen_h: Some(cohen_h),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_statsmodels() {
        // proportion_confint(7, 20, method="wilson")
        let (lo, hi) = wilson(7, 20).unwrap();
        assert!((lo - 0.181_191_824_101_082_03).abs() < 1e-12, "{lo}");
        assert!((hi - 0.567_145_723_314_763_8).abs() < 1e-12, "{hi}");
        assert_eq!(wilson(0, 5).unwrap().0, 0.0);
        assert_eq!(wilson(5, 5).unwrap().1, 1.0);
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn two_proportion_test_matches_statsmodels() {
        // proportions_ztest([30, 18], [50, 45]): z = 1.946764910568627, p = 0.05156292556423342
        let t = two_proportions(30, 50, 18, 45);
        assert!((t.diff.unwrap() - 0.2).abs() < 1e-15);
        assert!(
            (t.z.unwrap() - 1.946_764_910_568_627).abs() < 1e-12,
            "{t:?}"
        );
        assert!(
            (t.p.unwrap() - 0.051_562_925_564_233_42).abs() < 1e-12,
            "{t:?}"
        );
    }

    #[test]
    fn no_pooled_variance_means_no_test() {
        let t = two_proportions(0, 10, 0, 12);
        assert_eq!((t.z, t.p), (None, None));
        assert_eq!(t.diff, Some(0.0));
        assert_eq!(t.cohen_h, Some(0.0));
    }
}
