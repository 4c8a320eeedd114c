//! Groups: hospitals (or departments, visit types, channels) side by side.
//! A suppressed group shows only "fewer than N responses" (docs/scoring.md §7).

use yew::prelude::*;

use super::benchmark::unit_verdict_badge;
use super::{band_badge, fewer_than, reliability_cell, what_this_means, VerdictBadge, ViewProps};
use crate::dashboard::charts::ci_bars::{CiBarRow, CiBars};
use crate::dashboard::i18n::T;
use crate::dashboard::model::groups::{groups_table, GroupRow};
use crate::dashboard::number_format as nf;
use scoring::present::words::{self, ReportWords};

#[function_component]
pub fn GroupsView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let filters = &data.loaded.filters;
    if filters.group_by.is_none() {
        return html! { <p class="notice">{ data.t(T::ChooseGrouping) }</p> };
    }
    let table = groups_table(&data.loaded.scored.report, &data.labels);
    let group_label = |key: &str| data.labels.place(key).to_owned();
    let chart_rows: Vec<CiBarRow> = table
        .rows
        .iter()
        .filter_map(|r| match r {
            GroupRow::Shown(g) => Some(CiBarRow {
                label: match g.unit.as_ref().and_then(|u| u.band) {
                    Some(b) => format!(
                        "{} (n = {}) · {}",
                        group_label(&g.key),
                        nf::count(g.n),
                        words::band(lang, b)
                    ),
                    None => format!("{} (n = {})", group_label(&g.key), nf::count(g.n)),
                },
                mean: g.index.mean,
                ci_low: g.index.ci_low,
                ci_high: g.index.ci_high,
                n: g.index.n,
            }),
            GroupRow::Suppressed { .. } => None,
        })
        .collect();
    let has_baseline = data.loaded.scored.report.has_baseline();
    html! {
        <section class="view groups" aria-labelledby="groups-title">
            <h2 id="groups-title">{ data.t(T::GroupsTitle) }</h2>
            <CiBars id="chart-groups" caption={format!("{} · {}", data.t(T::GroupsTitle), data.t(T::ExperienceIndex))}
                    lang={lang} label_header={data.t(T::Group)} rows={chart_rows} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={data.t(T::GroupsTitle)}>
            <table class="data groups-table" id="groups-table">
                <caption>{ data.t(T::GroupsTitle) }{ " · " }{ data.t(T::ScaleNote) }</caption>
                <thead><tr>
                    <th scope="col">{ data.t(T::Group) }</th>
                    <th scope="col" class="num">{ data.t(T::N) }</th>
                    <th scope="col" class="num">{ data.t(T::ExperienceIndex) }</th>
                    <th scope="col" class="num">{ data.t(T::Nps) }</th>
                    { for table.stages.iter().map(|(_, title)| html! { <th scope="col" class="num">{ title }</th> }) }
                    if has_baseline { <th scope="col">{ data.t(T::Verdict) }</th> }
                    if table.has_units {
                        <th scope="col">{ data.t(T::VsRest) }</th>
                        <th scope="col">{ data.t(T::Band) }</th>
                        <th scope="col" class="num">{ data.t(T::Reliability) }</th>
                    }
                </tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| match row {
                        GroupRow::Suppressed { key } => html! {
                            <tr class="suppressed">
                                <th scope="row">{ group_label(key) }</th>
                                <td colspan={(table.stages.len() + 3 + usize::from(has_baseline) + 3 * usize::from(table.has_units)).to_string()}
                                    class="muted">{ fewer_than(lang, filters.suppress_below) }</td>
                            </tr>
                        },
                        GroupRow::Shown(g) => html! {
                            <tr>
                                <th scope="row">{ group_label(&g.key) }</th>
                                <td class="num">{ nf::count(g.n) }</td>
                                <td class="num">{ nf::score(g.index.mean) }<span class="ci">{ " (" }{ nf::interval(g.index.ci_low, g.index.ci_high) }{ ")" }</span></td>
                                <td class="num">{ g.nps.map(|s| format!("{s:+.1}")).unwrap_or_else(|| nf::MISSING.to_owned()) }</td>
                                { for g.stages.iter().map(|m| html! {
                                    <td class="num">{ nf::score(m.and_then(|m| m.mean)) }</td>
                                }) }
                                if has_baseline {
                                    <td>{ match g.index_verdict {
                                        Some(v) => html! { <VerdictBadge verdict={v} lang={lang} /> },
                                        None => html! { nf::MISSING },
                                    } }</td>
                                }
                                if table.has_units {
                                    { match &g.unit {
                                        Some(u) => html! { <>
                                            <td>{ unit_verdict_badge(lang, u.verdict) }</td>
                                            <td>{ band_badge(lang, u.band) }</td>
                                            <td class="num">{ reliability_cell(lang, u, g.still_needed) }</td>
                                        </> },
                                        None => html! { <><td>{ nf::MISSING }</td><td>{ nf::MISSING }</td><td>{ nf::MISSING }</td></> },
                                    } }
                                }
                            </tr>
                        },
                    }) }
                </tbody>
            </table>
            </div>
            if table.has_units { { what_this_means(lang, ReportWords::of(lang).means_verdict) } }
        </section>
    }
}
