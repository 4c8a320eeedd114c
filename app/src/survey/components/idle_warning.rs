//! The kiosk's "are you still there?" warning with its countdown.

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Action;

/// A modal alert dialog. Its button takes the focus when it opens (the
/// survey's `use_document`), so that a keyboard or switch user can answer
/// it at once.
pub fn idle_warning(lang: Lang, seconds_left: u32, dispatch: &Callback<Action>) -> Html {
    let m = lang.messages();
    html! {
        <div class="overlay">
            <div class="dialog" role="alertdialog" aria-modal="true"
                 aria-labelledby="idle-title" aria-describedby="idle-body">
                <h2 id="idle-title">{ m.idle_title }</h2>
                <p id="idle-body">{ (m.idle_body)(seconds_left) }</p>
                <p class="countdown" aria-hidden="true">{ seconds_left }</p>
                <button type="button" class="button button-primary"
                        onclick={dispatch.reform(|_: MouseEvent| Action::StillHere)}>
                    { m.idle_continue }
                </button>
            </div>
        </div>
    }
}
