//! The funnel plot (docs/scoring.md §10.2): each unit at (n, mean), the
//! target θ₀ as a line and the 95% and 99.8% limits as curves in n. A
//! unit's band shows as colour, as a shape (▲ above, ▼ below, ● between)
//! and as its label, never by colour alone; a unit below the reliability
//! target is drawn hollow.

use yew::prelude::*;

use super::grid::y_grid;
use super::palette::{INK, MUTED};
use super::scale::{nice_ticks, padded_domain, shorten, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::T;
use crate::dashboard::labels::Labels;
use crate::dashboard::model::benchmark::funnel_curves;
use crate::dashboard::number_format as nf;
use scoring::present::funnel::FunnelPoint;
use scoring::present::units::below_target;
use scoring::present::words::band as band_word;
use scoring::report::{Band, UnitMeasure};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 404.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 600.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 290.0;

/// The colour of a band: blues above, oranges below, grey between
/// (Okabe–Ito, readable with colour-vision deficiencies).
pub fn band_colour(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::MuchBetter) => "#0072B2",
        Some(Band::Better) => "#56B4E9",
        Some(Band::AsExpected) | None => "#6B7680",
        Some(Band::Worse) => "#E69F00",
        Some(Band::MuchWorse) => "#D55E00",
    }
}

/// The shape of a band's marker, for readers who cannot tell the colours:
/// the reports' marks (▲▲ ▲ ▼ ▼▼), and a dot for "as expected".
pub fn band_mark(band: Option<Band>) -> &'static str {
    match band.map(scoring::present::units::band_mark) {
        Some("") => "●",
        Some(mark) => mark,
        None => "○",
    }
}

pub fn table(measure: &UnitMeasure, labels: &Labels) -> TableData {
    let lang = labels.lang;
    let t = |k: T| k.in_(lang).to_owned();
    TableData {
        headers: vec![
            t(T::Unit),
            t(T::N),
            t(T::Score),
            t(T::Limits95),
            t(T::Limits998),
            t(T::Band),
            t(T::Reliability),
        ],
        rows: measure
            .units
            .iter()
            .map(|u| {
                let reliability = match (u.reliability, below_target(u)) {
                    (r, true) => format!("{} * {}", nf::coefficient(r), t(T::BelowTarget)),
                    (r, false) => nf::coefficient(r),
                };
                vec![
                    labels.place(&u.key).to_owned(),
                    nf::count(u.n),
                    nf::score(u.mean),
                    nf::interval(u.limit95_low, u.limit95_high),
                    nf::interval(u.limit998_low, u.limit998_high),
                    u.band
                        .map_or(nf::MISSING.to_owned(), |b| band_word(lang, b).to_owned()),
                    reliability,
                ]
            })
            .collect(),
    }
}

/// The baseline of a unit's label near `(x, want)`, moved down a line at
/// a time until it clears the labels already placed (units of similar n
/// and mean would otherwise print over each other).
/// `None` when three lines down is still taken: no label beats one far
/// from its point.
fn label_row(placed: &mut Vec<(f64, f64)>, x: f64, want: f64) -> Option<f64> {
    let y = (0..3).map(|k| want + 12.0 * f64::from(k)).find(|y| {
        !placed
            .iter()
            .any(|(px, py)| (px - x).abs() < 48.0 && (py - y).abs() < 12.0)
    })?;
    placed.push((x, y));
    Some(y)
}

