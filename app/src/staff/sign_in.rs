//! Sign-in with a staff account (the session cookie it sets serves every
//! staff page: dashboard, roll-out, cases).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::words::{Lang, W};
use crate::services::staff_api::ApiError;

#[derive(Properties, PartialEq)]
pub struct SignInProps {
    pub lang: Lang,
    /// The page's title, shown above the form.
    pub title: AttrValue,
    pub error: Option<ApiError>,
    pub on_login: Callback<(String, String)>,
}

#[function_component]
pub fn SignIn(props: &SignInProps) -> Html {
    let t = |k: W| k.in_(props.lang);
    let (username, password) = (use_node_ref(), use_node_ref());
    let onsubmit = {
        let (username, password) = (username.clone(), password.clone());
        props.on_login.reform(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            (value(&username), value(&password))
        })
    };
    let error = props.error.as_ref().map(|e| match e {
        ApiError::Unauthorized => t(W::LoginFailed).to_owned(),
        ApiError::Network(_) => t(W::ServerUnreachable).to_owned(),
        other => other.to_string(),
    });
    html! {
        <main class="login" id="main">
            <h1>{ props.title.clone() }</h1>
            <form class="login-form" {onsubmit} aria-describedby="login-error">
                <div class="field">
                    <label for="username">{ t(W::Username) }</label>
                    <input id="username" ref={username} autocomplete="username" required=true />
                </div>
                <div class="field">
                    <label for="password">{ t(W::Password) }</label>
                    <input id="password" ref={password} type="password" autocomplete="current-password" required=true />
                </div>
                <p id="login-error" class="error" role="alert">{ error.unwrap_or_default() }</p>
                <button type="submit" class="primary" id="sign-in">{ t(W::SignIn) }</button>
            </form>
        </main>
    }
}
