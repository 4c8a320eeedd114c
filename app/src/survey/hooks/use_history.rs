//! Browser history. On a phone each step is a history entry, so the back
//! button goes to the previous step. A kiosk keeps no entries at all: each
//! screen replaces the current one, so nothing of a patient can be reached
//! with "back" by the next one.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::survey::state::{Action, Screen};

#[hook]
pub fn use_history(kiosk: bool, screen: Screen, dispatch: Callback<Action>) {
    use_effect_with(kiosk, move |&kiosk| {
        let listener = (!kiosk).then(|| {
            EventListener::new(&gloo::utils::window(), "popstate", move |event| {
                let state = event
                    .dyn_ref::<web_sys::PopStateEvent>()
                    .map(|e| e.state())
                    .and_then(|s| s.as_f64());
                match state {
                    Some(step) if step >= 0.0 => dispatch.emit(Action::GoTo(step as usize)),
                    _ => dispatch.emit(Action::ShowWelcome),
                }
            })
        });
        move || drop(listener)
    });
    use_effect_with((kiosk, screen), |&(kiosk, screen)| {
        let Ok(history) = gloo::utils::window().history() else {
            return;
        };
        if kiosk {
            let _ = history.replace_state(&JsValue::NULL, "");
            return;
        }
        if let Screen::Step(step) = screen {
            let here = history.state().ok().and_then(|s| s.as_f64());
            if here != Some(step as f64) {
                let _ = history.push_state(&JsValue::from(step as f64), "");
            }
        }
    });
}