/// SVG path data through `(x, y)` pixel points.
fn polyline(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn funnel_chart(id: &str, caption: String, labels: &Labels, measure: &UnitMeasure) -> Html {
    let lang = labels.lang;
    let shown: Vec<(f64, f64)> = measure
        .units
        .iter()
        .filter_map(|u| u.mean.map(|m| (u.n as f64, m)))
        .collect();
    let n_max = shown.iter().map(|p| p.0).fold(1.0, f64::max) * 1.08;
    let curves = funnel_curves(measure, n_max * 0.08, 48);
    let mut values: Vec<f64> = shown.iter().map(|p| p.1).collect();
    values.extend(measure.target);
    if let Some(c) = &curves {
        let (lo, hi) = c.extent();
        values.extend([lo, hi]);
    }
    let (lo, hi) = padded_domain(&values, 6.0);
    let y = Linear::new((lo, hi), (BOTTOM, TOP));
    let x = Linear::new((0.0, n_max), (LEFT, RIGHT));
    let y_ticks = y_grid(&y, (lo, hi), 5, (LEFT, RIGHT));
    let x_ticks = nice_ticks(0.0, n_max, 6).into_iter().map(|v| {
        html! {
            <text x={x.at(v).to_string()} y={(BOTTOM + 16.0).to_string()} font-size="10"
                  fill={MUTED} text-anchor="middle">{ nf::count(v as u64) }</text>
        }
    });
    let points_of = curves.as_ref().map_or(&[][..], |c| c.points.as_slice());
    let curve = |pick: fn(&FunnelPoint) -> f64, dash: &'static str| {
        html! {
            <path d={polyline(points_of.iter().map(|p| (x.at(p.n), y.at(pick(p)))))} fill="none"
                  stroke={INK} stroke-width="1.2" stroke-dasharray={dash} />
        }
    };
    let target = measure.target.map(|t| {
        html! {
            <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={y.at(t).to_string()}
                  y2={y.at(t).to_string()} stroke={INK} stroke-width="1.5" />
        }
    });
    let mut placed: Vec<(f64, f64)> = Vec::new();
    // With many units only those outside the 95% limits are named on the
    // plot (the table names all): the rest would print over each other.
    let label_all = measure.units.len() <= 12;
    let points = measure.units.iter().filter_map(|u| {
        let mean = u.mean?;
        let (cx, cy) = (x.at(u.n as f64), y.at(mean));
        let named = label_all || !matches!(u.band, Some(Band::AsExpected) | None);
        let label_y = named.then(|| label_row(&mut placed, cx, cy - 6.0)).flatten();
        let key = labels.place(&u.key);
        let colour = band_colour(u.band);
        let hollow = below_target(u);
        let band = u.band.map_or(nf::MISSING, |b| band_word(lang, b));
        Some(html! {
            <g class="unit">
                <title>{ format!("{key}: {} (n = {}) · {band}", nf::score(u.mean), nf::count(u.n)) }</title>
                <text x={cx.to_string()} y={(cy + 5.0).to_string()} font-size="15" text-anchor="middle"
                      fill={if hollow { "#FFFFFF" } else { colour }} stroke={colour}
                      stroke-width={if hollow { "1.2" } else { "0.6" }}>{ band_mark(u.band) }</text>
                if let Some(ly) = label_y {
                    <text x={(cx + 9.0).to_string()} y={ly.to_string()} font-size="11"
                          fill={INK}>{ shorten(key, 10.0) }{ if hollow { "*" } else { "" } }</text>
                }
            </g>
        })
    });
    let legend_y = BOTTOM + 50.0;
    let legend_line = |lx: f64, dash: &'static str, label: T| {
        html! {
            <g>
                <line x1={lx.to_string()} x2={(lx + 24.0).to_string()} y1={(legend_y - 4.0).to_string()}
                      y2={(legend_y - 4.0).to_string()} stroke={INK} stroke-width="1.5"
                      stroke-dasharray={dash} />
                <text x={(lx + 30.0).to_string()} y={legend_y.to_string()} font-size="10" fill={INK}>
                    { label.in_(lang) }</text>
            </g>
        }
    };
    let bands = [
        Band::MuchBetter,
        Band::Better,
        Band::AsExpected,
        Band::Worse,
        Band::MuchWorse,
    ];
    let band_legend = bands.iter().enumerate().map(|(i, b)| {
        let lx = LEFT + (i % 3) as f64 * 190.0;
        let ly = legend_y + 20.0 + (i / 3) as f64 * 16.0;
        html! {
            <g>
                <text x={lx.to_string()} y={ly.to_string()} font-size="13"
                      fill={band_colour(Some(*b))}>{ band_mark(Some(*b)) }</text>
                <text x={(lx + 24.0).to_string()} y={(ly - 1.0).to_string()} font-size="10"
                      fill={INK}>{ band_word(lang, *b) }</text>
            </g>
        }
    });
    html! {
        <ChartFigure id={id.to_owned()} caption={caption} lang={lang}
                     table={table(measure, labels)} width={WIDTH} height={HEIGHT}>
            { y_ticks }
            { for x_ticks }
            <text x={RIGHT.to_string()} y={(BOTTOM + 30.0).to_string()} font-size="10" fill={MUTED}
                  text-anchor="end">{ T::ResponsesAxis.in_(lang) }</text>
            { curve(|p| p.low998, "2 3") }
            { curve(|p| p.high998, "2 3") }
            { curve(|p| p.low95, "6 4") }
            { curve(|p| p.high95, "6 4") }
            { for target }
            { for points }
            { legend_line(LEFT, "", T::Target) }
            { legend_line(LEFT + 150.0, "6 4", T::Limits95) }
            { legend_line(LEFT + 300.0, "2 3", T::Limits998) }
            <text x={LEFT.to_string()} y={(legend_y + 52.0).to_string()} font-size="10" fill={INK}>
                { format!("* {}", T::BelowTarget.in_(lang)) }</text>
            { for band_legend }
        </ChartFigure>
    }
}
