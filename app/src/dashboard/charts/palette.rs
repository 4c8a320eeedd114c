//! Colours of the charts: the Okabe–Ito set, distinguishable with the
//! common colour-vision deficiencies, and a diverging ramp for answer
//! distributions (dissatisfied red → neutral grey → satisfied blue).

/// Series colours, in order of use.
pub const SERIES: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
];

pub const BASELINE: &str = "#9AA4AE";
pub const CURRENT: &str = "#0072B2";
pub const GRID: &str = "#D5DAE0";
pub const INK: &str = "#1F2933";
pub const MUTED: &str = "#52606D";

pub fn series(index: usize) -> &'static str {
    SERIES[index % SERIES.len()]
}

/// The colour of position `t` in [0, 1] of a scale, red at 0, grey at ½,
/// blue at 1.
pub fn diverging(t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let (from, to, u) = if t < 0.5 {
        ((178.0, 24.0, 43.0), (224.0, 224.0, 224.0), t * 2.0)
    } else {
        ((224.0, 224.0, 224.0), (33.0, 102.0, 172.0), (t - 0.5) * 2.0)
    };
    let mix = |a: f64, b: f64| (a + (b - a) * u).round() as u8;
    format!(
        "#{:02X}{:02X}{:02X}",
        mix(from.0, to.0),
        mix(from.1, to.1),
        mix(from.2, to.2)
    )
}

/// Text colour readable on `diverging(t)`.
pub fn on_diverging(t: f64) -> &'static str {
    if (0.2..=0.8).contains(&t) {
        INK
    } else {
        "#FFFFFF"
    }
}
