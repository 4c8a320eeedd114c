//! The roll-out pages' root: who is signed in, the language, the page of
//! the path, and the registry every page reads (loaded once per session,
//! again after a save).

use std::rc::Rc;

use gloo::history::{BrowserHistory, History};
use wasm_bindgen_futures::spawn_local;
use wire::Hospital;
use yew::prelude::*;

use super::i18n::{Lang, T};
use super::kiosks::KiosksView;
use super::posters::PostersView;
use super::registry::RegistryView;
use super::route::{relative_to_base, Route};
use crate::dashboard::base_path::{base_path, href};
use crate::services::staff_api::ApiError;
use crate::services::{preferences, rollout_api};
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

#[function_component]
pub fn RolloutApp() -> Html {
    let lang = use_state(initial_lang);
    let StaffSession {
        who,
        on_login,
        on_logout,
    } = use_staff_session();
    let registry = use_state(|| None::<Result<Rc<Vec<Hospital>>, ApiError>>);
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
    let reload = {
        let registry = registry.clone();
        Callback::from(move |()| {
            let registry = registry.clone();
            spawn_local(async move {
                registry.set(Some(rollout_api::hospitals().await.map(Rc::new)));
            });
        })
    };
    {
        let reload = reload.clone();
        let signed_in = matches!(*who, Who::SignedIn(_));
        use_effect_with(signed_in, move |signed_in| {
            if *signed_in {
                reload.emit(());
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
            history.push(href(&base, next.to_relative()));
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
            let page = match (*route, &*registry) {
                (_, None) => html! { <p class="muted">{ T::Loading.in_(lang) }</p> },
                (_, Some(Err(e))) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
                (Route::Registry, Some(Ok(hospitals))) => html! {
                    <RegistryView {lang} session={session.clone()} hospitals={hospitals.clone()} on_saved={reload.clone()} />
                },
                (Route::Posters, Some(Ok(hospitals))) => html! {
                    <PostersView {lang} hospitals={hospitals.clone()} />
                },
                (Route::Kiosks, Some(Ok(hospitals))) => html! {
                    <KiosksView {lang} hospitals={hospitals.clone()} />
                },
            };
            html! {
                <>
                    <a class="skip-link" href="#main">{ W::SkipToContent.in_(lang) }</a>
                    { top_bar(lang, T::AppTitle.in_(lang), StaffPage::Rollout, session, &set_lang, &on_logout) }
                    { tabs(lang, *route, &base, &navigate) }
                    <main id="main" class="content rollout">{ page }</main>
                </>
            }
        }
    }
}

/// The pages' navigation; each tab is the page's path.
fn tabs(lang: Lang, current: Route, base: &str, navigate: &Callback<Route>) -> Html {
    let items = Route::ALL.into_iter().map(|r| {
        let onclick = navigate.reform(move |e: MouseEvent| {
            e.prevent_default();
            r
        });
        let here = r == current;
        html! {
            <li>
                <a href={href(base, r.to_relative())} class={classes!("tab", here.then_some("active"))}
                   aria-current={here.then_some("page")} {onclick}>{ r.title().in_(lang) }</a>
            </li>
        }
    });
    html! { <nav class="tabs" aria-label={T::AppTitle.in_(lang)}><ul>{ for items }</ul></nav> }
}
