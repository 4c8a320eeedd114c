//! The dashboard's effects behind one handle: the session, the route, the
//! scoring worker, downloads and opened files. Views read the state and
//! call the handle's callbacks; every decision is the pure reducer's
//! (`state.rs`), every effect is here.

use std::rc::Rc;

use gloo::history::{BrowserHistory, History};
use yew::prelude::*;

use crate::dashboard::base_path::{base_path, href};
use crate::dashboard::download::save_text;
use crate::dashboard::filters::Filters;
use crate::dashboard::i18n::Lang;
use crate::dashboard::loading::{self, Bridge, Counters};
use crate::dashboard::place_names::PlaceNames;
use crate::dashboard::route::{relative_to_base, Route};
use crate::dashboard::state::{Action, DashboardState, Mode};
use crate::dashboard::worker;
use crate::services::clock::current_year;
use crate::services::preferences;
use crate::services::{json, staff_api};

/// What the views get: the state and a callback per thing they can ask.
#[derive(Clone)]
pub struct DashboardHandle {
    pub state: UseReducerHandle<DashboardState>,
    pub route: Route,
    /// The page's base path (`/admin/`), for links.
    pub base: Rc<String>,
    pub navigate: Callback<Route>,
    /// Username and password.
    pub login: Callback<(String, String)>,
    pub logout: Callback<()>,
    pub open_file: Callback<web_sys::File>,
    /// Any edit of the filter bar.
    pub edit_filters: Callback<Filters>,
    /// "Compute".
    pub apply: Callback<()>,
    /// Comment search: the text, and the theme whose quotes to list.
    pub search_comments: Callback<(String, Option<String>)>,
    /// Saves the comment analysis JSON (docs/formats.md §8).
    pub export_comments: Callback<()>,
    pub set_lang: Callback<Lang>,
    /// An error to show (e.g. a download that could not be saved).
    pub fail: Callback<String>,
    /// Names of hospital and department codes (docs/formats.md §7).
    pub places: Rc<PlaceNames>,
}

impl DashboardHandle {
    /// The period menus' years (see `DashboardState::years`).
    pub fn years(&self) -> Vec<i32> {
        self.state.years(current_year())
    }
}

fn initial_lang() -> Lang {
    preferences::dashboard_lang()
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default()
}

