//! Inline SVG bar charts of 0–100 scores with 95% CI whiskers: no script,
//! no external asset, so the HTML report prints and archives as one file.

use std::fmt::Write;

use super::escape::html as esc;

/// How a bar is coloured: by its comparison with the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Neutral,
    Improved,
    Declined,
}

/// One bar: a mean with its interval, and optionally the baseline mean.
#[derive(Debug, Clone)]
pub(crate) struct Bar<'a> {
    pub(crate) label: &'a str,
    pub(crate) mean: Option<f64>,
    pub(crate) low: Option<f64>,
    pub(crate) high: Option<f64>,
    pub(crate) baseline: Option<f64>,
    pub(crate) tone: Tone,
}

const WIDTH: f64 = 760.0;
const PLOT_LEFT: f64 = 290.0;
const PLOT_WIDTH: f64 = 400.0;
const ROW: f64 = 26.0;
const TOP: f64 = 22.0;
/// Characters of a label shown before it is cut (the full text is its tooltip).
const LABEL_CHARS: usize = 22;

fn x(score: f64) -> f64 {
    PLOT_LEFT + PLOT_WIDTH * score.clamp(0.0, 100.0) / 100.0
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// A horizontal bar chart of `bars` on the 0–100 scale, titled `title`
/// for screen readers.
pub(crate) fn bars(title: &str, bars: &[Bar<'_>]) -> String {
    let height = TOP + ROW * bars.len() as f64 + 8.0;
    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        esc(title)
    );
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let tx = x(tick);
        let _ = write!(
            svg,
            r##"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#d0d7de" stroke-width="1"/><text x="{tx:.1}" y="14" font-size="11" text-anchor="middle" fill="#57606a">{tick}</text>"##,
            TOP - 4.0,
            height - 6.0
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let top = TOP + ROW * i as f64;
        let middle = top + ROW / 2.0;
        let _ = write!(
            svg,
            r##"<g><title>{}</title><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" dominant-baseline="middle" fill="#1f2328">{}</text>"##,
            esc(bar.label),
            PLOT_LEFT - 8.0,
            middle,
            esc(&short(bar.label))
        );
        let fill = match bar.tone {
            Tone::Neutral => "#3b6ea5",
            Tone::Improved => "#2f855a",
            Tone::Declined => "#c53030",
        };
        match bar.mean {
            Some(mean) => {
                let _ = write!(
                    svg,
                    r#"<rect x="{PLOT_LEFT}" y="{:.1}" width="{:.1}" height="14" rx="2" fill="{fill}" fill-opacity="0.85"/>"#,
                    middle - 7.0,
                    x(mean) - PLOT_LEFT
                );
                if let (Some(low), Some(high)) = (bar.low, bar.high) {
                    let (l, h) = (x(low), x(high));
                    let _ = write!(
                        svg,
                        r##"<path d="M{l:.1} {a:.1}V{b:.1}M{l:.1} {m:.1}H{h:.1}M{h:.1} {a:.1}V{b:.1}" stroke="#1f2328" stroke-width="1.5" fill="none"/>"##,
                        a = middle - 5.0,
                        b = middle + 5.0,
                        m = middle
                    );
                }
                // Right of the whisker and of the baseline marker.
                let right = [bar.high, bar.baseline.map(|b| b + 1.5)]
                    .into_iter()
                    .flatten()
                    .fold(mean, f64::max);
                let label_x = x(right) + 6.0;
                let _ = write!(
                    svg,
                    r##"<text x="{label_x:.1}" y="{middle:.1}" font-size="11" dominant-baseline="middle" fill="#1f2328">{mean:.1}</text>"##
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{middle:.1}" font-size="11" dominant-baseline="middle" fill="#57606a">—</text>"##,
                    PLOT_LEFT + 4.0
                );
            }
        }
        if let Some(base) = bar.baseline {
            let bx = x(base);
            let _ = write!(
                svg,
                r##"<path d="M{bx:.1} {:.1}L{:.1} {middle:.1}L{bx:.1} {:.1}L{:.1} {middle:.1}Z" fill="#f0b429" stroke="#1f2328" stroke-width="0.8"/>"##,
                middle - 6.0,
                bx + 5.0,
                middle + 6.0,
                bx - 5.0
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_bars_whiskers_and_baseline_markers() {
        let svg = bars(
            "stages",
            &[
                Bar {
                    label: "门诊<就诊>",
                    mean: Some(50.0),
                    low: Some(40.0),
                    high: Some(60.0),
                    baseline: Some(45.0),
                    tone: Tone::Improved,
                },
                Bar {
                    label: "急诊",
                    mean: None,
                    low: None,
                    high: None,
                    baseline: None,
                    tone: Tone::Neutral,
                },
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // The bar reaches 50 on a 400-pixel 0–100 axis starting at 290.
        assert!(svg.contains(r#"width="200.0" height="14""#), "{svg}");
        // The whisker spans 40..60.
        assert!(svg.contains("M450.0 "), "{svg}");
        assert!(svg.contains("H530.0"), "{svg}");
        assert!(svg.contains("门诊&lt;就诊&gt;"));
        assert!(!svg.contains("<就诊>"));
        assert!(svg.contains("#2f855a"));
    }

    #[test]
    fn long_labels_are_cut_with_the_full_text_as_tooltip() {
        let label = "您对预约挂号的方便程度满意吗？（网上、电话、自助机等）";
        let svg = bars(
            "items",
            &[Bar {
                label,
                mean: Some(80.0),
                low: None,
                high: None,
                baseline: None,
                tone: Tone::Neutral,
            }],
        );
        assert!(svg.contains(&format!("<title>{label}</title>")));
        assert!(svg.contains(">您对预约挂号的方便程度满意吗？（网上、电话…<"));
    }
}
