//! The frame of the funnel and XmR charts: a plot area, linear scales onto
//! it, round tick steps and the gridlines with their labels.

use std::fmt::Write;

/// Where the plot area sits inside the SVG.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// A linear map from `domain` onto `range` (pixels).
#[derive(Debug, Clone, Copy)]
pub(super) struct Scale {
    pub(super) domain: (f64, f64),
    pub(super) range: (f64, f64),
}

impl Scale {
    pub(super) fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A step of 1, 2 or 5 times a power of ten that cuts `span` into about
/// `ticks` pieces.
pub(super) fn nice_step(span: f64, ticks: f64) -> f64 {
    if span.is_nan() || span <= 0.0 {
        return 1.0;
    }
    let raw = span / ticks;
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    while magnitude > raw {
        magnitude /= 10.0;
    }
    let ratio = raw / magnitude;
    let factor = if ratio <= 1.0 {
        1.0
    } else if ratio <= 2.0 {
        2.0
    } else if ratio <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

/// `(low, high)` widened outwards to multiples of `step`.
pub(super) fn snap((low, high): (f64, f64), step: f64) -> (f64, f64) {
    ((low / step).floor() * step, (high / step).ceil() * step)
}

/// The multiples of `step` within `domain`.
pub(super) fn ticks((low, high): (f64, f64), step: f64) -> Vec<f64> {
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// Horizontal gridlines with their labels left of the plot area.
pub(super) fn y_grid(svg: &mut String, frame: Frame, y: Scale, step: f64) {
    for v in ticks(y.domain, step) {
        let py = y.at(v);
        // Writing to a String cannot fail.
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#eaeef2" stroke-width="1"/><text x="{:.1}" y="{py:.1}" font-size="11" text-anchor="end" dominant-baseline="middle" fill="#57606a">{v}</text>"##,
            frame.left,
            frame.left + frame.width,
            frame.left - 6.0
        );
    }
}

/// A polyline through `points` as an SVG path `d`.
pub(super) fn path(points: impl IntoIterator<Item = (f64, f64)>) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.into_iter().enumerate() {
        let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_ticks_fall_on_them() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(23.0, 5.0), 5.0);
        assert_eq!(nice_step(640.0, 6.0), 200.0);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(snap((61.3, 78.2), 5.0), (60.0, 80.0));
        assert_eq!(ticks((60.0, 80.0), 5.0), [60.0, 65.0, 70.0, 75.0, 80.0]);
        let s = Scale {
            domain: (60.0, 80.0),
            range: (200.0, 0.0),
        };
        assert_eq!(s.at(70.0), 100.0);
        assert_eq!(path([(1.0, 2.0), (3.0, 4.0)]), "M1.0 2.0L3.0 4.0");
    }
}
