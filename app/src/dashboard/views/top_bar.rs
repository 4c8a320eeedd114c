//! The header: the title, who is signed in (or which file is open), the
//! language menu and "Sign out".

use yew::prelude::*;

use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::state::Mode;
use wire::Role;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// The language menu (docs/domain.md "Languages").
#[function_component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let on_change = props.on_change.clone();
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

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub lang: Lang,
    pub mode: Mode,
    pub on_lang: Callback<Lang>,
    pub on_logout: Callback<()>,
}

#[function_component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let t = |k: T| k.in_(props.lang);
    let who = match &props.mode {
        Mode::Server(s) => {
            let role = match s.role {
                Role::Admin => t(T::RoleAdmin),
                Role::HospitalAdmin => t(T::RoleHospitalAdmin),
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
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    html! {
        <header class="top">
            <h1>{ t(T::AppTitle) }</h1>
            { who }
            <LangSwitch lang={props.lang} on_change={props.on_lang.clone()} />
            if matches!(props.mode, Mode::Server(_)) {
                <button type="button" class="link" id="sign-out" onclick={on_logout}>{ t(T::SignOut) }</button>
            }
        </header>
    }
}
