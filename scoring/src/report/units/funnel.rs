//! The funnel plot with over-dispersion (docs/scoring.md §10.2,
//! Spiegelhalter 2005): z-scores against the target, winsorised to their
//! 10th–90th percentiles for the over-dispersion estimate, and 95% /
//! 99.8% limits widened by τ² when the units differ beyond chance.

use super::{Pooled, Sample};
use crate::report::model_v2::Band;
use crate::stats::{chi_square, normal, percentile};

/// Over-dispersion is used when its test's p is below this.
const ALPHA: f64 = 0.05;
/// The upper tail of the outer (99.8%) limits.
const OUTER_TAIL: f64 = 0.001;

pub(super) struct FunnelUnit {
    /// Raw `z_u = (m_u − θ₀)/s_u`, before winsorising.
    pub(super) z: f64,
    pub(super) limit95: (f64, f64),
    pub(super) limit998: (f64, f64),
    pub(super) band: Band,
}

pub(super) struct Funnel {
    pub(super) phi: f64,
    pub(super) p_phi: f64,
    pub(super) tau2: f64,
    pub(super) tau2_used: f64,
    /// Per member.
    pub(super) units: Vec<FunnelUnit>,
}

/// `None` when the pooled within-unit variance is 0 (no `s_u`, no z).
pub(super) fn funnel(samples: &[Sample<'_>], pooled: &Pooled) -> Option<Funnel> {
    if pooled.msw.is_nan() || pooled.msw <= 0.0 {
        return None;
    }
    let k = pooled.members.len() as f64;
    let ns: Vec<f64> = pooled
        .members
        .iter()
        .map(|&u| samples[u].moments.n as f64)
        .collect();
    let deviations: Vec<f64> = pooled
        .members
        .iter()
        .map(|&u| pooled.deviation[u].unwrap_or(f64::NAN))
        .collect();
    let s2: Vec<f64> = ns.iter().map(|n| pooled.msw / n).collect();
    let z: Vec<f64> = deviations
        .iter()
        .zip(&s2)
        .map(|(d, s2)| d / s2.sqrt())
        .collect();
    let mut sorted = z.clone();
    sorted.sort_by(f64::total_cmp);
    let z_lo = percentile::linear(&sorted, 0.1)?;
    let z_hi = percentile::linear(&sorted, 0.9)?;
    let phi = z
        .iter()
        .map(|z| {
            let w = z.max(z_lo).min(z_hi);
            w * w
        })
        .sum::<f64>()
        / k;
    let p_phi = chi_square::sf(k * phi, k - 1.0);
    let w: Vec<f64> = s2.iter().map(|s2| 1.0 / s2).collect();
    let sum_w: f64 = w.iter().sum();
    let sum_w2: f64 = w.iter().map(|w| w * w).sum();
    let tau2 = ((k * phi - (k - 1.0)) / (sum_w - sum_w2 / sum_w)).max(0.0);
    let tau2_used = if p_phi < ALPHA { tau2 } else { 0.0 };
    let z95 = normal::Z_975;
    let z998 = normal::quantile_upper(OUTER_TAIL);
    let units = z
        .iter()
        .zip(&s2)
        .zip(&deviations)
        .map(|((&z, &s2), &d)| {
            let spread = (s2 + tau2_used).sqrt();
            let (h95, h998) = (z95 * spread, z998 * spread);
            let band = if d > h998 {
                Band::MuchBetter
            } else if d > h95 {
                Band::Better
            } else if d < -h998 {
                Band::MuchWorse
            } else if d < -h95 {
                Band::Worse
            } else {
                Band::AsExpected
            };
            FunnelUnit {
                z,
                limit95: (pooled.target - h95, pooled.target + h95),
                limit998: (pooled.target - h998, pooled.target + h998),
                band,
            }
        })
        .collect();
    Some(Funnel {
        phi,
        p_phi,
        tau2,
        tau2_used,
        units,
    })
}
