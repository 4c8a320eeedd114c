//! Benchmark: the units (hospitals or departments) against each other on
//! one measure at a time (docs/scoring.md §10): the funnel plot, then the
//! table sortable by any column, units below the reliability target
//! marked with the responses they need. Not a league table: the default
//! order is by unit key.

use yew::prelude::*;

use super::{band_badge, reliability_cell, what_this_means, ViewProps};
use crate::dashboard::charts::funnel::funnel_chart;
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::labels::Labels;
use crate::dashboard::model::benchmark::{
    find_measure, measure_choices, measure_key, sort_units, Sort, SortKey,
};
use crate::dashboard::number_format as nf;
use scoring::present::units::still_needed;
use scoring::present::words::{unit_verdict, ReportWords};
use scoring::report::{UnitMeasure, UnitVerdict};

/// Why there is nothing to compare, or `None` when the report has units.
pub fn units_missing(data: &super::ViewData) -> Option<Html> {
    if data.loaded.scored.report.units.is_some() {
        return None;
    }
    let text = if data.loaded.filters.group_by.is_none() {
        T::UnitsNeedGrouping
    } else {
        T::UnitsTooFew
    };
    Some(html! { <p class="notice" id="units-missing">{ data.t(text) }</p> })
}

pub fn unit_verdict_badge(lang: Lang, verdict: UnitVerdict) -> Html {
    let (class, mark) = match verdict {
        UnitVerdict::Better => ("verdict improved", "▲"),
        UnitVerdict::Worse => ("verdict declined", "▼"),
        UnitVerdict::AsExpected => ("verdict no-change", "="),
        UnitVerdict::Insufficient => ("verdict insufficient", "?"),
    };
    html! {
        <span class={class}><span aria-hidden="true">{ mark }{ " " }</span>{ unit_verdict(lang, verdict) }</span>
    }
}

/// The table of one measure's units in the given order; the headers sort
/// when `on_sort` is given (the print page leaves them plain).
pub fn units_table(
    labels: &Labels,
    id: &str,
    caption: String,
    measure: &UnitMeasure,
    sort: Sort,
    on_sort: Option<Callback<SortKey>>,
) -> Html {
    let lang = labels.lang;
    let mut rows = measure.units.clone();
    sort_units(&mut rows, sort);
    let header = |key: SortKey, text: T, numeric: bool| {
        let aria = match (sort.key == key, sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let arrow = match (sort.key == key, sort.descending) {
            (false, _) => "↕",
            (true, false) => "↑",
            (true, true) => "↓",
        };
        let content = match &on_sort {
            Some(cb) => {
                let onclick = cb.reform(move |_: MouseEvent| key);
                html! {
                    <button type="button" class="sort" {onclick}>
                        { text.in_(lang) }<span aria-hidden="true">{ " " }{ arrow }</span>
                    </button>
                }
            }
            None => html! { text.in_(lang) },
        };
        html! {
            <th scope="col" aria-sort={on_sort.is_some().then_some(aria)}
                class={classes!(numeric.then_some("num"))}>{ content }</th>
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
        <table class="data units-table" id={id.to_owned()}>
            <caption>{ caption }</caption>
            <thead><tr>
                { header(SortKey::Key, T::Unit, false) }
                { header(SortKey::N, T::N, true) }
                { header(SortKey::Mean, T::Score, true) }
                { header(SortKey::Band, T::Band, false) }
                <th scope="col">{ T::VsRest.in_(lang) }</th>
                { header(SortKey::Reliability, T::Reliability, true) }
                { header(SortKey::Diff, T::DiffVsRest, true) }
                <th scope="col">{ T::Ci95.in_(lang) }</th>
                <th scope="col" class="num">{ T::QValue.in_(lang) }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|u| html! {
                    <tr class={classes!((u.reliable == Some(false)).then_some("below-target"))}>
                        <th scope="row">{ labels.place(&u.key) }</th>
                        <td class="num">{ nf::count(u.n) }</td>
                        <td class="num">{ nf::score(u.mean) }</td>
                        <td>{ band_badge(lang, u.band) }</td>
                        <td>{ unit_verdict_badge(lang, u.verdict) }</td>
                        <td class="num">{ reliability_cell(lang, u, still_needed(measure, u)) }</td>
                        <td class="num">{ nf::signed(u.diff) }</td>
                        <td class="ci">{ nf::interval(u.ci_low, u.ci_high) }</td>
                        <td class="num">{ nf::p_value(u.q) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// One line of the measure's pooled numbers: target, σ, τ² used, ICC and
/// the responses a unit needs for the reliability target.
fn measure_summary(lang: Lang, m: &UnitMeasure) -> Html {
    let w = ReportWords::of(lang);
    let mut parts = vec![format!("{} = {}", w.target, nf::score(m.target))];
    parts.push(format!("σ = {}", nf::score(m.sigma)));
    parts.push(format!("τ² = {}", nf::coefficient(m.tau2_used)));
    parts.push(format!("ICC = {}", nf::coefficient(m.icc)));
    if let Some(n) = m.n_needed {
        parts.push(format!("{} {}", w.n_needed, nf::count(n)));
    }
    let dispersion = match m.tau2_used {
        Some(t) if t > 0.0 => w.over_dispersed,
        Some(_) => w.not_over_dispersed,
        None => "",
    };
    html! { <p class="measure-summary">{ parts.join(" · ") }<br />{ dispersion }</p> }
}

#[function_component]
pub fn BenchmarkView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let chosen = use_state(|| "index".to_owned());
    let sort = use_state(Sort::default);
    let title = html! { <h2 id="benchmark-title">{ data.t(T::BenchmarkTitle) }</h2> };
    if let Some(notice) = units_missing(data) {
        return html! {
            <section class="view benchmark" aria-labelledby="benchmark-title">{ title }{ notice }</section>
        };
    }
    let report = &data.loaded.scored.report;
    let Some(measure) = find_measure(report, &chosen) else {
        return Html::default();
    };
    let label = data.labels.scoped(measure.scope, &measure.id);
    let current = measure_key(measure.scope, &measure.id);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                chosen.set(select.value());
            }
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |key| sort.set(sort.toggle(key)))
    };
    let caption = format!("{} · {}", data.t(T::BenchmarkTitle), label);
    html! {
        <section class="view benchmark" aria-labelledby="benchmark-title">
            { title }
            <p class="measure-select">
                <label for="b-measure">{ data.t(T::Measure) }</label>{ " " }
                <select id="b-measure" {onchange}>
                    { for measure_choices(report, &data.labels).into_iter().map(|c| html! {
                        <option value={c.key.clone()} selected={c.key == current}>{ c.label }</option>
                    }) }
                </select>
            </p>
            { measure_summary(lang, measure) }
            { funnel_chart("chart-funnel", caption.clone(), &data.labels, measure) }
            { what_this_means(lang, ReportWords::of(lang).means_funnel) }
            { units_table(&data.labels, "benchmark-table", caption, measure, *sort, Some(on_sort)) }
            { what_this_means(lang, ReportWords::of(lang).means_reliability) }
        </section>
    }
}
