//! Shown only after the response is safely on the device (or the server).
//! A kiosk goes back to its attract screen by itself after a short while.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::survey::i18n::Lang;

/// Seconds a kiosk shows the thank-you before resetting.
pub const KIOSK_THANKS_SECS: u32 = 10;

#[derive(Properties, PartialEq)]
pub struct ThanksProps {
    pub lang: Lang,
    pub kiosk: bool,
    /// Responses still waiting on the device (this one, if offline).
    pub pending: usize,
    /// Kiosk: start over for the next patient.
    pub on_done: Callback<()>,
}

#[function_component]
pub fn Thanks(props: &ThanksProps) -> Html {
    let m = props.lang.messages();
    let left = use_state(|| KIOSK_THANKS_SECS);
    {
        let left = left.clone();
        let on_done = props.on_done.clone();
        use_effect_with(props.kiosk, move |kiosk| {
            let kiosk = *kiosk;
            let mut remaining = KIOSK_THANKS_SECS;
            let interval = kiosk.then(|| {
                Interval::new(1_000, move || {
                    remaining = remaining.saturating_sub(1);
                    left.set(remaining);
                    if remaining == 0 {
                        on_done.emit(());
                    }
                })
            });
            move || drop(interval)
        });
    }
    html! {
        <section class="screen thanks">
            <div class="thanks-mark" aria-hidden="true">{ "✓" }</div>
            <h1 tabindex="-1">{ m.thanks_title }</h1>
            <p class="lead">{ m.thanks_body }</p>
            if props.pending > 0 {
                <p class="note">{ m.thanks_queued }</p>
            }
            if props.kiosk {
                <p class="hint">{ (m.returning_in)(*left) }</p>
                <button type="button" class="button button-primary button-big"
                        onclick={props.on_done.reform(|_: MouseEvent| ())}>
                    { m.finish }
                </button>
            }
        </section>
    }
}
