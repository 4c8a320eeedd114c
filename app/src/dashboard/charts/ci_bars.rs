//! Horizontal bars on the 0–100 scale with 95% CI whiskers: stage and item
//! scores. Each row's label sits above its bar, so the chart stays legible
//! when a phone shrinks it.

use yew::prelude::*;

use super::palette::{CURRENT, GRID, INK, MUTED};
use super::scale::{shorten, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::number_format as nf;

#[derive(Debug, Clone, PartialEq)]
pub struct CiBarRow {
    pub label: String,
    pub mean: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub n: u64,
}

#[derive(Properties, PartialEq)]
pub struct CiBarsProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    /// Header of the label column in the table (e.g. "Stage").
    pub label_header: AttrValue,
    pub rows: Vec<CiBarRow>,
}

const WIDTH: f64 = 440.0;
const PLOT_LEFT: f64 = 8.0;
const PLOT_RIGHT: f64 = 376.0;
const ROW: f64 = 42.0;
const TOP: f64 = 22.0;

pub fn table(rows: &[CiBarRow], lang: Lang, label_header: &str) -> TableData {
    TableData {
        headers: vec![
            label_header.to_owned(),
            T::Score.in_(lang).to_owned(),
            T::Ci95.in_(lang).to_owned(),
            T::N.in_(lang).to_owned(),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    nf::score(r.mean),
                    nf::interval(r.ci_low, r.ci_high),
                    nf::count(r.n),
                ]
            })
            .collect(),
    }
}

#[function_component]
pub fn CiBars(props: &CiBarsProps) -> Html {
    let x = Linear::new((0.0, 100.0), (PLOT_LEFT, PLOT_RIGHT));
    let height = TOP + ROW * props.rows.len() as f64 + 6.0;
    let grid = [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| {
        html! {
            <g>
                <line x1={x.at(v).to_string()} x2={x.at(v).to_string()} y1="14"
                      y2={(height - 4.0).to_string()} stroke={GRID} stroke-width="1" />
                <text x={x.at(v).to_string()} y="10" font-size="10" fill={MUTED}
                      text-anchor="middle">{ v }</text>
            </g>
        }
    });
    let rows = props.rows.iter().enumerate().map(|(i, r)| {
        let y = TOP + ROW * i as f64;
        let bar_y = y + 17.0;
        let bar = r.mean.map(|m| {
            html! {
                <rect x={PLOT_LEFT.to_string()} y={bar_y.to_string()}
                      width={(x.at(m) - PLOT_LEFT).max(0.0).to_string()} height="14"
                      fill={CURRENT} rx="2" />
            }
        });
        let whisker = match (r.ci_low, r.ci_high) {
            (Some(lo), Some(hi)) => {
                let cy = bar_y + 7.0;
                html! {
                    <g stroke={INK} stroke-width="1.5" class="whisker">
                        <line x1={x.at(lo).to_string()} x2={x.at(hi).to_string()}
                              y1={cy.to_string()} y2={cy.to_string()} />
                        <line x1={x.at(lo).to_string()} x2={x.at(lo).to_string()}
                              y1={(cy - 5.0).to_string()} y2={(cy + 5.0).to_string()} />
                        <line x1={x.at(hi).to_string()} x2={x.at(hi).to_string()}
                              y1={(cy - 5.0).to_string()} y2={(cy + 5.0).to_string()} />
                    </g>
                }
            }
            _ => Html::default(),
        };
        let value = match r.mean {
            Some(_) => nf::score(r.mean),
            None => T::NotComputable.in_(props.lang).to_owned(),
        };
        html! {
            <g class="row">
                <title>{ format!("{}: {} ({}, n = {})", r.label, value,
                                 nf::interval(r.ci_low, r.ci_high), r.n) }</title>
                <text x={PLOT_LEFT.to_string()} y={(y + 12.0).to_string()} font-size="12"
                      fill={INK}>{ shorten(&r.label, 35.0) }</text>
                { for bar }
                { whisker }
                <text x={(PLOT_RIGHT + 8.0).to_string()} y={(bar_y + 11.0).to_string()}
                      font-size="12" fill={INK} font-weight="600">{ value }</text>
            </g>
        }
    });
    html! {
        <ChartFigure id={props.id.clone()} caption={props.caption.clone()} lang={props.lang}
                     table={table(&props.rows, props.lang, &props.label_header)}
                     width={WIDTH} height={height}>
            { for grid }
            { for rows }
        </ChartFigure>
    }
}
