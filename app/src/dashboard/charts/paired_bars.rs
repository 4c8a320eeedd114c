//! Baseline and current side by side for each row (the index, stages or
//! items), and the difference with its 95% CI and verdict at the right
//! (docs/scoring.md §5).

use yew::prelude::*;

use super::palette::{BASELINE, CURRENT, GRID, INK, MUTED};
use super::scale::{shorten, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::number_format as nf;
use scoring::present::words;
use scoring::report::Verdict;

#[derive(Debug, Clone, PartialEq)]
pub struct PairedRow {
    pub label: String,
    pub baseline: Option<f64>,
    pub current: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub diff: Option<f64>,
    pub verdict: Verdict,
}

#[derive(Properties, PartialEq)]
pub struct PairedBarsProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    pub label_header: AttrValue,
    /// The two periods' names for the legend (e.g. "2023", "2024").
    pub baseline_name: AttrValue,
    pub current_name: AttrValue,
    pub rows: Vec<PairedRow>,
}

const WIDTH: f64 = 440.0;
const PLOT_LEFT: f64 = 8.0;
const PLOT_RIGHT: f64 = 340.0;
const ROW: f64 = 50.0;
const TOP: f64 = 40.0;

/// ▲ improved, ▼ declined, = no change, ? too few responses: a shape as
/// well as a colour, so print and colour-blind readers see the verdict.
pub fn verdict_mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Improved => "▲",
        Verdict::Declined => "▼",
        Verdict::NoChange => "=",
        Verdict::Insufficient => "?",
    }
}

pub fn table(props: &PairedBarsProps) -> TableData {
    let lang = props.lang;
    TableData {
        headers: vec![
            props.label_header.to_string(),
            format!("{} ({})", T::BaselineMean.in_(lang), props.baseline_name),
            format!("{} ({})", T::CurrentMean.in_(lang), props.current_name),
            T::Diff.in_(lang).to_owned(),
            T::Ci95.in_(lang).to_owned(),
            T::Verdict.in_(lang).to_owned(),
        ],
        rows: props
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    nf::score(r.baseline),
                    nf::score(r.current),
                    nf::signed(r.diff),
                    nf::interval(r.ci_low, r.ci_high),
                    words::verdict(lang, r.verdict).to_owned(),
                ]
            })
            .collect(),
    }
}

#[function_component]
pub fn PairedBars(props: &PairedBarsProps) -> Html {
    let x = Linear::new((0.0, 100.0), (PLOT_LEFT, PLOT_RIGHT));
    let height = TOP + ROW * props.rows.len() as f64 + 4.0;
    let grid = [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| {
        html! {
            <g>
                <line x1={x.at(v).to_string()} x2={x.at(v).to_string()} y1="32"
                      y2={(height - 2.0).to_string()} stroke={GRID} stroke-width="1" />
                <text x={x.at(v).to_string()} y="28" font-size="10" fill={MUTED}
                      text-anchor="middle">{ v }</text>
            </g>
        }
    });
    let bar = |value: Option<f64>, y: f64, h: f64, fill: &'static str| {
        value.map(|v| {
            html! {
                <rect x={PLOT_LEFT.to_string()} y={y.to_string()} height={h.to_string()}
                      width={(x.at(v) - PLOT_LEFT).max(0.0).to_string()} fill={fill} rx="2" />
            }
        })
    };
    let rows = props.rows.iter().enumerate().map(|(i, r)| {
        let y = TOP + ROW * i as f64;
        let current_y = y + 28.0;
        let mark_class = format!("verdict verdict-{:?}", r.verdict).to_lowercase();
        html! {
            <g class="row">
                <title>{ format!("{}: {} → {} ({})", r.label, nf::score(r.baseline),
                                 nf::score(r.current), nf::signed(r.diff)) }</title>
                <text x={PLOT_LEFT.to_string()} y={(y + 11.0).to_string()} font-size="12"
                      fill={INK}>{ shorten(&r.label, 35.0) }</text>
                { for bar(r.baseline, y + 16.0, 10.0, BASELINE) }
                { for bar(r.current, current_y, 12.0, CURRENT) }
                <text x={(PLOT_RIGHT + 8.0).to_string()} y={(y + 25.0).to_string()}
                      font-size="12" fill={INK} font-weight="600" class={mark_class}>
                    { format!("{} {}", verdict_mark(r.verdict), nf::signed(r.diff)) }
                </text>
                <text x={(PLOT_RIGHT + 8.0).to_string()} y={(y + 39.0).to_string()}
                      font-size="10" fill={MUTED}>{ nf::interval(r.ci_low, r.ci_high) }</text>
            </g>
        }
    });
    html! {
        <ChartFigure id={props.id.clone()} caption={props.caption.clone()} lang={props.lang}
                     table={table(props)} width={WIDTH} height={height}>
            <g class="legend" font-size="11" fill={INK}>
                <rect x={PLOT_LEFT.to_string()} y="4" width="12" height="10" fill={BASELINE} />
                <text x={(PLOT_LEFT + 16.0).to_string()} y="13">{ props.baseline_name.clone() }</text>
                <rect x={(PLOT_LEFT + 110.0).to_string()} y="4" width="12" height="10" fill={CURRENT} />
                <text x={(PLOT_LEFT + 126.0).to_string()} y="13">{ props.current_name.clone() }</text>
            </g>
            { for grid }
            { for rows }
        </ChartFigure>
    }
}
