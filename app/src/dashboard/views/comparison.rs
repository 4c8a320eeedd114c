//! Comparison: baseline vs current for the index, every stage and every
//! item (difference with 95% CI, q, effect size, verdict), as paired bars
//! and as a table sortable by any column.

use yew::prelude::*;

use super::{fewer_than, VerdictBadge, ViewProps};
use crate::dashboard::charts::paired_bars::{PairedBars, PairedRow};
use crate::dashboard::i18n::T;
use crate::dashboard::labels::scope_text;
use crate::dashboard::model::comparison::{comparison_rows, sort_rows, Sort, SortKey};
use crate::dashboard::number_format as nf;
use scoring::report::Scope;

#[function_component]
pub fn ComparisonView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let sort = use_state(Sort::default);
    let report = &data.loaded.scored.report;
    let Some(baseline_name) = data.baseline_name() else {
        return html! { <p class="notice">{ data.t(T::NeedsBaseline) }</p> };
    };
    let Some(all) = report.group("all") else {
        return Html::default();
    };
    let Some(stats) = &all.stats else {
        return html! { <p class="notice">{ fewer_than(lang, data.loaded.filters.suppress_below) }</p> };
    };
    let mut rows = comparison_rows(stats, &data.labels);
    let chart_rows: Vec<PairedRow> = rows
        .iter()
        .filter(|r| r.comparison.scope != Scope::Item)
        .map(|r| PairedRow {
            label: r.label.clone(),
            baseline: r.comparison.baseline_mean,
            current: r.comparison.current_mean,
            ci_low: r.comparison.ci_low,
            ci_high: r.comparison.ci_high,
            diff: r.comparison.diff,
            verdict: r.comparison.verdict,
        })
        .collect();
    sort_rows(&mut rows, *sort);
    let header = |key: SortKey, text: T, numeric: bool| {
        let current = *sort;
        let aria = if current.key == key {
            if current.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| sort.set(current.toggle(key)))
        };
        let arrow = match (current.key == key, current.descending) {
            (false, _) => "↕",
            (true, false) => "↑",
            (true, true) => "↓",
        };
        html! {
            <th scope="col" aria-sort={aria} class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort" {onclick}>
                    { text.in_(lang) }<span aria-hidden="true">{ " " }{ arrow }</span>
                </button>
            </th>
        }
    };
    html! {
        <section class="view comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ data.t(T::ComparisonTitle) }</h2>
            <PairedBars id="chart-comparison" caption={format!("{} · {} → {}", data.t(T::ComparisonTitle), baseline_name, data.current_name())}
                        lang={lang} label_header={data.t(T::Stage)} baseline_name={baseline_name.clone()}
                        current_name={data.current_name()} rows={chart_rows} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={data.t(T::ComparisonTitle)}>
            <table class="data comparison-table" id="comparison-table">
                <caption>{ data.t(T::ComparisonTitle) }{ " · " }{ data.t(T::ScaleNote) }</caption>
                <thead><tr>
                    { header(SortKey::Report, T::Scope, false) }
                    { header(SortKey::Label, T::Item, false) }
                    { header(SortKey::BaselineMean, T::BaselineMean, true) }
                    { header(SortKey::CurrentMean, T::CurrentMean, true) }
                    { header(SortKey::Diff, T::Diff, true) }
                    <th scope="col">{ data.t(T::Ci95) }</th>
                    { header(SortKey::Q, T::QValue, true) }
                    { header(SortKey::EffectSize, T::EffectSize, true) }
                    { header(SortKey::Verdict, T::Verdict, false) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let c = &r.comparison;
                        html! {
                            <tr class={format!("scope-{}", c.scope.as_str())}>
                                <td>{ scope_text(c.scope).in_(lang) }</td>
                                <th scope="row">{ &r.label }</th>
                                <td class="num">{ nf::score(c.baseline_mean) }<span class="n">{ format!(" n={}", nf::count(c.baseline_n)) }</span></td>
                                <td class="num">{ nf::score(c.current_mean) }<span class="n">{ format!(" n={}", nf::count(c.current_n)) }</span></td>
                                <td class="num">{ nf::signed(c.diff) }</td>
                                <td>{ nf::interval(c.ci_low, c.ci_high) }</td>
                                <td class="num">{ nf::p_value(c.q) }</td>
                                <td class="num">{ nf::coefficient(c.cohen_d) }</td>
                                <td><VerdictBadge verdict={c.verdict} lang={lang} /></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
