//! Overview: the experience index, NPS, each stage's score with its 95% CI
//! and n, and the change since the baseline with its verdict.

use yew::prelude::*;

use super::{fewer_than, ChangeCell, ViewProps};
use crate::dashboard::charts::ci_bars::{CiBarRow, CiBars};
use crate::dashboard::i18n::T;
use crate::dashboard::model::overview::overview;
use crate::dashboard::number_format as nf;

#[function_component]
pub fn OverviewView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let report = &data.loaded.scored.report;
    let Some(all) = report.group("all") else {
        return Html::default();
    };
    let Some(o) = overview(all, &data.labels) else {
        return html! {
            <p class="notice">{ fewer_than(lang, data.loaded.filters.suppress_below) }</p>
        };
    };
    let has_baseline = report.has_baseline();
    let rows: Vec<CiBarRow> = o
        .stages
        .iter()
        .map(|s| CiBarRow {
            label: s.title.clone(),
            mean: s.metric.mean,
            ci_low: s.metric.ci_low,
            ci_high: s.metric.ci_high,
            n: s.metric.n,
        })
        .collect();
    let nps = o.nps.unwrap_or(crate::dashboard::model::overview::NpsView {
        n: 0,
        score: None,
        promoters: None,
        detractors: None,
    });
    html! {
        <section class="view overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{ data.t(T::NavOverview) }</h2>
            <div class="cards">
                <div class="card" id="card-index">
                    <h3>{ data.t(T::ExperienceIndex) }</h3>
                    <p class="big">{ nf::score(o.index.mean) }</p>
                    <p class="sub">{ data.t(T::Ci95) }{ " " }{ nf::interval(o.index.ci_low, o.index.ci_high) }</p>
                    <p class="sub">{ data.t(T::N) }{ " " }{ nf::count(o.index.n) }</p>
                </div>
                <div class="card" id="card-nps">
                    <h3>{ data.t(T::Nps) }</h3>
                    <p class="big">{ nps.score.map(|s| format!("{s:+.1}")).unwrap_or_else(|| nf::MISSING.to_owned()) }</p>
                    <p class="sub">{ data.t(T::Promoters) }{ " " }{ nf::percent(nps.promoters) }
                        { " · " }{ data.t(T::Detractors) }{ " " }{ nf::percent(nps.detractors) }</p>
                    <p class="sub">{ data.t(T::N) }{ " " }{ nf::count(nps.n) }</p>
                </div>
                if has_baseline {
                    <div class="card" id="card-change">
                        <h3>{ data.t(T::ChangeSinceBaseline) }</h3>
                        <p class="big">{ nf::signed(o.index_change.and_then(|c| c.diff)) }</p>
                        <p class="sub"><ChangeCell change={o.index_change} lang={lang} /></p>
                        <p class="sub">{ data.baseline_name().unwrap_or_default() }{ " → " }{ data.current_name() }</p>
                    </div>
                }
                <div class="card" id="card-n">
                    <h3>{ data.t(T::Responses) }</h3>
                    <p class="big">{ nf::count(o.n) }</p>
                    <p class="sub">{ data.current_name() }</p>
                </div>
            </div>
            <CiBars id="chart-stages" caption={data.t(T::StageScores)} lang={lang}
                    label_header={data.t(T::Stage)} rows={rows} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={data.t(T::StageScores)}>
            <table class="data stages-table">
                <caption>{ data.t(T::StageScores) }{ " · " }{ data.t(T::ScaleNote) }</caption>
                <thead><tr>
                    <th scope="col">{ data.t(T::Stage) }</th>
                    <th scope="col" class="num">{ data.t(T::Score) }</th>
                    <th scope="col">{ data.t(T::Ci95) }</th>
                    <th scope="col" class="num">{ data.t(T::N) }</th>
                    <th scope="col" class="num">{ data.t(T::Alpha) }</th>
                    if has_baseline { <th scope="col">{ data.t(T::ChangeSinceBaseline) }</th> }
                </tr></thead>
                <tbody>
                    <tr class="index-row">
                        <th scope="row">{ data.t(T::ExperienceIndex) }</th>
                        <td class="num">{ nf::score(o.index.mean) }</td>
                        <td>{ nf::interval(o.index.ci_low, o.index.ci_high) }</td>
                        <td class="num">{ nf::count(o.index.n) }</td>
                        <td class="num">{ nf::MISSING }</td>
                        if has_baseline { <td><ChangeCell change={o.index_change} lang={lang} /></td> }
                    </tr>
                    { for o.stages.iter().map(|s| html! {
                        <tr>
                            <th scope="row">{ &s.title }</th>
                            <td class="num">{ nf::score(s.metric.mean) }</td>
                            <td>{ nf::interval(s.metric.ci_low, s.metric.ci_high) }</td>
                            <td class="num">{ nf::count(s.metric.n) }</td>
                            <td class="num">{ nf::coefficient(s.alpha) }</td>
                            if has_baseline { <td><ChangeCell change={s.change} lang={lang} /></td> }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
