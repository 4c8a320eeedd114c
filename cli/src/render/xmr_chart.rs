//! An XmR chart as inline SVG (docs/scoring.md §11): the monthly means
//! joined by a line, the centre and the process limits, and the points of
//! each signal marked by its side, with a legend naming the rules.

use std::fmt::Write;

use scoring::report::{Side, SpcChart};

use super::escape::html as esc;
use super::labels::Labels;
use super::plot_frame::{nice_step, path, snap, y_grid, Frame, Scale};
use super::unit_tables::signal_lines;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 240.0;
const FRAME: Frame = Frame {
    left: 48.0,
    top: 14.0,
    width: 610.0,
    height: 196.0,
};
/// Month labels shown at most, so they do not overlap.
const MONTH_LABELS: usize = 12;

/// The colour of a signal's side: higher scores are better, so a high
/// signal is an improvement (blue) and a low one a concern (orange), as in
/// NHS England's "Making Data Count" charts.
fn side_colour(side: Side) -> &'static str {
    match side {
        Side::High => "#1f6feb",
        Side::Low => "#e16f24",
    }
}

fn side_class(side: Side) -> &'static str {
    match side {
        Side::High => "signal-high",
        Side::Low => "signal-low",
    }
}

/// The chart of `chart`, titled `title` for screen readers.
pub(super) fn xmr(chart: &SpcChart, title: &str, labels: &Labels<'_>) -> String {
    let w = labels.words;
    let count = chart.points.len();
    let x = |i: usize| {
        if count < 2 {
            FRAME.left + FRAME.width / 2.0
        } else {
            FRAME.left + FRAME.width * i as f64 / (count - 1) as f64
        }
    };
    let (lo, hi) = chart
        .points
        .iter()
        .fold((chart.lower, chart.upper), |(lo, hi), p| {
            (lo.min(p.mean), hi.max(p.mean))
        });
    let y_step = nice_step(hi - lo, 5.0);
    let (y_lo, y_hi) = snap((lo - y_step / 4.0, hi + y_step / 4.0), y_step);
    // Scores live on 0–100: a limit beyond it is drawn at the edge.
    let y = Scale {
        domain: (y_lo.max(0.0), y_hi.min(100.0)),
        range: (FRAME.top + FRAME.height, FRAME.top),
    };

    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        r#"<svg class="chart xmr" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>{}</title><desc>{}</desc>"#,
        esc(&format!("{} — {title}", w.control_charts)),
        esc(w.xmr_note)
    );
    y_grid(&mut svg, FRAME, y, y_step);
    let right = FRAME.left + FRAME.width;
    for (class, value, label, dash) in [
        ("centre", chart.centre, w.centre, ""),
        ("upper", chart.upper, w.upper_limit, "6 4"),
        ("lower", chart.lower, w.lower_limit, "6 4"),
    ] {
        let py = y.at(value.clamp(0.0, 100.0));
        let _ = write!(
            svg,
            r##"<path class="{class}" d="M{:.1} {py:.1}H{right:.1}" stroke="{}" stroke-width="1.3" stroke-dasharray="{dash}" fill="none"/><text x="{:.1}" y="{py:.1}" font-size="11" dominant-baseline="middle" fill="#57606a">{} {value:.1}</text>"##,
            FRAME.left,
            if class == "centre" {
                "#1f2328"
            } else {
                "#c53030"
            },
            right + 6.0,
            esc(label)
        );
    }
    let line = path(
        chart
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| (x(i), y.at(p.mean))),
    );
    let _ = write!(
        svg,
        r##"<path class="series" d="{line}" stroke="#57606a" stroke-width="1.5" fill="none"/>"##
    );
    let every = count.div_ceil(MONTH_LABELS).max(1);
    for (i, p) in chart.points.iter().enumerate() {
        let (px, py) = (x(i), y.at(p.mean));
        // The side of the first signal a month belongs to colours it.
        let side = chart
            .signals
            .iter()
            .find(|s| s.months.contains(&p.month))
            .map(|s| s.side);
        let point = match side {
            Some(side) => format!(
                r##"<circle class="point signal {}" cx="{px:.1}" cy="{py:.1}" r="5" fill="{}" stroke="#1f2328" stroke-width="0.8"/>"##,
                side_class(side),
                side_colour(side)
            ),
            None => format!(
                r##"<circle class="point" cx="{px:.1}" cy="{py:.1}" r="3.5" fill="#57606a"/>"##
            ),
        };
        let _ = write!(
            svg,
            r#"<g data-month="{}"><title>{}: {:.1} (n = {})</title>{point}</g>"#,
            esc(&p.month),
            esc(&p.month),
            p.mean,
            p.n
        );
        if i % every == 0 {
            let _ = write!(
                svg,
                r##"<text x="{px:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#57606a">{}</text>"##,
                FRAME.top + FRAME.height + 16.0,
                esc(&p.month)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The signals under a chart, each with the colour of its side and the
/// name of its rule; or the sentence that there is none.
pub(super) fn signal_legend(chart: &SpcChart, labels: &Labels<'_>) -> String {
    if chart.signals.is_empty() {
        return format!("<p class=\"note\">{}</p>", esc(labels.words.no_signal));
    }
    let mut out = String::from("<ul class=\"signals\">");
    for (signal, line) in chart.signals.iter().zip(signal_lines(chart, labels)) {
        let _ = write!(
            out,
            "<li class=\"{}\"><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
            side_class(signal.side),
            side_colour(signal.side),
            esc(&line)
        );
    }
    out.push_str("</ul>");
    out
}
