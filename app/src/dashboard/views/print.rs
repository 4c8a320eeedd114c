//! A print-friendly page: every view one after the other, with the
//! periods and options on top; the print CSS hides the controls.

use yew::prelude::*;

use super::comparison::ComparisonView;
use super::groups::GroupsView;
use super::overview::OverviewView;
use super::priorities::PrioritiesView;
use super::stages::StageSection;
use super::trend::TrendView;
use super::ViewProps;
use crate::dashboard::i18n::T;

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
            <TrendView data={data.clone()} />
        </div>
    }
}
