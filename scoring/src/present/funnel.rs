//! The lines of a funnel plot as numbers, for the CLI's SVG and the
//! dashboard's chart alike: the target θ₀ and the 95% and 99.8% limits
//! `θ₀ ± z_c·√(σ²/n + τ²_used)` as functions of the number of respondents
//! n (docs/scoring.md §10.2), sampled over the units' range of n. Drawing
//! (scales, SVG) is the caller's; only the geometry is shared, so both
//! draw the very curves that decide the report's bands.

use crate::report::UnitMeasure;
use crate::stats::normal;

/// The limits of a funnel at one n.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelPoint {
    pub n: f64,
    pub low998: f64,
    pub low95: f64,
    pub high95: f64,
    pub high998: f64,
}

/// A measure's funnel: θ₀ and its limits at increasing n.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelCurves {
    pub target: f64,
    /// At least 2 points, n ascending from the smallest unit's n to the
    /// largest's.
    pub points: Vec<FunnelPoint>,
}

impl FunnelCurves {
    /// The lowest and highest value the limits reach (at the smallest n).
    pub fn extent(&self) -> (f64, f64) {
        self.points
            .iter()
            .fold((self.target, self.target), |(lo, hi), p| {
                (lo.min(p.low998), hi.max(p.high998))
            })
    }
}

/// The 95% and 99.8% two-sided z of docs/scoring.md §10.2: `Φ⁻¹(0.975)`
/// and `Φ⁻¹(0.999)`, as constants equal to the bits of the quantile
/// function behind the report's limits (checked in `stats::normal`), so
/// the dashboard draws them without carrying that function.
pub fn z_limits() -> (f64, f64) {
    (normal::Z_975, normal::Z_999)
}

/// The limits at `n` respondents.
pub fn limits_at(target: f64, sigma: f64, tau2_used: f64, n: f64) -> FunnelPoint {
    let (z95, z998) = z_limits();
    let half = (sigma * sigma / n + tau2_used).sqrt();
    FunnelPoint {
        n,
        low998: target - z998 * half,
        low95: target - z95 * half,
        high95: target + z95 * half,
        high998: target + z998 * half,
    }
}

/// `samples` points (at least 2) from `n_from` to `n_to`, spaced evenly on
/// a log scale: the limits bend most at small n, where a funnel plot
/// needs the most points to look smooth.
pub fn curves(
    target: f64,
    sigma: f64,
    tau2_used: f64,
    (n_from, n_to): (f64, f64),
    samples: usize,
) -> FunnelCurves {
    let samples = samples.max(2);
    let last = (samples - 1) as f64;
    let ratio = n_to / n_from;
    let points = (0..samples)
        .map(|i| {
            let n = match i {
                0 => n_from,
                i if i + 1 == samples => n_to,
                i => n_from * libm::pow(ratio, i as f64 / last),
            };
            limits_at(target, sigma, tau2_used, n)
        })
        .collect();
    FunnelCurves { target, points }
}

/// The funnel of a measure over its units' range of n (units with a band,
/// i.e. with at least 2 values). `None` when the measure has no funnel
/// (fewer than 3 units, or no spread within units: docs/scoring.md §10).
pub fn measure_curves(measure: &UnitMeasure, samples: usize) -> Option<FunnelCurves> {
    measure_curves_from(measure, f64::INFINITY, samples)
}

/// [`measure_curves`], starting at `n_start` (at least 1) when that is
/// below the smallest unit's n, so that a plot whose axis starts near 0
/// shows the funnel's opening across it.
pub fn measure_curves_from(
    measure: &UnitMeasure,
    n_start: f64,
    samples: usize,
) -> Option<FunnelCurves> {
    let target = measure.target?;
    let sigma = measure.sigma?;
    let tau2_used = measure.tau2_used?;
    if sigma <= 0.0 {
        return None;
    }
    let ns = measure
        .units
        .iter()
        .filter(|u| u.band.is_some())
        .map(|u| u.n as f64);
    let (n_from, n_to) = ns.fold(None, |range: Option<(f64, f64)>, n| match range {
        None => Some((n, n)),
        Some((lo, hi)) => Some((lo.min(n), hi.max(n))),
    })?;
    let n_from = n_from.min(n_start.max(1.0));
    Some(curves(target, sigma, tau2_used, (n_from, n_to), samples))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Band, Scope, UnitRow, UnitVerdict};

    fn unit(key: &str, n: u64, mean: f64, band: Option<Band>) -> UnitRow {
        UnitRow {
            verdict: UnitVerdict::AsExpected,
            band,
            ..UnitRow::listed(key.to_owned(), n, Some(mean))
        }
    }

    fn measure(units: Vec<UnitRow>, tau2_used: f64) -> UnitMeasure {
        UnitMeasure {
            scope: Scope::Index,
            id: "index".to_owned(),
            k: units.len() as u64,
            n: units.iter().map(|u| u.n).sum(),
            target: Some(75.0),
            sigma: Some(15.0),
            msb: None,
            msw: None,
            phi: None,
            p_phi: None,
            tau2: Some(tau2_used),
            tau2_used: Some(tau2_used),
            icc: None,
            n_needed: None,
            units,
        }
    }

    #[test]
    fn limits_follow_the_formula() {
        let (z95, z998) = z_limits();
        assert!((z95 - 1.959_963_984_540_054).abs() < 1e-12);
        assert!((z998 - 3.090_232_306_167_813).abs() < 1e-12);
        // σ = 15, n = 100, τ² = 0: half-width 1.5 standard errors' worth.
        let p = limits_at(75.0, 15.0, 0.0, 100.0);
        assert!((p.high95 - (75.0 + z95 * 1.5)).abs() < 1e-12);
        assert!((p.low998 - (75.0 - z998 * 1.5)).abs() < 1e-12);
        // τ² = 7.75 adds to σ²/n = 2.25: √10.
        let p = limits_at(75.0, 15.0, 7.75, 100.0);
        assert!((p.high95 - 75.0 - z95 * 10f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn curves_span_the_banded_units_and_narrow_as_n_grows() {
        let m = measure(
            vec![
                unit("A", 40, 70.0, Some(Band::AsExpected)),
                unit("B", 1, 90.0, None),
                unit("C", 640, 76.0, Some(Band::Better)),
                unit("D", 160, 74.0, Some(Band::AsExpected)),
            ],
            0.0,
        );
        let c = measure_curves(&m, 9).expect("a funnel");
        assert_eq!(c.points.len(), 9);
        assert_eq!(c.points[0].n, 40.0);
        assert_eq!(c.points[8].n, 640.0);
        // Log-spaced: the middle of 40 … 640 is their geometric mean, 160.
        assert!((c.points[4].n - 160.0).abs() < 1e-9);
        for w in c.points.windows(2) {
            assert!(w[0].n < w[1].n);
            assert!(w[0].high95 - w[0].low95 > w[1].high95 - w[1].low95);
            assert!(w[1].low998 < w[1].low95 && w[1].high95 < w[1].high998);
        }
        let (lo, hi) = c.extent();
        assert_eq!((lo, hi), (c.points[0].low998, c.points[0].high998));
    }

    #[test]
    fn no_funnel_without_spread_or_units() {
        let mut m = measure(vec![unit("A", 40, 70.0, None)], 0.0);
        assert_eq!(measure_curves(&m, 5), None);
        m.units[0].band = Some(Band::AsExpected);
        m.sigma = Some(0.0);
        assert_eq!(measure_curves(&m, 5), None);
        m.sigma = None;
        assert_eq!(measure_curves(&m, 5), None);
    }
}
