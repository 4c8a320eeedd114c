//! Sign-in, and opening a local export file without any server (an
//! evaluator's offline check).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::dashboard::i18n::{Lang, T};
use crate::services::staff_api::ApiError;

#[derive(Properties, PartialEq)]
pub struct LoginProps {
    pub lang: Lang,
    pub error: Option<ApiError>,
    pub on_login: Callback<(String, String)>,
    pub on_file: Callback<web_sys::File>,
}

#[function_component]
pub fn LoginView(props: &LoginProps) -> Html {
    let t = |k: T| k.in_(props.lang);
    let username = use_node_ref();
    let password = use_node_ref();
    let pending = use_state(|| false);
    {
        // A new answer from the server ends the pending state.
        let pending = pending.clone();
        use_effect_with(props.error.clone(), move |_| pending.set(false));
    }
    let onsubmit = {
        let (username, password, pending) = (username.clone(), password.clone(), pending.clone());
        let on_login = props.on_login.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            pending.set(true);
            on_login.emit((value(&username), value(&password)));
        })
    };
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
        })
    };
    let error = props.error.as_ref().map(|e| match e {
        ApiError::Unauthorized => t(T::LoginFailed).to_owned(),
        ApiError::Network(_) => t(T::ServerUnreachable).to_owned(),
        other => other.to_string(),
    });
    html! {
        <main class="login" id="main">
            <h1>{ t(T::AppTitle) }</h1>
            <form class="login-form" {onsubmit} aria-describedby="login-error">
                <div class="field">
                    <label for="username">{ t(T::Username) }</label>
                    <input id="username" ref={username} autocomplete="username" required=true />
                </div>
                <div class="field">
                    <label for="password">{ t(T::Password) }</label>
                    <input id="password" ref={password} type="password" autocomplete="current-password" required=true />
                </div>
                <p id="login-error" class="error" role="alert">{ error.unwrap_or_default() }</p>
                <button type="submit" class="primary" id="sign-in" disabled={*pending}>
                    { if *pending { t(T::SigningIn) } else { t(T::SignIn) } }
                </button>
            </form>
            <div class="open-file">
                <p>{ t(T::OrOpenFile) }</p>
                <label class="file-button" for="open-file">{ t(T::OpenFile) }</label>
                <input id="open-file" class="visually-hidden" type="file" accept=".csv,.jsonl,.json,text/csv" {onchange} />
            </div>
        </main>
    }
}
