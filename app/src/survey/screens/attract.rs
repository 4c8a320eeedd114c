//! The kiosk at rest: an invitation, a single large button.

use yew::prelude::*;

use crate::survey::components::face;
use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Action;

#[inline(never)]
pub fn view(lang: Lang, dispatch: &Callback<Action>) -> Html {
    let m = lang.messages();
    html! {
        <section class="screen attract">
            <div class="attract-faces" aria-hidden="true">{ for (1..=5).map(face) }</div>
            <h1 tabindex="-1">{ m.attract_title }</h1>
            <p class="lead">{ m.attract_body }</p>
            <p class="note">{ m.privacy_note }</p>
            <button type="button" class="button button-primary button-attract"
                    onclick={dispatch.reform(|_: MouseEvent| Action::Begin)}>
                { m.attract_touch }
            </button>
        </section>
    }
}
