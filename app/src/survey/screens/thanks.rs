//! Shown only after the response is safely on the device (or the server).
//! A kiosk goes back to its attract screen by itself after a short while
//! (`use_countdown` in the survey component).

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Action;

/// Seconds a kiosk shows the thank-you before resetting.
pub const KIOSK_THANKS_SECS: u32 = 10;

/// `pending`: responses still waiting on the device (this one, if
/// offline); `left`: a kiosk's seconds before it starts over.
#[inline(never)]
pub fn view(
    lang: Lang,
    kiosk: bool,
    pending: usize,
    left: u32,
    dispatch: &Callback<Action>,
) -> Html {
    let m = lang.messages();
    html! {
        <section class="screen thanks">
            <div class="thanks-mark" aria-hidden="true">{ "✓" }</div>
            <h1 tabindex="-1">{ m.thanks_title }</h1>
            <p class="lead">{ m.thanks_body }</p>
            if pending > 0 {
                <p class="note">{ m.thanks_queued }</p>
            }
            if kiosk {
                <p class="hint">{ (m.returning_in)(left) }</p>
                <button type="button" class="button button-primary button-big"
                        onclick={dispatch.reform(|_: MouseEvent| Action::Reset)}>
                    { m.finish }
                </button>
            }
        </section>
    }
}
