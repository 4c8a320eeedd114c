//! One view per screen. Views read the state and send actions; the few
//! that keep their own timers are components.
//!
//! Each view is `#[inline(never)]`: the browser compiles wasm functions on
//! first call, so a screen kept out of the survey's render function is
//! compiled only when it is first shown — a slow phone starts faster.

pub mod attract;
pub mod more;
pub mod no_hospital;
pub mod questions;
pub mod review;
pub mod thanks;
pub mod welcome;

use yew::prelude::*;

use super::i18n::Messages;
use super::state::Action;

/// Back and next (or submit) at the end of a step.
pub fn step_nav(m: &Messages, dispatch: &Callback<Action>, next: Html) -> Html {
    html! {
        <nav class="step-nav">
            <button type="button" class="button button-secondary"
                    onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>
                <span aria-hidden="true">{ "‹ " }</span>{ m.back }
            </button>
            { next }
        </nav>
    }
}

/// The usual "next" button.
pub fn next_button(m: &Messages, dispatch: &Callback<Action>) -> Html {
    html! {
        <button type="button" class="button button-primary"
                onclick={dispatch.reform(|_: MouseEvent| Action::Next)}>
            { m.next }<span aria-hidden="true">{ " ›" }</span>
        </button>
    }
}
