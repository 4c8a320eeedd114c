//! The navigation between the report's views; links work without script
//! too (each tab is the view's path).

use yew::prelude::*;

use crate::dashboard::base_path::href;
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::route::Route;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub lang: Lang,
    pub route: Route,
    pub base: AttrValue,
    /// Comments are for signed-in administrators only.
    pub show_comments: bool,
    pub on_navigate: Callback<Route>,
}

#[function_component]
pub fn Tabs(props: &TabsProps) -> Html {
    let t = |k: T| k.in_(props.lang);
    let tabs = Route::TABS
        .iter()
        .filter(|r| **r != Route::Comments || props.show_comments)
        .map(|r| {
            let current = r.same_tab(&props.route);
            let onclick = {
                let navigate = props.on_navigate.clone();
                let r = r.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    navigate.emit(r.clone())
                })
            };
            html! {
                <li>
                    <a href={href(&props.base, &r.to_relative())} class={classes!("tab", current.then_some("active"))}
                       aria-current={current.then_some("page")} {onclick}>{ t(r.title()) }</a>
                </li>
            }
        });
    html! {
        <nav class="tabs no-print" aria-label={t(T::AppTitle)}><ul>{ for tabs }</ul></nav>
    }
}
