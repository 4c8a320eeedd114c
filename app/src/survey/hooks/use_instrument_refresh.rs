//! Asks the server for its current instrument once (until it answers, on a
//! device that has none), caches it for offline reloads, and offers it to the survey (used only if no survey is under
//! way; a started survey keeps the instrument it began with). Then the
//! same for the names of the hospital and department rated
//! (`GET /api/v1/public/{hospital}`, docs/formats.md §7), which the
//! welcome screen shows.

use scoring::instrument::Instrument;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use std::rc::Rc;

use crate::services::http::{fetch_instrument, fetch_public_hospital};
use crate::services::json;
use crate::services::storage::{HOSPITAL_NAMES, INSTRUMENT};
use crate::survey::entry::Entry;
use crate::survey::instrument_ref::InstrumentRef;
use crate::survey::state::Action;

/// Between two requests for the instrument of a device that has none.
const RETRY_MS: u32 = 3_000;

#[hook]
pub fn use_instrument_refresh(
    api_base: AttrValue,
    current: (String, u32),
    entry: &Entry,
    dispatch: Callback<Action>,
) {
    let place = (entry.hospital.clone(), entry.department.clone());
    use_effect_with(api_base, move |api_base| {
        let api_base = api_base.clone();
        spawn_local(async move {
            if let (Some(hospital), department) = place {
                refresh_place(&api_base, &hospital, &department, &dispatch).await;
            }
            // A device without an instrument cannot start a survey: it asks
            // again until the server answers.
            let text = loop {
                match fetch_instrument(&api_base).await {
                    Ok(text) => break text,
                    Err(_) if current.0.is_empty() => {
                        gloo::timers::future::TimeoutFuture::new(RETRY_MS).await
                    }
                    Err(_) => return,
                }
            };
            // Checked by the server when it loaded it; a survey only needs
            // it to parse (unknown stage ids are skipped by `steps`).
            let Some(id_version) = json::instrument_id_version(&text) else {
                return;
            };
            if INSTRUMENT.raw().as_deref() != Some(text.as_str()) {
                let _ = INSTRUMENT.set_raw(&text);
            }
            // The same id and version is the same instrument: nothing to
            // parse (this keeps the page's main thread free on load).
            if id_version == current {
                return;
            }
            // A new instrument (rare): built now, and used only if it reads.
            if let Ok(instrument) = json::parse::<Instrument>(&text) {
                dispatch.emit(Action::UseInstrument(InstrumentRef::ready(instrument)));
            }
        });
    });
}

/// The names of `hospital` and `department`, kept on the device for an
/// offline start and sent to the survey.
async fn refresh_place(
    api_base: &str,
    hospital: &str,
    department: &str,
    dispatch: &Callback<Action>,
) {
    let Ok(text) = fetch_public_hospital(api_base, hospital).await else {
        return;
    };
    if let Some(place) = json::place_names(&text, department).filter(|p| p.code == hospital) {
        let _ = HOSPITAL_NAMES.set_raw(&text);
        dispatch.emit(Action::Place(Rc::new(place)));
    }
}
