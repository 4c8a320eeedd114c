//! The dashboard's root: the layout around the current view. The effects
//! are `hooks::use_dashboard`'s, the decisions `state.rs`'s reducer's.

use std::rc::Rc;

use yew::prelude::*;

use super::hooks::{use_dashboard, DashboardHandle};
use super::i18n::T;
use super::labels::Labels;
use super::route::Route;
use super::state::{Activity, Mode};
use super::views::benchmark::BenchmarkView;
use super::views::comments::CommentsView;
use super::views::comparison::ComparisonView;
use super::views::export_bar::ExportBar;
use super::views::filter_bar::FilterBar;
use super::views::groups::GroupsView;
use super::views::login::LoginView;
use super::views::overview::OverviewView;
use super::views::print::PrintView;
use super::views::priorities::PrioritiesView;
use super::views::progress::ProgressBar;
use super::views::stages::StagesView;
use super::views::tabs::tabs;
use super::views::top_bar::{lang_switch, top_bar};
use super::views::top_complaints::TopComplaints;
use super::views::trend::TrendView;
use super::views::{ReportSummary, ViewData};

#[function_component]
pub fn DashboardApp() -> Html {
    let dash = use_dashboard();
    let state = &*dash.state;
    let lang = state.lang;
    match &state.mode {
        Mode::Checking => html! {
            <main class="login"><p class="muted">{ "…" }</p></main>
        },
        Mode::SignedOut { error } => html! {
            <>
                <header class="top">{ lang_switch(lang, &dash.set_lang) }</header>
                <LoginView lang={lang} error={error.clone()} on_login={dash.login.clone()} on_file={dash.open_file.clone()} />
                if matches!(state.activity, Activity::Failed(_)) {
                    <ProgressBar lang={lang} activity={state.activity.clone()} accepted={0} rejected={0}
                                 first_errors={Vec::<String>::new()} local={true} />
                }
            </>
        },
        Mode::Server(_) | Mode::LocalFile { .. } => report_page(&dash),
    }
}

/// Signed in, or a file open: filters, tabs, progress, and the view.
fn report_page(dash: &DashboardHandle) -> Html {
    let state = &*dash.state;
    let lang = state.lang;
    let view_data = match (&state.result, &state.instrument) {
        (Some(loaded), Some(instrument)) => Some(ViewData {
            labels: Rc::new(Labels::new(instrument, lang).with_places(dash.places.clone())),
            loaded: loaded.clone(),
        }),
        _ => None,
    };
    let fixed_hospital = state.session().and_then(|s| s.hospital.clone());
    let local = matches!(state.mode, Mode::LocalFile { .. });
    html! {
        <>
            <a class="skip-link" href="#main">{ T::SkipToContent.in_(lang) }</a>
            { top_bar(lang, &state.mode, &dash.set_lang, &dash.logout) }
            <FilterBar lang={lang} filters={state.filters.clone()} facets={state.facets.clone()}
                       years={dash.years()} fixed_hospital={fixed_hospital} places={dash.places.clone()} busy={state.busy()}
                       on_change={dash.edit_filters.clone()} on_apply={dash.apply.clone()} />
            { tabs(lang, &dash.route, &dash.base, state.may_see_comments(), &dash.navigate) }
            <main id="main" class="content">
                <ProgressBar lang={lang} activity={state.activity.clone()} accepted={state.accepted}
                             rejected={state.rejected} first_errors={state.first_errors.clone()} local={local} />
                if let Some(data) = &view_data {
                    <ExportBar data={data.clone()} on_navigate={dash.navigate.clone()} on_error={dash.fail.clone()} />
                    <ReportSummary data={data.clone()} />
                }
                { current_view(dash, view_data.as_ref()) }
            </main>
        </>
    }
}

/// The view of the route, or why there is none yet.
fn current_view(dash: &DashboardHandle, data: Option<&ViewData>) -> Html {
    let state = &*dash.state;
    let Some(data) = data.cloned() else {
        return html! {
            if !state.busy() && !matches!(state.activity, Activity::Failed(_)) {
                <p class="notice" id="no-data">{ T::NoData.in_(state.lang) }</p>
            }
        };
    };
    match &dash.route {
        Route::Overview => html! {
            <>
                <OverviewView {data} />
                <TopComplaints lang={state.lang} analysis={state.comments.analysis.clone()} />
            </>
        },
        Route::Comparison => html! { <ComparisonView {data} /> },
        Route::Stage(stage) => html! {
            <StagesView {data} stage={stage.clone()} base={(*dash.base).clone()} on_navigate={dash.navigate.clone()}
                        complaints={state.comments.analysis.clone()} />
        },
        Route::Priorities => html! { <PrioritiesView {data} /> },
        Route::Groups => html! { <GroupsView {data} /> },
        Route::Benchmark => html! { <BenchmarkView {data} /> },
        Route::Trend => html! { <TrendView {data} /> },
        Route::Comments => html! {
            <CommentsView labels={data.labels.clone()} allowed={state.may_see_comments()}
                          comments={state.comments.clone()} on_search={dash.search_comments.clone()}
                          on_export={dash.export_comments.clone()} />
        },
        Route::Print => html! { <PrintView {data} /> },
    }
}
