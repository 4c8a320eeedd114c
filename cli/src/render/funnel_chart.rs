//! A funnel plot as inline SVG (docs/scoring.md §10.2): the target θ₀, the
//! 95% and 99.8% limits as curves over the number of respondents, and each
//! unit as a point coloured by its band. The limit curves come from
//! `scoring::present::funnel`, the same geometry the dashboard draws.

use std::fmt::Write;

use scoring::present::funnel::{curves, measure_curves, FunnelPoint};
use scoring::report::{Band, UnitMeasure};

use super::escape::html as esc;
use super::labels::Labels;
use super::plot_frame::{nice_step, path, snap, ticks, y_grid, Frame, Scale};
use super::unit_tables::band_class;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 380.0;
const FRAME: Frame = Frame {
    left: 48.0,
    top: 14.0,
    width: 690.0,
    height: 318.0,
};
/// Points along each limit curve.
const SAMPLES: usize = 80;

/// A limit curve: its class, its dash pattern and which limit it follows.
type LimitPath = (&'static str, &'static str, fn(&FunnelPoint) -> f64);

/// The fill of a band's points and legend swatches.
pub(super) fn band_colour(band: Band) -> &'static str {
    match band {
        Band::MuchBetter => "#116329",
        Band::Better => "#4ac26b",
        Band::AsExpected => "#8c959f",
        Band::Worse => "#e16f24",
        Band::MuchWorse => "#a40e26",
    }
}

