//! The key-driver scatter (docs/scoring.md §4): importance `r` across,
//! performance `mean` up, dashed median lines, quadrants named in their
//! corners. Points are numbered; the numbers key into the table.

use yew::prelude::*;

use super::grid::y_grid;
use super::palette::{series, GRID, INK, MUTED};
use super::scale::{nice_ticks, padded_domain, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::model::priorities::Priorities;
use crate::dashboard::number_format as nf;
use scoring::present::words;
use scoring::report::Quadrant;

#[derive(Properties, PartialEq)]
pub struct QuadrantChartProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    pub priorities: Priorities,
}

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 420.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 548.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 376.0;

pub fn quadrant_colour(q: Option<Quadrant>) -> &'static str {
    match q {
        Some(Quadrant::FixFirst) => series(3),
        Some(Quadrant::KeepUp) => series(2),
        Some(Quadrant::Secondary) => MUTED,
        Some(Quadrant::Surplus) => series(0),
        None => MUTED,
    }
}

pub fn table(p: &Priorities, lang: Lang) -> TableData {
    TableData {
        headers: vec![
            "#".to_owned(),
            T::Item.in_(lang).to_owned(),
            T::Importance.in_(lang).to_owned(),
            T::Performance.in_(lang).to_owned(),
            T::N.in_(lang).to_owned(),
            T::Quadrant.in_(lang).to_owned(),
        ],
        rows: p
            .points
            .iter()
            .enumerate()
            .map(|(i, d)| {
                vec![
                    (i + 1).to_string(),
                    d.label.clone(),
                    nf::coefficient(Some(d.r)),
                    nf::score(Some(d.mean)),
                    nf::count(d.n),
                    d.quadrant
                        .map(|q| words::quadrant(lang, q).to_owned())
                        .unwrap_or_else(|| nf::MISSING.to_owned()),
                ]
            })
            .collect(),
    }
}

#[function_component]
pub fn QuadrantChart(props: &QuadrantChartProps) -> Html {
    let p = &props.priorities;
    let lang = props.lang;
    let rs: Vec<f64> = p.points.iter().map(|d| d.r).collect();
    let means: Vec<f64> = p.points.iter().map(|d| d.mean).collect();
    let (x_lo, x_hi) = padded_domain(&rs, 0.2);
    let (y_lo, y_hi) = padded_domain(&means, 10.0);
    let (y_lo, y_hi) = (y_lo.max(0.0), y_hi.min(100.0));
    let x = Linear::new((x_lo, x_hi), (LEFT, RIGHT));
    let y = Linear::new((y_lo, y_hi), (BOTTOM, TOP));
    let x_ticks = nice_ticks(x_lo, x_hi, 6).into_iter().map(|v| {
        html! {
            <g>
                <line x1={x.at(v).to_string()} x2={x.at(v).to_string()} y1={TOP.to_string()}
                      y2={BOTTOM.to_string()} stroke={GRID} />
                <text x={x.at(v).to_string()} y={(BOTTOM + 14.0).to_string()} font-size="10"
                      fill={MUTED} text-anchor="middle">{ format!("{v:.2}") }</text>
            </g>
        }
    });
    let y_ticks = y_grid(&y, (y_lo, y_hi), 6, (LEFT, RIGHT));
    let medians = html! {
        <g stroke={INK} stroke-dasharray="5 4" stroke-width="1.2">
            if let Some(m) = p.median_r {
                <line x1={x.at(m).to_string()} x2={x.at(m).to_string()} y1={TOP.to_string()}
                      y2={BOTTOM.to_string()} />
            }
            if let Some(m) = p.median_mean {
                <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={y.at(m).to_string()}
                      y2={y.at(m).to_string()} />
            }
        </g>
    };
    let corner = |q: Quadrant, cx: f64, cy: f64, anchor: &'static str| {
        html! {
            <text x={cx.to_string()} y={cy.to_string()} font-size="12" font-weight="700"
                  text-anchor={anchor} fill={quadrant_colour(Some(q))}>{ words::quadrant(lang, q) }</text>
        }
    };
    let points = p.points.iter().enumerate().map(|(i, d)| {
        let (cx, cy) = (x.at(d.r), y.at(d.mean));
        html! {
            <g class="point">
                <title>{ format!("{}. {}: r = {}, {}", i + 1, d.label,
                                 nf::coefficient(Some(d.r)), nf::score(Some(d.mean))) }</title>
                <circle cx={cx.to_string()} cy={cy.to_string()} r="5"
                        fill={quadrant_colour(d.quadrant)} stroke="#fff" stroke-width="1" />
                <text x={(cx + 7.0).to_string()} y={(cy + 4.0).to_string()} font-size="10"
                      fill={INK}>{ i + 1 }</text>
            </g>
        }
    });
    html! {
        <ChartFigure id={props.id.clone()} caption={props.caption.clone()} lang={lang}
                     table={table(p, lang)} width={WIDTH} height={HEIGHT}>
            { for x_ticks }
            { y_ticks }
            { medians }
            { corner(Quadrant::FixFirst, RIGHT - 4.0, BOTTOM - 8.0, "end") }
            { corner(Quadrant::KeepUp, RIGHT - 4.0, TOP + 14.0, "end") }
            { corner(Quadrant::Secondary, LEFT + 4.0, BOTTOM - 8.0, "start") }
            { corner(Quadrant::Surplus, LEFT + 4.0, TOP + 14.0, "start") }
            { for points }
            <text x={((LEFT + RIGHT) / 2.0).to_string()} y={(HEIGHT - 14.0).to_string()}
                  font-size="11" fill={INK} text-anchor="middle">{ T::Importance.in_(lang) }</text>
            <text transform={format!("translate(12 {}) rotate(-90)", (TOP + BOTTOM) / 2.0)}
                  font-size="11" fill={INK} text-anchor="middle">{ T::Performance.in_(lang) }</text>
        </ChartFigure>
    }
}
