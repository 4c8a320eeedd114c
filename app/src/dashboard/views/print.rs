//! A print-friendly page: every view one after the other, with the
//! periods and options on top; the print CSS hides the controls.

use yew::prelude::*;

use super::benchmark::{units_missing, units_table};
use super::comparison::ComparisonView;
use super::groups::GroupsView;
use super::overview::OverviewView;
use super::priorities::PrioritiesView;
use super::stages::StageSection;
use super::trend::TrendView;
use super::ViewProps;
use crate::dashboard::charts::xmr::rule_number;
use crate::dashboard::i18n::T;
use crate::dashboard::model::benchmark::Sort;
use crate::dashboard::model::xmr::xmr_slots;
use crate::dashboard::number_format as nf;
use scoring::present::words::{rule, ReportWords};

#[function_component]
pub fn PrintView(props: &ViewProps) -> Html {
    let data = &props.data;
    let onclick = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            // Printing is best effort: a browser may refuse.
            let _ = window.print();
        }
    });
    let all = data.loaded.scored.report.group("all");
    let stage_ids: Vec<String> = all
        .and_then(|g| g.stats.as_ref())
        .map(|s| s.stages.iter().map(|s| s.id.clone()).collect())
        .unwrap_or_default();
    html! {
        <div class="print-page">
            <p class="no-print"><button type="button" class="primary" {onclick}>{ data.t(T::Print) }</button></p>
            <OverviewView data={data.clone()} />
            if data.loaded.scored.report.has_baseline() { <ComparisonView data={data.clone()} /> }
            <section class="view">
                <h2>{ data.t(T::NavStages) }</h2>
                { for stage_ids.into_iter().map(|id| html! {
                    <StageSection data={data.clone()} stage={id} />
                }) }
            </section>
            <PrioritiesView data={data.clone()} />
            if data.loaded.filters.group_by.is_some() { <GroupsView data={data.clone()} /> }
            <section class="view">
                <h2>{ data.t(T::BenchmarkTitle) }</h2>
                { benchmark_tables(data) }
            </section>
            <TrendView data={data.clone()} />
            <section class="view">
                <h2>{ data.t(T::XmrTitle) }</h2>
                { xmr_summary(data) }
            </section>
        </div>
    }
}

/// The unit table of the index and of each stage, in key order.
fn benchmark_tables(data: &super::ViewData) -> Html {
    if let Some(notice) = units_missing(data) {
        return notice;
    }
    let lang = data.lang();
    let measures = data
        .loaded
        .scored
        .report
        .units
        .iter()
        .flat_map(|u| &u.measures)
        .filter(|m| m.scope != scoring::report::Scope::Item);
    html! {
        <>
            { for measures.enumerate().map(|(i, m)| {
                let label = data.labels.scoped(m.scope, &m.id);
                units_table(&data.labels, &format!("print-units-{i}"), label, m, Sort::default(), None)
            }) }
            { super::what_this_means(lang, ReportWords::of(lang).means_reliability) }
        </>
    }
}

/// For every shown group and measure: centre, limits and its signals,
/// or that there are too few reference months.
fn xmr_summary(data: &super::ViewData) -> Html {
    let lang = data.lang();
    let t = |k: T| data.t(k);
    let rows = data.loaded.scored.report.groups.iter().filter_map(|g| {
        let stats = g.stats.as_ref()?;
        let group = if g.key == "all" {
            t(T::All).to_owned()
        } else {
            g.key.clone()
        };
        Some(xmr_slots(stats, &data.labels).into_iter().map(move |slot| {
            let (centre, limits, signals) = match slot.chart {
                None => (
                    nf::MISSING.to_owned(),
                    nf::MISSING.to_owned(),
                    t(T::XmrTooFew).to_owned(),
                ),
                Some(c) => (
                    nf::score(Some(c.centre)),
                    nf::interval(Some(c.lower), Some(c.upper)),
                    if c.signals.is_empty() {
                        t(T::NoSignals).to_owned()
                    } else {
                        c.signals
                            .iter()
                            .map(|s| {
                                format!(
                                    "{} {}: {}",
                                    rule_number(s.rule),
                                    rule(lang, s.rule),
                                    s.months.join(", ")
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    },
                ),
            };
            html! {
                <tr>
                    <th scope="row">{ format!("{group} · {}", slot.label) }</th>
                    <td class="num">{ centre }</td>
                    <td>{ limits }</td>
                    <td>{ signals }</td>
                </tr>
            }
        }))
    });
    html! {
        <>
            <table class="data" id="print-xmr">
                <caption>{ t(T::XmrTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ t(T::Group) }</th>
                    <th scope="col" class="num">{ t(T::Centre) }</th>
                    <th scope="col">{ t(T::ControlLimits) }</th>
                    <th scope="col">{ t(T::Signals) }</th>
                </tr></thead>
                <tbody>{ for rows.flatten() }</tbody>
            </table>
            { super::what_this_means(lang, ReportWords::of(lang).means_xmr) }
        </>
    }
}
