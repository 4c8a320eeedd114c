//! The admin dashboard (skeleton until issue 6).

use yew::prelude::*;

#[function_component]
pub fn DashboardApp() -> Html {
    html! {
        <main class="dashboard">
            <h1>{ "体验 · 管理看板" }</h1>
        </main>
    }
}
