//! The patient survey (skeleton until issue 5).

use yew::prelude::*;

#[function_component]
pub fn SurveyApp() -> Html {
    html! {
        <main class="survey">
            <h1>{ "体验 · 就医感受调查" }</h1>
            <p>{ "Patient experience survey" }</p>
        </main>
    }
}
