//! Process over time: XmR charts (docs/scoring.md §11, NHS England's
//! "Making Data Count"). For one group and one measure (the index or a
//! stage), the series of monthly means, its centre and limits from the
//! reference points, and the signals of the four rules.
//!
//! Every decision — above or below the centre or a limit, greater or less
//! than the month before — is taken on exact rationals of the tally's
//! integers; the chart shows their nearest floats.

mod signals;

use num_rational::BigRational;
use num_traits::{Signed, Zero};

use super::canonical::round_sig;
use super::model::Scope;
use super::model_v2::{Reference, SpcChart, SpcPoint};
use crate::stats::exact;
use crate::stats::moments::{Moments, Unit};
use crate::tally::year_month;

/// A chart needs at least this many reference points.
const MIN_REFERENCE: usize = 6;
/// Months with fewer values are left out of the series.
const MIN_VALUES: u64 = 2;

/// One month of a measure: its month key and its values' moments.
pub(crate) struct Month {
    pub(crate) key: i32,
    pub(crate) moments: Moments,
}

/// A point of the series with its exact mean.
pub(super) struct Point {
    key: i32,
    n: u64,
    pub(super) mean: BigRational,
}

/// The exact centre and limits the rules test against.
pub(super) struct Limits {
    pub(super) centre: BigRational,
    pub(super) upper: BigRational,
    pub(super) lower: BigRational,
    /// `centre ± 2σ`.
    pub(super) two_sigma_high: BigRational,
    pub(super) two_sigma_low: BigRational,
}

/// The XmR chart of one measure from its months (ascending, within the
/// charted span), or `None` with fewer than 6 reference points.
/// `in_baseline` says which month keys belong to the baseline period.
pub(crate) fn chart(
    scope: Scope,
    id: &str,
    unit: Unit,
    months: &[Month],
    in_baseline: &dyn Fn(i32) -> bool,
) -> Option<SpcChart> {
    let points: Vec<Point> = months
        .iter()
        .filter(|m| m.moments.n >= MIN_VALUES)
        .filter_map(|m| {
            Some(Point {
                key: m.key,
                n: m.moments.n,
                mean: exact::mean(&m.moments, unit)?,
            })
        })
        .collect();
    let baseline: Vec<&Point> = points.iter().filter(|p| in_baseline(p.key)).collect();
    let (reference, kind) = if baseline.len() >= MIN_REFERENCE {
        (baseline, Reference::Baseline)
    } else if points.len() >= MIN_REFERENCE {
        (points.iter().collect(), Reference::All)
    } else {
        return None;
    };
    let count = reference.len() as i64;
    let centre = reference
        .iter()
        .fold(BigRational::zero(), |sum, p| sum + &p.mean)
        / exact::ratio(count, 1);
    let mr_bar = reference.windows(2).fold(BigRational::zero(), |sum, w| {
        sum + (&w[1].mean - &w[0].mean).abs()
    }) / exact::ratio(count - 1, 1);
    // 2.66 and 1.128 are the XmR constants (3/d₂ and d₂ for n = 2).
    let spread = &mr_bar * exact::ratio(266, 100);
    let sigma = &mr_bar * exact::ratio(1000, 1128);
    let limits = Limits {
        upper: &centre + &spread,
        lower: &centre - &spread,
        two_sigma_high: &centre + &sigma * exact::ratio(2, 1),
        two_sigma_low: &centre - &sigma * exact::ratio(2, 1),
        centre,
    };
    let signals = signals::signals(&points, &limits, &|i| year_month(points[i].key).to_string());
    let float = |x: &BigRational| round_sig(exact::to_f64(x)).unwrap_or(0.0);
    Some(SpcChart {
        scope,
        id: id.to_string(),
        points: points
            .iter()
            .map(|p| SpcPoint {
                month: year_month(p.key).to_string(),
                n: p.n,
                mean: float(&p.mean),
            })
            .collect(),
        reference: kind,
        centre: float(&limits.centre),
        mr_bar: float(&mr_bar),
        upper: float(&limits.upper),
        lower: float(&limits.lower),
        sigma: float(&sigma),
        signals,
    })
}
