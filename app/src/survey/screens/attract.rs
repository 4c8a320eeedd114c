//! The kiosk at rest: an invitation, a single large button, and below it
//! what the hospital changed because of what patients said (when it has
//! published any: docs/formats.md §6).

use yew::prelude::*;

use crate::survey::components::{face, we_did_carousel};
use crate::survey::i18n::Catalogue;
use crate::survey::state::{Action, SurveyState};

#[inline(never)]
pub fn view(state: &SurveyState, dispatch: &Callback<Action>) -> Html {
    let lang = state.lang;
    let m = lang.messages();
    let note = if state.callback_offered() {
        m.privacy_note_callback
    } else {
        m.privacy_note
    };
    html! {
        <section class="screen attract">
            <div class="attract-faces" aria-hidden="true">{ for (1..=5).map(face) }</div>
            <h1 tabindex="-1">{ m.attract_title }</h1>
            <p class="lead">{ m.attract_body }</p>
            <p class="note">{ note }</p>
            <button type="button" class="button button-primary button-attract"
                    onclick={dispatch.reform(|_: MouseEvent| Action::Begin)}>
                { m.attract_touch }
            </button>
            if let Some(actions) = &state.actions {
                { we_did_carousel(actions, &state.entry.department, lang, (state.we_did_at, state.we_did_paused), dispatch) }
            }
        </section>
    }
}
