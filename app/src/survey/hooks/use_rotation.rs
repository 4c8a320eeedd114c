//! Moves the kiosk's "you said, we did" on to its next plan every
//! [`ROTATE_MS`] while it rotates (attract screen shown, more than one
//! plan, not paused).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::survey::state::Action;
use crate::survey::we_did::ROTATE_MS;

#[hook]
pub fn use_rotation(rotating: bool, at: usize, dispatch: Callback<Action>) {
    use_effect_with((rotating, at), move |&(rotating, at)| {
        let timer = rotating
            .then(|| Timeout::new(ROTATE_MS, move || dispatch.emit(Action::WeDidShow(at + 1))));
        move || drop(timer)
    });
}
