//! The header: the title, who is signed in, the language menu, the way
//! back to the analytics dashboard and "Sign out".

use wire::{Role, Session};
use yew::prelude::*;

use crate::rollout::i18n::{Lang, T};

/// The language menu.
pub fn lang_switch(lang: Lang, on_change: &Callback<Lang>) -> Html {
    let onchange = on_change.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Lang::parse(&value).unwrap_or_default()
    });
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

pub fn top_bar(
    lang: Lang,
    session: &Session,
    on_lang: &Callback<Lang>,
    on_logout: &Callback<()>,
) -> Html {
    let t = |k: T| k.in_(lang);
    // Every account but an administrator is held to its hospital.
    let role = match session.role {
        Role::Admin => t(T::RoleAdmin),
        _ => t(T::RoleHospitalAdmin),
    };
    let hospital = session
        .hospital
        .as_ref()
        .map(|h| format!(" · {h}"))
        .unwrap_or_default();
    html! {
        <header class="top">
            <h1>{ t(T::AppTitle) }</h1>
            <a href="/admin/" id="to-dashboard">{ t(T::BackToDashboard) }</a>
            <span class="who" id="who">
                <span class="user">{ &session.username }</span>
                <span class="role">{ format!(" · {role}{hospital}") }</span>
            </span>
            { lang_switch(lang, on_lang) }
            <button type="button" class="link" id="sign-out" onclick={on_logout.reform(|_: MouseEvent| ())}>{ t(T::SignOut) }</button>
        </header>
    }
}
