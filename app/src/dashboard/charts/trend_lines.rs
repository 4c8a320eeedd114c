//! Monthly lines: the experience index (thick) and each stage. A month
//! without a score breaks the line instead of joining across the gap.

use yew::prelude::*;

use super::grid::y_grid;
use super::palette::{series, INK, MUTED};
use super::scale::{padded_domain, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::model::trend::TrendLines;
use crate::dashboard::number_format as nf;

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    pub lines: TrendLines,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 312.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 628.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 262.0;

pub fn table(lines: &TrendLines, lang: Lang) -> TableData {
    let mut headers = vec![T::Month.in_(lang).to_owned(), T::N.in_(lang).to_owned()];
    headers.extend(lines.series.iter().map(|s| s.label.clone()));
    TableData {
        headers,
        rows: lines
            .months
            .iter()
            .enumerate()
            .map(|(i, month)| {
                let mut row = vec![
                    month.clone(),
                    nf::count(lines.n.get(i).copied().unwrap_or(0)),
                ];
                row.extend(
                    lines
                        .series
                        .iter()
                        .map(|s| nf::score(s.points.get(i).copied().flatten())),
                );
                row
            })
            .collect(),
    }
}

/// SVG path data for one series: `M` starts a segment after each gap.
pub fn path_data(points: &[Option<f64>], x: impl Fn(usize) -> f64, y: &Linear) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, p) in points.iter().enumerate() {
        match p {
            Some(v) => {
                d.push_str(&format!(
                    "{}{:.1},{:.1} ",
                    if pen_down { "L" } else { "M" },
                    x(i),
                    y.at(*v)
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d.trim_end().to_owned()
}

#[function_component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let lines = &props.lines;
    let all: Vec<f64> = lines
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten().copied())
        .collect();
    let (lo, hi) = padded_domain(&all, 10.0);
    let (lo, hi) = (lo.max(0.0), hi.min(100.0));
    let y = Linear::new((lo, hi), (BOTTOM, TOP));
    let count = lines.months.len();
    let x = move |i: usize| {
        if count <= 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + (RIGHT - LEFT) * i as f64 / (count - 1) as f64
        }
    };
    let every = count.div_ceil(12).max(1);
    let y_ticks = y_grid(&y, (lo, hi), 5, (LEFT, RIGHT));
    let x_ticks = lines.months.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, m)| {
        html! {
            <text x={x(i).to_string()} y={(BOTTOM + 16.0).to_string()} font-size="10" fill={MUTED}
                  text-anchor="middle">{ m.clone() }</text>
        }
    });
    let paths = lines.series.iter().enumerate().map(|(k, s)| {
        let colour = series(k);
        let width = if k == 0 { "3" } else { "1.5" };
        let dots = s.points.iter().enumerate().filter_map(|(i, p)| {
            p.map(|v| html! {
                <circle cx={x(i).to_string()} cy={y.at(v).to_string()}
                        r={if k == 0 { "3.5" } else { "2.5" }} fill={colour}>
                    <title>{ format!("{} {}: {}", s.label, lines.months[i], nf::score(Some(v))) }</title>
                </circle>
            })
        });
        html! {
            <g class="series">
                <path d={path_data(&s.points, x, &y)} fill="none" stroke={colour}
                      stroke-width={width} stroke-linejoin="round" />
                { for dots }
            </g>
        }
    });
    let legend_y = BOTTOM + 38.0;
    let legend = lines.series.iter().enumerate().map(|(k, s)| {
        let col = k % 4;
        let row = k / 4;
        let lx = LEFT + col as f64 * 148.0;
        let ly = legend_y + row as f64 * 14.0;
        html! {
            <g>
                <rect x={lx.to_string()} y={(ly - 8.0).to_string()} width="14" height="4" fill={series(k)} />
                <text x={(lx + 18.0).to_string()} y={ly.to_string()} font-size="10" fill={INK}>
                    { super::scale::shorten(&s.label, 12.0) }
                </text>
            </g>
        }
    });
    let height = HEIGHT + 14.0 * (lines.series.len().saturating_sub(1) / 4) as f64;
    html! {
        <ChartFigure id={props.id.clone()} caption={props.caption.clone()} lang={props.lang}
                     table={table(lines, props.lang)} width={WIDTH} height={height}>
            { y_ticks }
            { for x_ticks }
            { for paths }
            { for legend }
        </ChartFigure>
    }
}
