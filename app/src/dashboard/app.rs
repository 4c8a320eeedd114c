//! The dashboard's root: session, routing, the worker bridge, and the
//! layout (header, filters, progress, export, the current view).

use std::rc::Rc;

use gloo::history::{BrowserHistory, History};
use yew::prelude::*;

use super::base_path::{base_path, href};
use super::filters::Filters;
use super::i18n::{Lang, T};
use super::labels::Labels;
use super::loading::{self, Bridge, Counters};
use super::route::{relative_to_base, Route};
use super::state::{Action, Activity, DashboardState, Mode};
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
use super::views::trend::TrendView;
use super::views::{ReportSummary, ViewData};
use super::worker;
use crate::services::clock::current_year;
use crate::services::preferences;
use crate::services::staff_api::{self as api, Role};

fn initial_lang() -> Lang {
    preferences::dashboard_lang()
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default()
}

/// Years offered by the period menus: those of the data when known, at
/// least from 2018 to this year, newest first.
fn years(state: &DashboardState) -> Vec<i32> {
    let year_of = |d: &Option<String>| d.as_deref().and_then(|d| d.get(..4)?.parse::<i32>().ok());
    let first = year_of(&state.facets.first_date).unwrap_or(2018).min(2018);
    let last = year_of(&state.facets.last_date)
        .unwrap_or(0)
        .max(current_year());
    (first..=last).rev().collect()
}