/// The funnel plot of `measure`, `None` when it has no funnel (fewer than 3
/// units, or no spread within them). `id` makes the ids of its title and
/// description unique in the page; `title` names the chart for screen
/// readers.
pub(super) fn funnel(
    measure: &UnitMeasure,
    id: &str,
    title: &str,
    labels: &Labels<'_>,
) -> Option<String> {
    let w = labels.words;
    let span = measure_curves(measure, 2)?;
    let (target, sigma, tau2_used) = (measure.target?, measure.sigma?, measure.tau2_used?);
    let units: Vec<(&str, f64, f64, Band)> = measure
        .units
        .iter()
        .filter_map(|u| Some((u.key.as_str(), u.n as f64, u.mean?, u.band?)))
        .collect();
    let n_max = span.points.last().map_or(1.0, |p| p.n);
    let n_min = span.points.first().map_or(1.0, |p| p.n);

    // Across: 0 to a round number past the largest unit.
    let x_step = nice_step(n_max, 6.0);
    let x_domain = (0.0, (n_max * 1.05 / x_step).ceil() * x_step);
    let x = Scale {
        domain: x_domain,
        range: (FRAME.left, FRAME.left + FRAME.width),
    };
    // Up: the units and the outer limits at the smallest unit, on a
    // round grid within 0–100.
    let (lo, hi) = units
        .iter()
        .fold(span.extent(), |(lo, hi), u| (lo.min(u.2), hi.max(u.2)));
    let y_step = nice_step(hi - lo, 6.0);
    let (y_lo, y_hi) = snap((lo - y_step / 2.0, hi + y_step / 2.0), y_step);
    let y = Scale {
        domain: (y_lo.max(0.0), y_hi.min(100.0)),
        range: (FRAME.top + FRAME.height, FRAME.top),
    };

    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        r#"<svg class="chart funnel" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(&format!("{} — {title}", w.funnel)),
        esc(w.funnel_note)
    );
    y_grid(&mut svg, FRAME, y, y_step);
    for v in ticks(x_domain, x_step) {
        let px = x.at(v);
        let _ = write!(
            svg,
            r##"<line x1="{px:.1}" y1="{:.1}" x2="{px:.1}" y2="{:.1}" stroke="#d0d7de" stroke-width="1"/><text x="{px:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#57606a">{v}</text>"##,
            FRAME.top + FRAME.height,
            FRAME.top + FRAME.height + 4.0,
            FRAME.top + FRAME.height + 16.0
        );
    }
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#57606a">{}</text>"##,
        FRAME.left + FRAME.width / 2.0,
        HEIGHT - 8.0,
        esc(w.n)
    );

    // The curves run from the smallest unit, where the up axis still holds
    // them, to the right edge; beyond 0–100 they follow the edge.
    let lines = curves(target, sigma, tau2_used, (n_min, x_domain.1), SAMPLES);
    let inside = |v: f64| v.clamp(y.domain.0, y.domain.1);
    svg.push_str(r#"<g fill="none">"#);
    let ty = y.at(target);
    let _ = write!(
        svg,
        r##"<path class="target" d="M{:.1} {ty:.1}H{:.1}" stroke="#1f2328" stroke-width="1.5"/>"##,
        FRAME.left,
        FRAME.left + FRAME.width
    );
    let limit_paths: [LimitPath; 4] = [
        ("limit95", "6 4", |p| p.low95),
        ("limit95", "6 4", |p| p.high95),
        ("limit998", "2 3", |p| p.low998),
        ("limit998", "2 3", |p| p.high998),
    ];
    for (class, dash, value) in limit_paths {
        let d = path(
            lines
                .points
                .iter()
                .map(|p| (x.at(p.n), y.at(inside(value(p))))),
        );
        let _ = write!(
            svg,
            r##"<path class="{class}" d="{d}" stroke="#3b6ea5" stroke-width="1.3" stroke-dasharray="{dash}"/>"##
        );
    }
    svg.push_str("</g>");

    let mut placed: Vec<LabelBox> = Vec::with_capacity(units.len());
    for (key, n, mean, band) in &units {
        let (px, py) = (x.at(*n), y.at(*mean));
        let key = labels.group_key(key);
        let label = place_label(&mut placed, (px, py), key);
        let _ = write!(
            svg,
            r##"<g class="unit {}"><title>{}: n = {n}, {} {mean:.1}, {}</title><circle cx="{px:.1}" cy="{py:.1}" r="5" fill="{}" stroke="#1f2328" stroke-width="0.8"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="{}" fill="#1f2328">{}</text></g>"##,
            band_class(*band),
            esc(key),
            esc(w.mean),
            esc(labels.band(*band)),
            band_colour(*band),
            label.anchor_x,
            label.baseline,
            label.anchor,
            esc(key)
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// Where a point's label went: the text's anchor and baseline, and the
/// box it covers (for the next labels to avoid).
#[derive(Debug, Clone, Copy)]
struct LabelBox {
    anchor_x: f64,
    baseline: f64,
    anchor: &'static str,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// The first of four spots around the point (upper right, upper left,
/// lower right, lower left) whose label overlaps no label placed so far;
/// the upper right when all four do.
fn place_label(placed: &mut Vec<LabelBox>, (px, py): (f64, f64), text: &str) -> LabelBox {
    // About 7 pixels a Latin character and 11 a CJK one at 11px.
    let width: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 7.0 } else { 11.0 })
        .sum();
    let spot = |right: bool, above: bool| {
        let baseline = if above { py - 5.0 } else { py + 14.0 };
        let (anchor_x, anchor, left) = if right {
            (px + 7.0, "start", px + 7.0)
        } else {
            (px - 7.0, "end", px - 7.0 - width)
        };
        LabelBox {
            anchor_x,
            baseline,
            anchor,
            left,
            right: left + width,
            top: baseline - 10.0,
            bottom: baseline + 2.0,
        }
    };
    let overlaps = |a: &LabelBox, b: &LabelBox| {
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    };
    let candidates = [
        spot(true, true),
        spot(false, true),
        spot(true, false),
        spot(false, false),
    ];
    let chosen = candidates
        .iter()
        .find(|c| !placed.iter().any(|p| overlaps(c, p)))
        .copied()
        .unwrap_or(candidates[0]);
    placed.push(chosen);
    chosen
}

/// The legend under a funnel: the bands' colours and the lines' styles.
pub(super) fn legend(labels: &Labels<'_>) -> String {
    let w = labels.words;
    let mut out = String::from("<p class=\"legend\">");
    for band in [
        Band::MuchBetter,
        Band::Better,
        Band::AsExpected,
        Band::Worse,
        Band::MuchWorse,
    ] {
        let _ = write!(
            out,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span> ",
            band_colour(band),
            esc(labels.band(band))
        );
    }
    let _ = write!(
        out,
        "<span><span class=\"line solid\"></span>{}</span> \
         <span><span class=\"line dashed\"></span>{}</span> \
         <span><span class=\"line dotted\"></span>{}</span></p>",
        esc(w.target),
        esc(w.limits95),
        esc(w.limits998)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two units close together get labels on different sides, and a
    /// third far away keeps the usual upper-right spot.
    #[test]
    fn labels_of_close_points_do_not_overlap() {
        let mut placed = Vec::new();
        let a = place_label(&mut placed, (100.0, 100.0), "H01");
        let b = place_label(&mut placed, (95.0, 98.0), "H07");
        let c = place_label(&mut placed, (400.0, 50.0), "医院甲");
        assert_eq!((a.anchor, a.baseline), ("start", 95.0));
        assert_eq!(b.anchor, "end");
        assert!(b.right <= a.left || b.bottom <= a.top || a.bottom <= b.top);
        assert_eq!((c.anchor, c.left, c.right), ("start", 407.0, 440.0));
    }
}
