//! The target's monthly score as an inline SVG line (0–100), the plan's
//! start as a dashed line, and the same numbers as a table for screen
//! readers and for reading exact values.

use yew::prelude::*;

use super::series::Point;
use crate::cases::i18n::{Lang, T};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 28.0;

fn x_at(i: usize, count: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if count <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * i as f64 / (count - 1) as f64
    }
}

fn y_at(mean: f64) -> f64 {
    let span = HEIGHT - TOP - BOTTOM;
    TOP + span * (1.0 - mean.clamp(0.0, 100.0) / 100.0)
}

/// Runs of consecutive months with a value, each a polyline's points.
pub fn runs(points: &[Point]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.mean {
            Some(mean) => current.push(format!("{:.1},{:.1}", x_at(i, points.len()), y_at(mean))),
            None => {
                if !current.is_empty() {
                    runs.push(current.join(" "));
                    current.clear();
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current.join(" "));
    }
    runs
}

pub fn chart(lang: Lang, title: &str, points: &[Point], started_month: &str) -> Html {
    let t = |k: T| k.in_(lang);
    let count = points.len();
    let start_at = points.iter().position(|p| p.month == started_month);
    let grid = [0.0, 50.0, 100.0].map(|v| {
        html! {
            <g class="grid">
                <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y_at(v).to_string()} y2={y_at(v).to_string()} />
                <text x={(LEFT - 6.0).to_string()} y={(y_at(v) + 4.0).to_string()} text-anchor="end">{ v.to_string() }</text>
            </g>
        }
    });
    let labels = points.iter().enumerate().filter(|(i, _)| i % 3 == 0).map(|(i, p)| {
        html! { <text class="month" x={x_at(i, count).to_string()} y={(HEIGHT - 8.0).to_string()} text-anchor="middle">{ &p.month }</text> }
    });
    let dots = points.iter().enumerate().filter_map(|(i, p)| {
        p.mean.map(|m| html! { <circle cx={format!("{:.1}", x_at(i, count))} cy={format!("{:.1}", y_at(m))} r="3" /> })
    });
    let marker = start_at.map(|i| {
        let x = format!("{:.1}", x_at(i, count));
        html! {
            <g class="plan-start">
                <line x1={x.clone()} x2={x.clone()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                <text x={x} y={(TOP - 4.0).to_string()} text-anchor="middle">{ t(T::PlanStart) }</text>
            </g>
        }
    });
    let rows = points.iter().map(|p| {
        let here = p.month == started_month;
        html! {
            <tr class={classes!(here.then_some("plan-start-row"))}>
                <th scope="row">{ &p.month }{ if here { format!(" · {}", t(T::PlanStart)) } else { String::new() } }</th>
                <td>{ p.mean.map(|m| format!("{m:.1}")).unwrap_or_else(|| t(T::TooFew).to_owned()) }</td>
                <td>{ p.n }</td>
            </tr>
        }
    });
    html! {
        <figure class="series">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="series-caption" class="series-chart" id="series-chart">
                { for grid }
                { for labels }
                { for marker }
                { for runs(points).into_iter().map(|p| html! { <polyline points={p} /> }) }
                { for dots }
            </svg>
            <figcaption id="series-caption">{ format!("{} · {title}", t(T::Series)) }</figcaption>
            <details class="series-details">
                <summary>{ t(T::SeriesTable) }</summary>
                <div class="table-scroll">
                <table class="series-table" id="series-table">
                    <caption>{ format!("{} · {title}", t(T::Series)) }</caption>
                    <thead><tr><th scope="col">{ t(T::Month) }</th><th scope="col">{ t(T::Score) }</th><th scope="col">{ t(T::Respondents) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(month: &str, mean: Option<f64>) -> Point {
        Point {
            month: month.to_owned(),
            n: mean.map_or(0, |_| 20),
            mean,
        }
    }

    #[test]
    fn gaps_break_the_line() {
        let points = [
            p("2025-01", Some(50.0)),
            p("2025-02", Some(100.0)),
            p("2025-03", None),
            p("2025-04", Some(0.0)),
        ];
        let runs = runs(&points);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].split(' ').count(), 2);
        // 100 is at the top margin, 0 at the bottom one.
        assert!(runs[0].ends_with(&format!(",{TOP:.1}")));
        assert_eq!(
            runs[1],
            format!("{:.1},{:.1}", WIDTH - RIGHT, HEIGHT - BOTTOM)
        );
    }
}