#[hook]
pub fn use_dashboard() -> DashboardHandle {
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
            let failed = dispatch.clone();
            Rc::new(worker::spawn(
                &base,
                move |message| dispatch.dispatch(Action::Worker(message)),
                move |error| failed.dispatch(Action::Failed(error)),
            ))
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
                match staff_api::me().await {
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
    // A report is asked for as soon as the state wants one and the worker
    // has the data, with the filters chosen by then.
    {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        use_effect_with(state.score_due().cloned(), move |due| {
            if let Some(filters) = due {
                loading::request_score(&bridge, &dispatch, &counters, filters.clone());
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
    let login = {
        let (bridge, dispatch) = (bridge.clone(), state.dispatcher());
        Callback::from(move |(username, password): (String, String)| {
            let (bridge, dispatch) = (bridge.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match staff_api::login(&username, &password).await {
                    Ok(session) => {
                        dispatch.dispatch(Action::SignedIn(session.clone()));
                        loading::start_server_session(bridge, dispatch, session).await
                    }
                    Err(e) => dispatch.dispatch(Action::LoginFailed(e)),
                }
            });
        })
    };
    let logout = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Signed out locally even if the server cannot be reached.
                let _ = staff_api::logout().await;
                dispatch.dispatch(Action::SignedOut);
            });
        })
    };
    let open_file = {
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
    let edit_filters = {
        let dispatch = state.dispatcher();
        Callback::from(move |filters: Filters| dispatch.dispatch(Action::EditFilters(filters)))
    };
    let apply = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let downloads = match state.mode {
            Mode::Server(_) => state.ranges_to_download(),
            _ => Vec::new(),
        };
        Callback::from(move |()| {
            dispatch.dispatch(Action::Apply);
            if !downloads.is_empty() {
                wasm_bindgen_futures::spawn_local(loading::download_all(
                    bridge.clone(),
                    dispatch.clone(),
                    counters.clone(),
                    downloads.clone(),
                ));
            }
        })
    };
    let search_comments = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let filters = state.result.as_ref().map(|r| r.filters.clone());
        Callback::from(move |(query, theme): (String, Option<String>)| {
            if let Some(filters) = filters.clone() {
                loading::request_comments(&bridge, &dispatch, &counters, filters, query, theme);
            }
        })
    };
    // The comment analysis follows the report where a view shows it: the
    // comments tab, and the top complaints of the overview and the stage
    // views. The worker compiles the lexicons on the first request.
    {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        let shows = matches!(*route, Route::Comments | Route::Overview | Route::Stage(_));
        let filters = state.result.as_ref().map(|r| r.filters.clone());
        let have = state.comments.analysis.is_some() || state.comments.analysing;
        use_effect_with((shows, filters, have), move |(shows, filters, have)| {
            if let (true, Some(filters), false) = (*shows, filters, *have) {
                loading::request_comment_analysis(&bridge, &dispatch, &counters, filters.clone());
            }
        });
    }
    // The quotes follow the analysis and the route.
    {
        let search_comments = search_comments.clone();
        let wanted = *route == Route::Comments && state.may_see_comments();
        let analysis = state
            .comments
            .analysis
            .as_ref()
            .map(|r| Rc::as_ptr(r) as usize);
        let (query, theme) = (state.comments.query.clone(), state.comments.theme.clone());
        use_effect_with((wanted, analysis), move |(wanted, analysis)| {
            if *wanted && analysis.is_some() {
                search_comments.emit((query, theme));
            }
        });
    }
    let export_comments = {
        let (bridge, dispatch, counters) = (bridge.clone(), state.dispatcher(), counters.clone());
        Callback::from(move |()| loading::request_comments_json(&bridge, &dispatch, &counters))
    };
    // The analysis JSON is saved when it arrives.
    {
        let json = state.comments.json.clone();
        let name = state.result.as_ref().map(|r| r.filters.file_stem());
        let dispatch = state.dispatcher();
        use_effect_with(json.as_ref().map(|j| Rc::as_ptr(j) as usize), move |_| {
            if let (Some(json), Some(stem)) = (json, name) {
                let file = format!(
                    "{}.json",
                    stem.replacen("tiyan-report", "tiyan-comments", 1)
                );
                if let Err(e) = save_text(&file, "application/json", &json) {
                    dispatch.dispatch(Action::Failed(e));
                }
            }
        });
    }
    let set_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |lang: Lang| {
            // Unsaved (storage full or off), it still applies to this visit.
            let _ = preferences::set_dashboard_lang(lang.tag());
            dispatch.dispatch(Action::SetLang(lang));
        })
    };
    let fail = {
        let dispatch = state.dispatcher();
        Callback::from(move |message: String| dispatch.dispatch(Action::Failed(message)))
    };
    // The registry's names, once per session; codes stay codes without it.
    let places = use_state(Rc::<PlaceNames>::default);
    {
        let places = places.clone();
        use_effect_with(state.session().is_some(), move |signed_in| {
            if *signed_in {
                wasm_bindgen_futures::spawn_local(async move {
                    let text = staff_api::static_text("/api/v1/hospitals").await;
                    if let Some(names) = text.ok().as_deref().and_then(json::registry_names) {
                        places.set(Rc::new(PlaceNames::new(names)));
                    }
                });
            }
        });
    }

    DashboardHandle {
        state,
        route: (*route).clone(),
        base,
        navigate,
        login,
        logout,
        open_file,
        edit_filters,
        apply,
        search_comments,
        export_comments,
        set_lang,
        fail,
        places: (*places).clone(),
    }
}
