//! Baseline-versus-current comparison of two means (docs/scoring.md §5):
//! Welch's t-test, its interval and Cohen's d.

use super::moments::{Moments, Summary, Unit};
use super::student_t;

/// The numbers of one mean comparison; `None` where docs/scoring.md §5 says
/// null.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Welch {
    /// `mean_C − mean_B`, `None` when a side has no observation.
    pub diff: Option<f64>,
    pub ci: Option<(f64, f64)>,
    pub t: Option<f64>,
    pub df: Option<f64>,
    /// Two-sided, `2·sf(|t|; df)`.
    pub p: Option<f64>,
    pub cohen_d: Option<f64>,
    /// Both variances are exactly 0 (then `t`, `df`, `p` are `None`).
    pub both_constant: bool,
}

/// Welch's test of `current − baseline`.
///
/// - `se = √(v_C/n_C + v_B/n_B)`, Welch–Satterthwaite
///   `df = se⁴ / ((v_C/n_C)²/(n_C−1) + (v_B/n_B)²/(n_B−1))`,
///   `t = diff/se`, `p = 2·sf(|t|; df)`, `diff ± t(0.975, df)·se`;
/// - `cohen_d = diff / s_p`, `s_p² = ((n_C−1)v_C + (n_B−1)v_B)/(n_C+n_B−2)`.
///
/// Needs `n ≥ 2` on both sides (a variance on each side); otherwise only
/// `diff` is given. When both variances are exactly 0 the test is
/// undefined (`se = 0`): `t`, `df`, `p`, interval and `d` are `None` and
/// `both_constant` is set.
pub fn welch(current: &Moments, baseline: &Moments, unit: Unit) -> Welch {
    welch_with_diff(current, baseline, unit, current.mean_diff(baseline, unit))
}

/// [`welch`] around a given difference of means: with case-mix on, a unit
/// against the rest compares adjusted means while the spread stays the
/// unadjusted one (docs/scoring.md §10.1). `diff` is `None` when a side has
/// no observation.
pub fn welch_with_diff(
    current: &Moments,
    baseline: &Moments,
    unit: Unit,
    diff: Option<f64>,
) -> Welch {
    let (c, b): (Summary, Summary) = (current.summary(unit), baseline.summary(unit));
    let (Some(diff), Some(vc), Some(vb)) = (diff, c.var, b.var) else {
        return Welch {
            diff,
            ..Welch::default()
        };
    };
    if c.zero_var && b.zero_var {
        return Welch {
            diff: Some(diff),
            both_constant: true,
            ..Welch::default()
        };
    }
    let (nc, nb) = (c.n as f64, b.n as f64);
    let (wc, wb) = (vc / nc, vb / nb);
    let se2 = wc + wb;
    let se = se2.sqrt();
    let df = se2 * se2 / (wc * wc / (nc - 1.0) + wb * wb / (nb - 1.0));
    let t = diff / se;
    let p = 2.0 * student_t::sf(t.abs(), df);
    let half = student_t::quantile_upper(0.025, df) * se;
    let pooled = (((nc - 1.0) * vc + (nb - 1.0) * vb) / (nc + nb - 2.0)).sqrt();
    Welch {
        diff: Some(diff),
        ci: Some((diff - half, diff + half)),
        t: Some(t),
        df: Some(df),
        p: Some(p.min(1.0)),
        cohen_d: Some(diff / pooled),
        both_constant: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(xs: &[u64]) -> Moments {
        let mut m = Moments::default();
        xs.iter().for_each(|&x| m.push(x));
        m
    }

    #[test]
    fn matches_scipy_on_a_small_example() {
        // scipy.stats.ttest_ind([3,4,5,5], [1,2,2,3,4], equal_var=False):
        // t = 2.6451073409172734, df = 6.954761055754778, p = 0.03337210803934469.
        let w = welch(
            &sample(&[3, 4, 5, 5]),
            &sample(&[1, 2, 2, 3, 4]),
            Unit { num: 1, den: 1 },
        );
        assert!((w.t.unwrap() - 2.645_107_340_917_273_4).abs() < 1e-12);
        assert!((w.df.unwrap() - 6.954_761_055_754_778).abs() < 1e-12);
        assert!((w.p.unwrap() - 0.033_372_108_039_344_69).abs() < 1e-12);
        assert!((w.diff.unwrap() - 1.85).abs() < 1e-15);
    }

    #[test]
    fn two_constant_samples_have_no_test() {
        let w = welch(
            &sample(&[4, 4, 4]),
            &sample(&[3, 3]),
            Unit { num: 5, den: 1 },
        );
        assert!(w.both_constant);
        assert_eq!(w.diff, Some(5.0));
        assert_eq!(
            (w.t, w.df, w.p, w.ci, w.cohen_d),
            (None, None, None, None, None)
        );
    }

    #[test]
    fn a_single_observation_gives_only_the_difference() {
        let w = welch(&sample(&[4]), &sample(&[3, 5]), Unit { num: 1, den: 1 });
        assert_eq!(w.diff, Some(0.0));
        assert_eq!(w.t, None);
    }
}
