//! A countdown of whole seconds (the kiosk's thank-you screen returns to
//! its attract screen by itself).

use gloo::timers::callback::Interval;
use yew::prelude::*;

/// While `running`, counts `secs` down once a second and calls `on_done`
/// when it reaches zero; starts again from `secs` each time `running`
/// turns on. Returns the seconds left.
#[hook]
pub fn use_countdown(running: bool, secs: u32, on_done: Callback<()>) -> u32 {
    let left = use_state_eq(|| secs);
    {
        let left = left.clone();
        use_effect_with(running, move |&running| {
            left.set(secs);
            let mut remaining = secs;
            let interval = running.then(|| {
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
    *left
}
