//! The horizontal grid of a chart's value axis: a line and a label at each
//! round value, the same in every chart that has one.

use yew::prelude::*;

use super::palette::{GRID, MUTED};
use super::scale::{nice_ticks, Linear};

/// About `count` grid lines over `lo..=hi` on `y`, from pixel `left` to
/// `right`, each labelled just left of `left`.
pub fn y_grid(y: &Linear, (lo, hi): (f64, f64), count: usize, (left, right): (f64, f64)) -> Html {
    nice_ticks(lo, hi, count)
        .into_iter()
        .map(|v| {
            html! {
                <g>
                    <line x1={left.to_string()} x2={right.to_string()} y1={y.at(v).to_string()}
                          y2={y.at(v).to_string()} stroke={GRID} />
                    <text x={(left - 6.0).to_string()} y={(y.at(v) + 4.0).to_string()} font-size="10"
                          fill={MUTED} text-anchor="end">{ format!("{v}") }</text>
                </g>
            }
        })
        .collect()
}
