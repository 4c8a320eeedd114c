//! Trend: the monthly experience index and stage scores over the loaded
//! months of the current period.

use yew::prelude::*;

use super::ViewProps;
use crate::dashboard::charts::trend_lines::TrendChart;
use crate::dashboard::i18n::T;
use crate::dashboard::model::trend::trend_lines;

#[function_component]
pub fn TrendView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lines = trend_lines(&data.loaded.scored.trend, &data.labels);
    html! {
        <section class="view trend" aria-labelledby="trend-title">
            <h2 id="trend-title">{ data.t(T::TrendTitle) }</h2>
            if lines.months.is_empty() {
                <p class="notice">{ data.t(T::NothingInPeriod) }</p>
            } else {
                <TrendChart id="chart-trend" caption={data.t(T::TrendTitle)} lang={data.lang()} lines={lines} />
            }
        </section>
    }
}
