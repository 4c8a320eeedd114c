//! The navigation between the report's views; links work without script
//! too (each tab is the view's path).

use yew::prelude::*;

use crate::dashboard::base_path::href;
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::route::Route;

/// The tabs, the current one marked; comments only for signed-in
/// administrators (`show_comments`). A view function rather than a
/// component, like `top_bar`: no state, and no per-component cost to the
/// page's wasm.
pub fn tabs(
    lang: Lang,
    route: &Route,
    base: &str,
    show_comments: bool,
    on_navigate: &Callback<Route>,
) -> Html {
    let t = |k: T| k.in_(lang);
    let items = Route::TABS
        .iter()
        .filter(|r| **r != Route::Comments || show_comments)
        .map(|r| {
            let current = r.same_tab(route);
            let onclick = {
                let navigate = on_navigate.clone();
                let r = r.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    navigate.emit(r.clone())
                })
            };
            html! {
                <li>
                    <a href={href(base, &r.to_relative())} class={classes!("tab", current.then_some("active"))}
                       aria-current={current.then_some("page")} {onclick}>{ t(r.title()) }</a>
                </li>
            }
        });
    html! {
        <nav class="tabs no-print" aria-label={t(T::AppTitle)}><ul>{ for items }</ul></nav>
    }
}
