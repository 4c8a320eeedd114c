//! An XmR chart (docs/scoring.md §11): the monthly means joined, the
//! centre line, the upper and lower limits dashed, and each point that a
//! signal flags drawn large, in orange, with the numbers of its rules
//! above it; the legend names each rule by its number.

use yew::prelude::*;

use super::grid::y_grid;
use super::palette::{CURRENT, INK, MUTED};
use super::scale::{padded_domain, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::model::xmr::{point_flags, rules_present};
use crate::dashboard::number_format as nf;
use scoring::present::words::rule as rule_word;
use scoring::report::{Rule, SpcChart};

const WIDTH: f64 = 640.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 600.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 262.0;
const SIGNAL: &str = "#D55E00";

/// The number a rule goes by on the chart: its place in docs/scoring.md §11.
pub fn rule_number(rule: Rule) -> u8 {
    match rule {
        Rule::Outside => 1,
        Rule::Shift => 2,
        Rule::Trend => 3,
        Rule::TwoOfThree => 4,
    }
}

fn rules_text(flags: &[(Rule, scoring::report::Side)], lang: Lang) -> String {
    let mut rules: Vec<Rule> = flags.iter().map(|f| f.0).collect();
    rules.dedup();
    rules
        .iter()
        .map(|r| format!("{} {}", rule_number(*r), rule_word(lang, *r)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn table(chart: &SpcChart, lang: Lang) -> TableData {
    let t = |k: T| k.in_(lang).to_owned();
    TableData {
        headers: vec![t(T::Month), t(T::N), t(T::Score), t(T::Signals)],
        rows: chart
            .points
            .iter()
            .zip(point_flags(chart))
            .map(|(p, flags)| {
                vec![
                    p.month.clone(),
                    nf::count(p.n),
                    nf::score(Some(p.mean)),
                    rules_text(&flags, lang),
                ]
            })
            .collect(),
    }
}

pub fn xmr_chart(id: &str, caption: String, lang: Lang, chart: &SpcChart) -> Html {
    let flags = point_flags(chart);
    let mut values: Vec<f64> = chart.points.iter().map(|p| p.mean).collect();
    values.extend([chart.upper, chart.lower, chart.centre]);
    let (lo, hi) = padded_domain(&values, 4.0);
    let y = Linear::new((lo, hi), (BOTTOM, TOP));
    let count = chart.points.len();
    let x = move |i: usize| {
        if count <= 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + (RIGHT - 14.0 - LEFT) * i as f64 / (count - 1) as f64
        }
    };
    let every = count.div_ceil(8).max(1);
    let y_ticks = y_grid(&y, (lo, hi), 5, (LEFT, RIGHT));
    let x_ticks = chart.points.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, p)| {
        html! {
            <text x={x(i).to_string()} y={(BOTTOM + 16.0).to_string()} font-size="10" fill={MUTED}
                  text-anchor="middle">{ p.month.clone() }</text>
        }
    });
    let level = |value: f64, dash: &'static str, label: String| {
        html! {
            <g>
                <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={y.at(value).to_string()}
                      y2={y.at(value).to_string()} stroke={INK} stroke-width="1.2"
                      stroke-dasharray={dash} />
                <text x={(RIGHT + 4.0).to_string()} y={(y.at(value) + 4.0).to_string()} font-size="10"
                      fill={INK}>{ label }</text>
            </g>
        }
    };
    let line: String = chart
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                x(i),
                y.at(p.mean)
            )
        })
        .collect();
    let points = chart.points.iter().zip(&flags).enumerate().map(|(i, (p, f))| {
        let (cx, cy) = (x(i), y.at(p.mean));
        let title = format!("{} {} (n = {})", p.month, nf::score(Some(p.mean)), nf::count(p.n));
        if f.is_empty() {
            html! {
                <circle cx={cx.to_string()} cy={cy.to_string()} r="3" fill={CURRENT}><title>{ title }</title></circle>
            }
        } else {
            let mut numbers: Vec<String> = f.iter().map(|(r, _)| rule_number(*r).to_string()).collect();
            numbers.dedup();
            html! {
                <g class="signal">
                    <title>{ format!("{title}: {}", rules_text(f, lang)) }</title>
                    <rect x={(cx - 5.0).to_string()} y={(cy - 5.0).to_string()} width="10" height="10"
                          fill={SIGNAL} transform={format!("rotate(45 {cx} {cy})")} />
                    <text x={cx.to_string()} y={(cy - 9.0).to_string()} font-size="10" font-weight="600"
                          fill={INK} text-anchor="middle">{ numbers.join(",") }</text>
                </g>
            }
        }
    });
    let rules = rules_present(chart);
    let legend_y = BOTTOM + 38.0;
    let legend = rules.iter().enumerate().map(|(i, r)| {
        let lx = LEFT + (i % 2) as f64 * 280.0;
        let ly = legend_y + 16.0 + (i / 2) as f64 * 14.0;
        html! {
            <text x={lx.to_string()} y={ly.to_string()} font-size="10" fill={INK}>
                <tspan fill={SIGNAL}>{ "◆ " }</tspan>{ format!("{} {}", rule_number(*r), rule_word(lang, *r)) }
            </text>
        }
    });
    let height = legend_y + 24.0 + 14.0 * rules.len().div_ceil(2) as f64;
    html! {
        <ChartFigure id={id.to_owned()} caption={caption} lang={lang} table={table(chart, lang)}
                     width={WIDTH + 40.0} height={height}>
            { y_ticks }
            { for x_ticks }
            { level(chart.upper, "6 4", nf::score(Some(chart.upper))) }
            { level(chart.lower, "6 4", nf::score(Some(chart.lower))) }
            { level(chart.centre, "", nf::score(Some(chart.centre))) }
            <path d={line} fill="none" stroke={CURRENT} stroke-width="1.5" />
            { for points }
            <text x={LEFT.to_string()} y={legend_y.to_string()} font-size="10" fill={INK}>
                { format!("— {}   - - {}", T::Centre.in_(lang), T::ControlLimits.in_(lang)) }
            </text>
            { for legend }
        </ChartFigure>
    }
}
