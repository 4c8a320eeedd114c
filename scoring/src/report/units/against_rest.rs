//! Unit against the rest, CAHPS-style (docs/scoring.md §10.1): Welch's test
//! of the unit against the other units' respondents together, BH over the
//! units of the measure, and a verdict that needs both significance and a
//! minimum difference.

use std::cmp::Ordering;

use super::{Pooled, Sample};
use crate::report::model_v2::UnitVerdict;
use crate::report::options::ScoreOptions;
use crate::stats::exact;
use crate::stats::moments::{Moments, Unit};
use crate::stats::multiple_testing::benjamini_hochberg;
use crate::stats::welch::{welch, welch_with_diff, Welch};

/// Significance level of the verdicts (on `q`).
const ALPHA: f64 = 0.05;

/// One member's comparison with the rest.
pub(super) struct AgainstRest {
    pub(super) welch: Welch,
    pub(super) q: Option<f64>,
    pub(super) verdict: UnitVerdict,
}

/// Per member (in `pooled.members` order).
pub(super) fn compare(
    samples: &[Sample<'_>],
    pooled: &Pooled,
    unit: Unit,
    options: &ScoreOptions,
    case_mix: bool,
) -> Vec<AgainstRest> {
    let rests: Vec<Moments> = pooled
        .members
        .iter()
        .map(|&u| {
            // The members' total holds u's values: the subtraction is exact.
            pooled
                .total
                .checked_sub(&samples[u].moments)
                .unwrap_or_default()
        })
        .collect();
    let tests: Vec<Welch> = pooled
        .members
        .iter()
        .zip(&rests)
        .map(|(&u, rest)| {
            let own = &samples[u].moments;
            if case_mix {
                welch_with_diff(own, rest, unit, adjusted_diff(samples, pooled, u))
            } else {
                welch(own, rest, unit)
            }
        })
        .collect();
    let p: Vec<Option<f64>> = tests.iter().map(|w| w.p).collect();
    let q = benjamini_hochberg(&p);
    pooled
        .members
        .iter()
        .zip(rests)
        .zip(tests.into_iter().zip(q))
        .map(|((&u, rest), (welch, q))| {
            let own = &samples[u].moments;
            let enough =
                own.n >= options.min_compare.max(1) && rest.n >= options.min_compare.max(1);
            let verdict = match q {
                Some(q) if enough && q < ALPHA => {
                    let (up, down) = if case_mix {
                        let diff = welch.diff.unwrap_or(0.0);
                        (
                            diff >= options.min_difference,
                            diff <= -options.min_difference,
                        )
                    } else {
                        exact_reaches(own, &rest, unit, options.min_difference)
                    };
                    if up {
                        UnitVerdict::Better
                    } else if down {
                        UnitVerdict::Worse
                    } else {
                        UnitVerdict::AsExpected
                    }
                }
                Some(_) if enough => UnitVerdict::AsExpected,
                _ => UnitVerdict::Insufficient,
            };
            AgainstRest { welch, q, verdict }
        })
        .collect()
}

/// `m_u − m_rest` with case-mix on: the rest's mean is the n-weighted mean
/// of the other members' adjusted means.
fn adjusted_diff(samples: &[Sample<'_>], pooled: &Pooled, u: usize) -> Option<f64> {
    let (mut weighted, mut n) = (0.0, 0u64);
    for &v in pooled.members.iter().filter(|&&v| v != u) {
        weighted += samples[v].moments.n as f64 * samples[v].mean?;
        n += samples[v].moments.n;
    }
    Some(samples[u].mean? - weighted / n as f64)
}

/// Whether the exact `diff = m_u − m_rest` is `≥ min_difference` and
/// whether it is `≤ −min_difference`.
fn exact_reaches(own: &Moments, rest: &Moments, unit: Unit, min_difference: f64) -> (bool, bool) {
    let (Some(a), Some(b), Some(threshold)) = (
        exact::mean(own, unit),
        exact::mean(rest, unit),
        exact::of_f64(min_difference),
    ) else {
        return (false, false);
    };
    let diff = a - b;
    (
        diff.cmp(&threshold) != Ordering::Less,
        diff.cmp(&-threshold) != Ordering::Greater,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::options::Period;

    fn moments(values: &[(u64, u64)]) -> Moments {
        let mut m = Moments::default();
        for &(x, count) in values {
            for _ in 0..count {
                m.push(x);
            }
        }
        m
    }

    fn verdicts(first: Moments, min_difference: f64) -> Vec<UnitVerdict> {
        let others = moments(&[(9, 500), (11, 500)]);
        let samples: Vec<Sample> = [first, others, others]
            .into_iter()
            .map(|moments| Sample {
                key: "u",
                mean: moments.summary(ONE).mean,
                moments,
            })
            .collect();
        let total = samples.iter().fold(Moments::default(), |t, s| {
            t.checked_add(&s.moments).unwrap()
        });
        let pooled = Pooled {
            members: vec![0, 1, 2],
            n: total.n,
            total,
            target: total.summary(ONE).mean.unwrap(),
            deviation: vec![None; 3],
            msw: 1.0,
            msb: 1.0,
        };
        let options = ScoreOptions {
            min_difference,
            ..ScoreOptions::new(Period::year(2024))
        };
        compare(&samples, &pooled, ONE, &options, false)
            .into_iter()
            .map(|r| r.verdict)
            .collect()
    }

    const ONE: Unit = Unit { num: 1, den: 1 };

    #[test]
    fn a_difference_of_exactly_min_difference_is_called() {
        // The first unit's mean is 13, the rest's 10: diff = 3 exactly.
        let first = moments(&[(12, 500), (14, 500)]);
        assert_eq!(verdicts(first, 3.0)[0], UnitVerdict::Better);
        // A thousandth of a point short of the minimum: as expected.
        let short = moments(&[(12, 501), (14, 499)]);
        assert_eq!(verdicts(short, 3.0)[0], UnitVerdict::AsExpected);
        assert_eq!(verdicts(short, 2.996)[0], UnitVerdict::Better);
    }

    #[test]
    fn too_few_respondents_are_insufficient_whatever_the_difference() {
        let first = moments(&[(20, 10), (19, 10)]);
        let options_min_compare = ScoreOptions::new(Period::year(2024)).min_compare;
        assert!(first.n < options_min_compare);
        assert_eq!(verdicts(first, 3.0)[0], UnitVerdict::Insufficient);
    }
}
