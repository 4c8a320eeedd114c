//! Stage drill-down: the stage's score, Cronbach's α, each item's score
//! with its CI, and the distribution of answers as stacked bars.

use std::rc::Rc;

use yew::prelude::*;

use super::top_complaints::TopComplaints;
use super::{fewer_than, ChangeCell, ViewData};
use crate::dashboard::charts::ci_bars::{CiBarRow, CiBars};
use crate::dashboard::charts::distribution_bars::{DistributionBars, DistributionRow};
use crate::dashboard::i18n::T;
use crate::dashboard::model::stage_detail::stage_detail;
use crate::dashboard::number_format as nf;
use crate::dashboard::protocol::AnalysedComments;
use crate::dashboard::route::Route;

#[derive(Properties, PartialEq)]
pub struct StagesProps {
    pub data: ViewData,
    pub stage: Option<String>,
    /// The dashboard's base path, for the links' `href`.
    pub base: String,
    pub on_navigate: Callback<Route>,
    /// The comment analysis, for the stage's most complained-of themes.
    #[prop_or_default]
    pub complaints: Option<Rc<AnalysedComments>>,
}

#[function_component]
pub fn StagesView(props: &StagesProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let report = &data.loaded.scored.report;
    let Some(all) = report.group("all") else {
        return Html::default();
    };
    let Some(stats) = &all.stats else {
        return html! { <p class="notice">{ fewer_than(lang, data.loaded.filters.suppress_below) }</p> };
    };
    let stage_id = props
        .stage
        .clone()
        .or_else(|| stats.stages.first().map(|s| s.id.clone()))
        .unwrap_or_default();
    let picker = stats.stages.iter().map(|s| {
        let selected = s.id == stage_id;
        let onclick = {
            let nav = props.on_navigate.clone();
            let id = s.id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                nav.emit(Route::Stage(Some(id.clone())))
            })
        };
        html! {
            <li>
                <a href={format!("{}stages/{}", props.base, s.id)} aria-current={selected.then_some("page")}
                   class={classes!("pill", selected.then_some("active"))} {onclick}>
                    { data.labels.stage(&s.id) }
                </a>
            </li>
        }
    });
    html! {
        <section class="view stages" aria-labelledby="stages-title">
            <h2 id="stages-title">{ data.t(T::NavStages) }</h2>
            <nav aria-label={data.t(T::ChooseStage)}><ul class="pills">{ for picker }</ul></nav>
            <TopComplaints lang={lang} analysis={props.complaints.clone()} stage={stage_id.clone()} />
            <StageSection data={data.clone()} stage={stage_id} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StageSectionProps {
    pub data: ViewData,
    pub stage: String,
}

/// One stage's figures, charts and table (also used by the print page).
#[function_component]
pub fn StageSection(props: &StageSectionProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let report = &data.loaded.scored.report;
    let Some(all) = report.group("all") else {
        return Html::default();
    };
    let Some(d) = stage_detail(all, &props.stage, &data.labels) else {
        return html! { <p class="notice">{ data.t(T::ChooseStage) }</p> };
    };
    html! {
        <div class="stage-section" id={format!("stage-{}", d.id)}>
                <h3>{ &d.title }</h3>
            <dl class="facts">
                <div><dt>{ data.t(T::Score) }</dt><dd>{ nf::score(d.metric.mean) }{ " (" }{ nf::interval(d.metric.ci_low, d.metric.ci_high) }{ ")" }</dd></div>
                <div><dt>{ data.t(T::N) }</dt><dd>{ nf::count(d.metric.n) }</dd></div>
                <div><dt>{ data.t(T::Alpha) }</dt><dd>{ nf::coefficient(d.alpha) }</dd></div>
                if report.has_baseline() {
                    <div><dt>{ data.t(T::ChangeSinceBaseline) }</dt><dd><ChangeCell change={d.change} lang={lang} /></dd></div>
                }
            </dl>
            <CiBars id={format!("chart-items-{}", d.id)} caption={format!("{} · {}", d.title, data.t(T::Score))} lang={lang}
                    label_header={data.t(T::Item)}
                    rows={d.items.iter().map(|i| CiBarRow {
                        label: i.label.clone(), mean: i.metric.mean, ci_low: i.metric.ci_low,
                        ci_high: i.metric.ci_high, n: i.metric.n,
                    }).collect::<Vec<_>>()} />
            <DistributionBars id={format!("chart-distribution-{}", d.id)} caption={format!("{} · {}", d.title, data.t(T::Distribution))}
                    lang={lang} label_header={data.t(T::Item)}
                    rows={d.items.iter().map(|i| DistributionRow {
                        label: i.label.clone(), scale: i.scale, reverse: i.reverse, segments: i.distribution.clone(), n_na: i.n_na,
                    }).collect::<Vec<_>>()} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={d.title.clone()}>
            <table class="data">
                <caption>{ &d.title }{ " · " }{ data.t(T::ScaleNote) }</caption>
                <thead><tr>
                    <th scope="col">{ data.t(T::Item) }</th>
                    <th scope="col" class="num">{ data.t(T::Score) }</th>
                    <th scope="col">{ data.t(T::Ci95) }</th>
                    <th scope="col" class="num">{ data.t(T::N) }</th>
                    <th scope="col" class="num">{ data.t(T::TopBox) }</th>
                    if report.has_baseline() { <th scope="col">{ data.t(T::ChangeSinceBaseline) }</th> }
                </tr></thead>
                <tbody>
                    { for d.items.iter().map(|i| html! {
                        <tr>
                            <th scope="row">{ &i.label }</th>
                            <td class="num">{ nf::score(i.metric.mean) }</td>
                            <td>{ nf::interval(i.metric.ci_low, i.metric.ci_high) }</td>
                            <td class="num">{ nf::count(i.metric.n) }</td>
                            <td class="num">{ nf::percent(i.top_box) }</td>
                            if report.has_baseline() { <td><ChangeCell change={i.change} lang={lang} /></td> }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}