#[function_component]
pub fn DashboardApp() -> Html {
    let state =
        use_reducer(|| DashboardState::new(initial_lang(), Filters::for_year(current_year() - 1)));
    let base = use_memo((), |_| base_path());
    let history = use_memo((), |_| BrowserHistory::new());
    let route = {
        let (base, history) = (base.clone(), history.clone());
        use_state(move || Route::parse(relative_to_base(history.location().path(), &base)))
    };
    let counters = use_memo((), |_| Counters::default());
    let bridge: Bridge = {
        let dispatch = state.dispatcher();
        let base = base.clone();
        (*use_memo((), move |_| {
            Rc::new(worker::spawn(&base, move |message| {
                dispatch.dispatch(Action::Worker(message))
            }))
        }))
        .clone()
    };

    // Back and forward buttons.
    {
        let (history, route, base) = (history.clone(), route.clone(), base.clone());
        use_effect_with((), move |_| {
            let listener = history.listen({
                let history = history.clone();
                move || {
                    let path = history.location().path().to_owned();
                    route.set(Route::parse(relative_to_base(&path, &base)));
                }
            });
            move || drop(listener)
        });
    }
    // Is there a session already?
    {
        let (bridge, dispatch) = (bridge.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match api::me().await {
                    Ok(Some(session)) => {
                        dispatch.dispatch(Action::SessionChecked(Some(session.clone())));
                        loading::start_server_session(bridge, dispatch, session).await
                    }
                    Ok(None) | Err(_) => dispatch.dispatch(Action::SessionChecked(None)),
                }
            });
        });
    }
    // `<html lang>` follows the language.
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    // An opened file is scored once the worker has read it, with the
    // last year of its data against the year before.
    {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let local = matches!(state.mode, Mode::LocalFile { .. });
        let ready = local
            && state.request == 0
            && matches!(state.activity, Activity::Parsing { done, total: Some(total) } if done == total);
        let dates = (
            state.facets.first_date.clone(),
            state.facets.last_date.clone(),
        );
        use_effect_with((ready, dates), move |(ready, (first, last))| {
            if let (true, Some(first), Some(last)) = (*ready, first, last) {
                loading::request_score(
                    &bridge,
                    &dispatch,
                    &counters,
                    Filters::for_data(first, last),
                );
            }
        });
    }

    let navigate = {
        let (history, route, base) = (history.clone(), route.clone(), base.clone());
        Callback::from(move |next: Route| {
            history.push(href(&base, &next.to_relative()));
            route.set(next);
        })
    };
    let on_login = {
        let (bridge, dispatch) = (bridge.clone(), state.dispatcher());
        Callback::from(move |(username, password): (String, String)| {
            let (bridge, dispatch) = (bridge.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::login(&username, &password).await {
                    Ok(session) => {
                        dispatch.dispatch(Action::SignedIn(session.clone()));
                        loading::start_server_session(bridge, dispatch, session).await
                    }
                    Err(e) => dispatch.dispatch(Action::LoginFailed(e)),
                }
            });
        })
    };
    let on_logout = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Signed out locally even if the server cannot be reached.
                let _ = api::logout().await;
                dispatch.dispatch(Action::SignedOut);
            });
        })
    };
    let on_file = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let base = base.clone();
        Callback::from(move |file: web_sys::File| {
            wasm_bindgen_futures::spawn_local(loading::open_file(
                bridge.clone(),
                dispatch.clone(),
                counters.clone(),
                (*base).clone(),
                file,
            ));
        })
    };
    let on_apply = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let loaded = state.loaded.clone();
        let server = matches!(state.mode, Mode::Server(_));
        Callback::from(move |filters: Filters| {
            if server {
                wasm_bindgen_futures::spawn_local(loading::compute(
                    bridge.clone(),
                    dispatch.clone(),
                    counters.clone(),
                    loaded.clone(),
                    filters,
                ));
            } else {
                loading::request_score(&bridge, &dispatch, &counters, filters);
            }
        })
    };
    let on_change = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let has_result = state.result.is_some();
        // While text is still arriving the worker has not got all of it.
        // While it scores, a newer request simply supersedes the older.
        let loading = matches!(
            state.activity,
            Activity::Reading { .. } | Activity::Parsing { .. }
        );
        let shown = state.result.as_ref().map(|r| r.filters.clone());
        Callback::from(move |filters: Filters| {
            dispatch.dispatch(Action::EditFilters(filters.clone()));
            // Same periods: the worker has the data, score again at once.
            let same_periods = shown
                .as_ref()
                .is_some_and(|s| s.current == filters.current && s.baseline == filters.baseline);
            if has_result && !loading && same_periods {
                loading::request_score(&bridge, &dispatch, &counters, filters);
            }
        })
    };
    let on_search = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let filters = state.result.as_ref().map(|r| r.filters.clone());
        Callback::from(move |query: String| {
            if let Some(filters) = filters.clone() {
                loading::request_comments(&bridge, &dispatch, &counters, filters, query);
            }
        })
    };
    // The comment list follows the report and the route.
    {
        let on_search = on_search.clone();
        let wanted = *route == Route::Comments && state.may_see_comments();
        let report = state.result.as_ref().map(|r| Rc::as_ptr(r) as usize);
        let query = state.comments.query.clone();
        use_effect_with((wanted, report), move |(wanted, report)| {
            if *wanted && report.is_some() {
                on_search.emit(query);
            }
        });
    }
    let set_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::parse(&value) {
                // Unsaved (storage full or off), it still applies to this visit.
                let _ = preferences::set_dashboard_lang(lang.tag());
                dispatch.dispatch(Action::SetLang(lang));
            }
        })
    };
    let on_error = {
        let dispatch = state.dispatcher();
        Callback::from(move |message: String| dispatch.dispatch(Action::Failed(message)))
    };

    let lang = state.lang;
    let t = |k: T| k.in_(lang);
    let lang_switch = html! {
        <div class="lang-switch">
            <label for="lang">{ t(T::Language) }</label>
            <select id="lang" onchange={set_lang}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={*l == lang}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    };

    match &state.mode {
        Mode::Checking => {
            return html! {
                <main class="login"><p class="muted">{ "…" }</p></main>
            }
        }
        Mode::SignedOut { error } => {
            return html! {
                <>
                    <header class="top">{ lang_switch }</header>
                    <LoginView lang={lang} error={error.clone()} on_login={on_login} on_file={on_file.clone()} />
                    if matches!(state.activity, Activity::Failed(_)) {
                        <ProgressBar lang={lang} activity={state.activity.clone()} accepted={0} rejected={0}
                                     first_errors={Vec::<String>::new()} local={true} />
                    }
                </>
            }
        }
        Mode::Server(_) | Mode::LocalFile { .. } => {}
    }

    let who = match &state.mode {
        Mode::Server(s) => {
            let role = match s.role {
                Role::Admin => t(T::RoleAdmin),
                Role::HospitalAdmin => t(T::RoleHospitalAdmin),
            };
            let hospital = s
                .hospital
                .clone()
                .map(|h| format!(" · {h}"))
                .unwrap_or_default();
            html! {
                <span class="who" id="who">
                    <span class="user">{ &s.username }</span>
                    <span class="role">{ format!(" · {role}{hospital}") }</span>
                </span>
            }
        }
        Mode::LocalFile { name } => html! {
            <span class="who" id="who">{ t(T::LocalFileMode) }{ " · " }{ name }</span>
        },
        _ => Html::default(),
    };
    let view_data = match (&state.result, &state.instrument) {
        (Some(loaded), Some(instrument)) => Some(ViewData {
            labels: Rc::new(Labels::new(instrument, lang)),
            loaded: loaded.clone(),
        }),
        _ => None,
    };
    let tabs = Route::TABS
        .iter()
        .filter(|r| **r != Route::Comments || state.may_see_comments())
        .map(|r| {
            let current = r.same_tab(&route);
            let onclick = {
                let navigate = navigate.clone();
                let r = r.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    navigate.emit(r.clone())
                })
            };
            html! {
                <li>
                    <a href={href(&base, &r.to_relative())} class={classes!("tab", current.then_some("active"))}
                       aria-current={current.then_some("page")} {onclick}>{ t(r.title()) }</a>
                </li>
            }
        });
    let fixed_hospital = state.session().and_then(|s| s.hospital.clone());
    let body = match &view_data {
        None => html! {
            if !state.busy() && !matches!(state.activity, Activity::Failed(_)) {
                <p class="notice" id="no-data">{ t(T::NoData) }</p>
            }
        },
        Some(data) => match &*route {
            Route::Overview => html! { <OverviewView data={data.clone()} /> },
            Route::Comparison => html! { <ComparisonView data={data.clone()} /> },
            Route::Stage(stage) => html! {
                <StagesView data={data.clone()} stage={stage.clone()} base={(*base).clone()} on_navigate={navigate.clone()} />
            },
            Route::Priorities => html! { <PrioritiesView data={data.clone()} /> },
            Route::Groups => html! { <GroupsView data={data.clone()} /> },
            Route::Trend => html! { <TrendView data={data.clone()} /> },
            Route::Comments => html! {
                <CommentsView lang={lang} allowed={state.may_see_comments()}
                              comments={state.comments.clone()} on_search={on_search.clone()} />
            },
            Route::Print => html! { <PrintView data={data.clone()} /> },
        },
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ t(T::SkipToContent) }</a>
            <header class="top">
                <h1>{ t(T::AppTitle) }</h1>
                { who }
                { lang_switch }
                if matches!(state.mode, Mode::Server(_)) {
                    <button type="button" class="link" id="sign-out" onclick={on_logout}>{ t(T::SignOut) }</button>
                }
            </header>
            <FilterBar lang={lang} filters={state.filters.clone()} facets={state.facets.clone()}
                       years={years(&state)} fixed_hospital={fixed_hospital} busy={state.busy()}
                       on_change={on_change} on_apply={on_apply} />
            <nav class="tabs no-print" aria-label={t(T::AppTitle)}><ul>{ for tabs }</ul></nav>
            <main id="main" class="content">
                <ProgressBar lang={lang} activity={state.activity.clone()} accepted={state.accepted}
                             rejected={state.rejected} first_errors={state.first_errors.clone()}
                             local={matches!(state.mode, Mode::LocalFile { .. })} />
                if let Some(data) = &view_data {
                    <ExportBar data={data.clone()} on_navigate={navigate.clone()} on_error={on_error} />
                    <ReportSummary data={data.clone()} />
                }
                { body }
            </main>
        </>
    }
}
