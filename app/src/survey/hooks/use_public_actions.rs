//! Keeps "you said, we did" and the call-back offer of the survey's
//! hospital (`GET /api/v1/public/{hospital}/actions`, docs/formats.md §6)
//! fresh: asked on load and then every [`REFRESH_MS`] (a kiosk runs for
//! days), kept on the device for offline starts, and sent to the survey.
//! Offline, the device's copy stays in use.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::services::http::fetch_public_actions;
use crate::services::json;
use crate::services::storage::PUBLIC_ACTIONS;
use crate::survey::state::Action;

/// Between two refreshes (the server lets the answer be cached for a
/// minute; plans change over weeks).
pub const REFRESH_MS: u32 = 10 * 60_000;

#[hook]
pub fn use_public_actions(
    api_base: AttrValue,
    hospital: Option<String>,
    dispatch: Callback<Action>,
) {
    use_effect_with((api_base, hospital), move |(api_base, hospital)| {
        let refresh = hospital.clone().map(|hospital| {
            let api_base = api_base.clone();
            move || {
                let (api_base, hospital, dispatch) =
                    (api_base.clone(), hospital.clone(), dispatch.clone());
                spawn_local(async move {
                    let Ok(text) = fetch_public_actions(&api_base, &hospital).await else {
                        return;
                    };
                    let Ok(actions) = json::parse::<wire::PublicActions>(&text) else {
                        return;
                    };
                    let _ = PUBLIC_ACTIONS.set_raw(&json::kept_actions(&hospital, &text));
                    dispatch.emit(Action::PublicActions(Rc::new(actions)));
                });
            }
        });
        let interval = refresh.map(|refresh| {
            refresh();
            Interval::new(REFRESH_MS, refresh)
        });
        move || drop(interval)
    });
}
