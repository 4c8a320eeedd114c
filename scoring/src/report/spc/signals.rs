//! The four signal rules of an XmR chart (docs/scoring.md §11), each
//! flagging points per side; consecutive flagged points form one signal.

use std::cmp::Ordering;

use super::{Limits, Point};
use crate::report::model_v2::{Rule, Side, Signal};

/// Runs of at least this many points make a shift or a trend.
const RUN: usize = 7;

/// Every signal, by rule (outside, shift, trend, two of three), then side
/// (high first), then first month.
pub(super) fn signals(
    points: &[Point],
    limits: &Limits,
    month: &dyn Fn(usize) -> String,
) -> Vec<Signal> {
    let mut out = Vec::new();
    for rule in [Rule::Outside, Rule::Shift, Rule::Trend, Rule::TwoOfThree] {
        for side in [Side::High, Side::Low] {
            let flags = match rule {
                Rule::Outside => outside(points, limits, side),
                Rule::Shift => shift(points, limits, side),
                Rule::Trend => trend(points, side),
                Rule::TwoOfThree => two_of_three(points, limits, side),
            };
            let mut i = 0;
            while i < flags.len() {
                if !flags[i] {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < flags.len() && flags[i] {
                    i += 1;
                }
                out.push(Signal {
                    rule,
                    side,
                    months: (start..i).map(month).collect(),
                });
            }
        }
    }
    out
}

/// The order a high point has against a reference (`Greater` beyond it
/// on that side).
fn toward(side: Side, order: Ordering) -> Ordering {
    match side {
        Side::High => order,
        Side::Low => order.reverse(),
    }
}

/// A point above `upper` (high) or below `lower` (low).
fn outside(points: &[Point], limits: &Limits, side: Side) -> Vec<bool> {
    let limit = match side {
        Side::High => &limits.upper,
        Side::Low => &limits.lower,
    };
    points
        .iter()
        .map(|p| toward(side, p.mean.cmp(limit)) == Ordering::Greater)
        .collect()
}

/// Flags every run of at least [`RUN`] consecutive points where `holds(i)`.
fn runs(
    len: usize,
    holds: impl Fn(usize) -> bool,
    first_of_run: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut flags = vec![false; len];
    let mut start = 0;
    for i in 0..=len {
        let continues = i < len && holds(i) && !(i > start && first_of_run(i));
        if continues {
            continue;
        }
        // The run is start..i; a point that breaks it may start the next.
        if i - start >= RUN {
            flags[start..i].fill(true);
        }
        start = if i < len && holds(i) { i } else { i + 1 };
    }
    flags
}

/// 7 or more consecutive points strictly on one side of the centre; a
/// point equal to the centre ends the run.
fn shift(points: &[Point], limits: &Limits, side: Side) -> Vec<bool> {
    runs(
        points.len(),
        |i| toward(side, points[i].mean.cmp(&limits.centre)) == Ordering::Greater,
        |_| false,
    )
}

/// 7 or more consecutive points each strictly greater (high) or less (low)
/// than the one before; an equal value ends the run.
fn trend(points: &[Point], side: Side) -> Vec<bool> {
    let step = |i: usize| {
        i > 0 && toward(side, points[i].mean.cmp(&points[i - 1].mean)) == Ordering::Greater
    };
    // Every point can start a run; a point continues the run before it
    // only when it steps that way.
    runs(points.len(), |_| true, |i| !step(i))
}

/// A point beyond `centre ± 2σ` in a window of 3 consecutive points that
/// holds at least 2 such points on the same side.
fn two_of_three(points: &[Point], limits: &Limits, side: Side) -> Vec<bool> {
    let beyond: Vec<bool> = points
        .iter()
        .map(|p| match side {
            Side::High => p.mean > limits.two_sigma_high,
            Side::Low => p.mean < limits.two_sigma_low,
        })
        .collect();
    let mut flags = vec![false; points.len()];
    for start in 0..points.len().saturating_sub(2) {
        let window = start..start + 3;
        if beyond[window.clone()].iter().filter(|&&b| b).count() >= 2 {
            for i in window {
                flags[i] |= beyond[i];
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_need_seven_points_and_restart_at_a_break() {
        // holds: 7 true, a false, 6 true.
        let holds = [true; 7]
            .into_iter()
            .chain([false])
            .chain([true; 6])
            .collect::<Vec<_>>();
        let flags = runs(holds.len(), |i| holds[i], |_| false);
        assert_eq!(&flags[..7], &[true; 7]);
        assert!(flags[7..].iter().all(|f| !f));
    }

    #[test]
    fn a_trend_restarts_at_the_point_after_a_step_back() {
        // steps: 0 1 2 3 4 5 6 (7 increasing points), then 6 again (equal,
        // ends the run), then 7 8 9 10 11 12: the equal point starts the
        // next run of 7 (6,7,…,12).
        let values = [0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12];
        let step = |i: usize| i > 0 && values[i] > values[i - 1];
        let flags = runs(values.len(), |_| true, |i| !step(i));
        assert!(flags.iter().all(|&f| f), "{flags:?}");
        let values = [0, 1, 2, 3, 4, 5, 5, 6, 7];
        let step = |i: usize| i > 0 && values[i] > values[i - 1];
        let flags = runs(values.len(), |_| true, |i| !step(i));
        assert!(flags.iter().all(|&f| !f), "{flags:?}");
    }
}
