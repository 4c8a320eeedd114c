//! The header: the title, who is signed in (or which file is open), the
//! language menu and "Sign out". View functions rather than components:
//! they hold no state, and every component costs the page's wasm about a
//! kilobyte (the dashboard's budget is 500 KB, BENCHMARKS.md).

use wire::Role;
use yew::prelude::*;

use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::state::Mode;

/// The language menu (docs/domain.md "Languages").
pub fn lang_switch(lang: Lang, on_change: &Callback<Lang>) -> Html {
    let onchange = {
        let on_change = on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::parse(&value) {
                on_change.emit(lang);
            }
        })
    };
    html! {
        <div class="lang-switch">
            <label for="lang">{ T::Language.in_(lang) }</label>
            <select id="lang" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={*l == lang}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}

/// The header of a signed-in page or an opened file.
pub fn top_bar(
    lang: Lang,
    mode: &Mode,
    on_lang: &Callback<Lang>,
    on_logout: &Callback<()>,
) -> Html {
    let t = |k: T| k.in_(lang);
    let who = match mode {
        Mode::Server(s) => {
            let role = match s.role {
                Role::Admin => t(T::RoleAdmin),
                Role::HospitalAdmin => t(T::RoleHospitalAdmin),
                Role::DepartmentHead => t(T::RoleDepartmentHead),
            };
            let hospital = s
                .hospital
                .as_ref()
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
        Mode::Checking | Mode::SignedOut { .. } => Html::default(),
    };
    let on_logout = on_logout.reform(|_: MouseEvent| ());
    html! {
        <header class="top">
            <h1>{ t(T::AppTitle) }</h1>
            { who }
            { lang_switch(lang, on_lang) }
            if matches!(mode, Mode::Server(_)) {
                if !matches!(mode, Mode::Server(s) if s.role == Role::DepartmentHead) {
                    <a href="/admin/rollout/" id="to-rollout">{ t(T::Rollout) }</a>
                }
                <a href="/admin/cases/" id="to-cases">{ t(T::Cases) }</a>
                <button type="button" class="link" id="sign-out" onclick={on_logout}>{ t(T::SignOut) }</button>
            }
        </header>
    }
}
