//! Linear scales and axis ticks for the SVG charts (pure, tested).

/// Maps a data interval onto a pixel interval (either may be reversed, as
/// for a y axis whose pixels grow downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    /// The pixel of `value`, clamped to the range so a value outside the
    /// domain (a CI reaching past 100) never draws outside the plot.
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        let t = ((value - d0) / (d1 - d0)).clamp(0.0, 1.0);
        r0 + t * (r1 - r0)
    }
}

/// About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5
/// times a power of ten), lowest first.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || count == 0 {
        return vec![lo];
    }
    let raw = (hi - lo) / count as f64;
    let power = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // Round away binary noise such as 0.30000000000000004.
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let unit = 10f64.powi(decimals);
    (first..=last)
        .map(|i| (i as f64 * step * unit).round() / unit)
        .collect()
}

/// A domain that contains `values` with a little room, snapped to the
/// step of its ticks, never narrower than `min_width`.
pub fn padded_domain(values: &[f64], min_width: f64) -> (f64, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (Some(lo), Some(hi)) = (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) else {
        return (0.0, 1.0);
    };
    let centre = (lo + hi) / 2.0;
    let half = ((hi - lo) * 0.55).max(min_width / 2.0);
    let (lo, hi) = (centre - half, centre + half);
    let ticks = nice_ticks(lo, hi, 5);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => min_width,
    };
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// Approximate width of `label` in ems: CJK and other wide characters
/// take a full em, Latin letters and digits about half of one.
pub fn text_width_em(label: &str) -> f64 {
    label.chars().map(char_width_em).sum()
}

fn char_width_em(c: char) -> f64 {
    if (c as u32) >= 0x2E80 {
        1.0
    } else {
        0.56
    }
}

/// A short form of a long label for the SVG (the table and the `<title>`
/// keep the whole text): at most `max_em` ems wide, an ellipsis if cut.
pub fn shorten(label: &str, max_em: f64) -> String {
    if text_width_em(label) <= max_em {
        return label.to_owned();
    }
    let mut width = 1.0; // room for the ellipsis
    let mut out = String::new();
    for c in label.chars() {
        width += char_width_em(c);
        if width > max_em {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
