//! Shown only after the response is safely on the device (or the server).
//! A kiosk goes back to its attract screen by itself after a short while
//! (`use_countdown` in the survey component).

use yew::prelude::*;

use crate::survey::components::we_did_list;
use crate::survey::i18n::Catalogue;
use crate::survey::state::{Action, SurveyState};

/// Seconds a kiosk shows the thank-you before resetting.
pub const KIOSK_THANKS_SECS: u32 = 10;
/// "You said, we did" plans shown: a kiosk's thank-you is read in seconds.
const KIOSK_PLANS: usize = 2;
const PHONE_PLANS: usize = 5;

/// `pending`: responses still waiting on the device (this one, if
/// offline); `left`: a kiosk's seconds before it starts over.
#[inline(never)]
pub fn view(state: &SurveyState, pending: usize, left: u32, dispatch: &Callback<Action>) -> Html {
    let (lang, kiosk) = (state.lang, state.entry.kiosk);
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
            if let Some(actions) = &state.actions {
                { we_did_list(actions, &state.entry.department, lang, if kiosk { KIOSK_PLANS } else { PHONE_PLANS }) }
            }
        </section>
    }
}
