//! The cases pages' root: who is signed in, the language, the page of the
//! path, and the directory every page names things by (the instrument
//! and the registry, loaded once per session).

use std::rc::Rc;

use gloo::history::{BrowserHistory, History};
use wasm_bindgen_futures::spawn_local;
use wire::Role;
use yew::prelude::*;

use super::alerts::AlertsView;
use super::detail::CaseView;
use super::directory::Directory;
use super::i18n::{Lang, T};
use super::ledger::LedgerView;
use super::list::CasesList;
use super::route::Route;
use crate::dashboard::base_path::{base_path, href};
use crate::rollout::route::relative_to_base;
use crate::services::{cases_api, preferences, rollout_api};
use crate::staff::session::{use_staff_session, StaffSession, Who};
use crate::staff::sign_in::SignIn;
use crate::staff::top_bar::{lang_switch, top_bar, StaffPage};
use crate::staff::words::W;

fn initial_lang() -> Lang {
    preferences::dashboard_lang()
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// Whether the account may change a hospital's alert settings.
pub(super) fn edits_alerts(role: Role) -> bool {
    role != Role::DepartmentHead
}

#[function_component]
pub fn CasesApp() -> Html {
    let lang = use_state(initial_lang);
    let StaffSession {
        who,
        on_login,
        on_logout,
    } = use_staff_session();
    let directory = use_state(|| Rc::new(Directory::default()));
    let base = use_memo((), |_| base_path());
    let history = use_memo((), |_| BrowserHistory::new());
    let route = {
        let (base, history) = (base.clone(), history.clone());
        use_state(move || Route::parse(relative_to_base(history.location().path(), &base)))
    };
    {
        let (history, route, base) = (history.clone(), route.clone(), base.clone());
        use_effect_with((), move |_| {
            let listener = history.listen({
                let history = history.clone();
                move || {
                    route.set(Route::parse(relative_to_base(
                        history.location().path(),
                        &base,
                    )))
                }
            });
            move || drop(listener)
        });
    }
    use_effect_with(*lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        gloo::utils::document().set_title(&format!("{} · Tiyan", T::AppTitle.in_(*lang)));
    });
    {
        let directory = directory.clone();
        let signed_in = matches!(*who, Who::SignedIn(_));
        use_effect_with(signed_in, move |signed_in| {
            if *signed_in {
                spawn_local(async move {
                    // Names are a convenience: without them codes are shown.
                    let instrument = cases_api::instrument().await.ok();
                    let registry = rollout_api::hospitals().await.unwrap_or_default();
                    directory.set(Rc::new(Directory {
                        instrument,
                        registry,
                    }));
                });
            }
        });
    }
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            let _ = preferences::set_dashboard_lang(l.tag());
            lang.set(l);
        })
    };
    let navigate = {
        let (history, route, base) = (history.clone(), route.clone(), base.clone());
        Callback::from(move |next: Route| {
            history.push(href(&base, &next.to_relative()));
            route.set(next);
        })
    };
    let lang = *lang;
    match &*who {
        Who::Checking => {
            html! { <main class="login" id="main"><p class="muted">{ T::Loading.in_(lang) }</p></main> }
        }
        Who::SignedOut(error) => html! {
            <>
                <header class="top">{ lang_switch(lang, &set_lang) }</header>
                <SignIn {lang} title={T::AppTitle.in_(lang)} error={error.clone()} {on_login} />
            </>
        },
        Who::SignedIn(session) => {
            let directory = (*directory).clone();
            let session = Rc::new(session.clone());
            let page = match *route {
                Route::List => html! {
                    <CasesList {lang} session={session.clone()} {directory} navigate={navigate.clone()} />
                },
                Route::Case(id) => html! {
                    <CaseView key={id} {lang} {id} me={session.username.clone()} {directory} navigate={navigate.clone()} />
                },
                Route::Plans => html! {
                    <LedgerView {lang} session={session.clone()} {directory} />
                },
                Route::Alerts => html! {
                    <AlertsView {lang} session={session.clone()} {directory} />
                },
            };
            html! {
                <>
                    <a class="skip-link" href="#main">{ W::SkipToContent.in_(lang) }</a>
                    { top_bar(lang, T::AppTitle.in_(lang), StaffPage::Cases, &session, &set_lang, &on_logout) }
                    { tabs(lang, route.tab(), &base, &navigate) }
                    <main id="main" class="content rollout cases">{ page }</main>
                </>
            }
        }
    }
}

/// The pages' navigation; each tab is the page's path.
fn tabs(lang: Lang, current: Route, base: &str, navigate: &Callback<Route>) -> Html {
    let items = Route::TABS.into_iter().map(|r| {
        let onclick = navigate.reform(move |e: MouseEvent| {
            e.prevent_default();
            r
        });
        let here = r == current;
        html! {
            <li>
                <a href={href(base, &r.to_relative())} class={classes!("tab", here.then_some("active"))}
                   aria-current={here.then_some("page")} {onclick}>{ r.title().in_(lang) }</a>
            </li>
        }
    });
    html! { <nav class="tabs" aria-label={T::AppTitle.in_(lang)}><ul>{ for items }</ul></nav> }
}
