//! Trend: the monthly experience index and stage scores over the loaded
//! months of the current period, then the XmR process chart of one group
//! and measure (docs/scoring.md §11) with its signals.

use yew::prelude::*;

use super::{what_this_means, ViewData, ViewProps};
use crate::dashboard::charts::trend_lines::TrendChart;
use crate::dashboard::charts::xmr::xmr_chart;
use crate::dashboard::i18n::T;
use crate::dashboard::model::trend::trend_lines;
use crate::dashboard::model::xmr::xmr_slots;
use scoring::present::words::{reference, ReportWords};

#[function_component]
pub fn TrendView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lines = trend_lines(&data.loaded.scored.trend, &data.labels);
    let group = use_state(|| "all".to_owned());
    let measure = use_state(|| "index".to_owned());
    html! {
        <section class="view trend" aria-labelledby="trend-title">
            <h2 id="trend-title">{ data.t(T::TrendTitle) }</h2>
            if lines.months.is_empty() {
                <p class="notice">{ data.t(T::NothingInPeriod) }</p>
            } else {
                <TrendChart id="chart-trend" caption={data.t(T::TrendTitle)} lang={data.lang()} lines={lines} />
            }
            { xmr_section(data, &group, &measure) }
        </section>
    }
}

fn select_handler(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            state.set(select.value());
        }
    })
}

/// The XmR chart of the chosen group and measure, with a selector for
/// each; a note in place of a chart with fewer than 6 reference points.
fn xmr_section(
    data: &ViewData,
    group: &UseStateHandle<String>,
    measure: &UseStateHandle<String>,
) -> Html {
    let lang = data.lang();
    let report = &data.loaded.scored.report;
    let shown: Vec<_> = report
        .groups
        .iter()
        .filter_map(|g| g.stats.as_ref().map(|s| (g.key.as_str(), s)))
        .collect();
    let Some((key, stats)) = shown
        .iter()
        .find(|(k, _)| *k == group.as_str())
        .or_else(|| shown.first())
        .copied()
    else {
        return Html::default();
    };
    let slots = xmr_slots(stats, &data.labels);
    let Some(slot) = slots
        .iter()
        .find(|s| s.id == measure.as_str())
        .or_else(|| slots.first())
    else {
        return Html::default();
    };
    let group_name = |k: &str| data.labels.place(k).to_owned();
    let caption = format!(
        "{} · {} · {}",
        data.t(T::XmrTitle),
        group_name(key),
        slot.label
    );
    html! {
        <div class="xmr" id="xmr">
            <h3>{ data.t(T::XmrTitle) }</h3>
            <p class="measure-select">
                if shown.len() > 1 {
                    <label for="x-group">{ data.t(T::Group) }</label>{ " " }
                    <select id="x-group" onchange={select_handler(group)}>
                        { for shown.iter().map(|(k, _)| html! {
                            <option value={k.to_string()} selected={*k == key}>{ group_name(k) }</option>
                        }) }
                    </select>{ " " }
                }
                <label for="x-measure">{ data.t(T::Measure) }</label>{ " " }
                <select id="x-measure" onchange={select_handler(measure)}>
                    { for slots.iter().map(|s| html! {
                        <option value={s.id.clone()} selected={s.id == slot.id}>{ s.label.clone() }</option>
                    }) }
                </select>
            </p>
            { match slot.chart {
                Some(chart) => html! {
                    <>
                        { xmr_chart("chart-xmr", caption, lang, chart) }
                        <p class="muted">{ reference(lang, chart.reference) }{ " " }
                            if chart.signals.is_empty() { { data.t(T::NoSignals) } }</p>
                    </>
                },
                None => html! { <p class="notice" id="xmr-missing">{ data.t(T::XmrTooFew) }</p> },
            } }
            { what_this_means(lang, ReportWords::of(lang).means_xmr) }
        </div>
    }
}
