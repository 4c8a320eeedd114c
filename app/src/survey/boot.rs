//! The survey's starting state, read from the URL and the device (the
//! only place the survey reads storage on load).

use std::rc::Rc;

use scoring::instrument::Instrument;
use serde::{Deserialize, Serialize};

use super::draft::{may_resume, StoredDraft};
use super::entry::{
    as_kiosk, parse_entry, resolve_entry, setup_code, without_setup, Entry, KioskFlag, SetupCode,
};
use super::i18n::Lang;
use super::instrument_ref::InstrumentRef;
use super::state::SurveyState;
use crate::services::clock::now_ms;
use crate::services::http::{claim_kiosk, API_BASE};
use crate::services::json::{self, PlaceNames};
use crate::services::kiosk::KioskDevice;
use crate::services::storage::{DRAFT, HOSPITAL_NAMES, INSTRUMENT, KIOSK, PREFS, PUBLIC_ACTIONS};

/// A phone user's display choices, kept between visits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Option<Lang>,
    pub large_text: bool,
}

/// The entry of this page: the URL, or the kiosk configuration stored by
/// an earlier `kiosk=1` URL. Stores or forgets that configuration. A
/// kiosk's setup URL also claims its one-time code, so that this device
/// becomes that kiosk (docs/formats.md §7).
pub fn entry_from_location() -> Entry {
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let (mut from_url, mut flag) = parse_entry(&path, &query);
    if let Some(setup) = setup_code(&query) {
        (from_url, flag) = (as_kiosk(from_url), KioskFlag::On);
        claim(setup, &format!("{path}{}", without_setup(&query)));
    }
    match flag {
        KioskFlag::On => {
            let _ = KIOSK.set(&from_url);
        }
        KioskFlag::Off => {
            KIOSK.clear();
            KioskDevice::forget();
        }
        KioskFlag::Unsaid => {}
    }
    resolve_entry(from_url, flag, KIOSK.get::<Entry>())
}

/// Exchanges a setup URL's one-time code for the kiosk's identity, and
/// shows `address` (the URL without the code: it works once, and a
/// reload must not show a spent code).
fn claim(setup: SetupCode, address: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(device) = claim_kiosk(API_BASE, &setup.kiosk_id, &setup.code).await {
            device.remember();
        }
    });
}

/// The names of `hospital` (and `department`) kept from an earlier
/// visit, if they are that hospital's.
pub fn place_names_on_device(hospital: &str, department: &str) -> Option<Rc<PlaceNames>> {
    json::place_names(&HOSPITAL_NAMES.raw()?, department)
        .filter(|place| place.code == hospital)
        .map(Rc::new)
}

/// The published action plans and call-back offer of `hospital` kept
/// from an earlier visit (an offline kiosk still shows them).
pub fn actions_on_device(hospital: &str) -> Option<Rc<wire::PublicActions>> {
    json::actions_of(&PUBLIC_ACTIONS.raw()?, hospital).map(Rc::new)
}

/// The instrument to use: the server's last one, kept on the device, or
/// none yet ([`InstrumentRef::awaited`]: the bundle carries no copy, which
/// would cost every patient's download the bytes the server sends anyway).
/// Only its id and version are read now (see `InstrumentRef`).
pub fn instrument_on_device() -> InstrumentRef {
    let Some(text) = INSTRUMENT.raw() else {
        return InstrumentRef::awaited();
    };
    let Some(key) = json::instrument_id_version(&text) else {
        return InstrumentRef::awaited();
    };
    InstrumentRef::lazy(key, move || {
        json::parse(&text).unwrap_or_else(|_| {
            // Written only after the server served it; should it not read,
            // the next start fetches it again.
            INSTRUMENT.clear();
            Instrument::default()
        })
    })
}

/// The state on load, resuming a draft where allowed.
pub fn initial_state(entry: Entry, instrument: InstrumentRef) -> SurveyState {
    let draft = DRAFT
        .get::<StoredDraft>()
        .filter(|s| may_resume(s, now_ms(), entry.kiosk, entry.idle_secs))
        .map(|s| s.draft);
    if draft.is_none() {
        DRAFT.clear();
    }
    let prefs = if entry.kiosk {
        Prefs::default()
    } else {
        PREFS.get::<Prefs>().unwrap_or_default()
    };
    let lang = entry.lang.or(prefs.lang).unwrap_or_default();
    let place = entry
        .hospital
        .as_deref()
        .and_then(|h| place_names_on_device(h, &entry.department));
    let actions = entry.hospital.as_deref().and_then(actions_on_device);
    let mut state = SurveyState::new(entry, instrument, draft, lang, prefs.large_text)
        .with_motion(prefers_reduced_motion());
    state.place = place;
    state.actions = actions;
    state
}

/// Whether the reader asked the system for less motion
/// (`matchMedia("(prefers-reduced-motion: reduce)")`, called through
/// `Reflect`: one call does not need web-sys's `MediaQueryList`).
fn prefers_reduced_motion() -> bool {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let window: JsValue = gloo::utils::window().into();
    Reflect::get(&window, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| {
            f.call1(&window, &"(prefers-reduced-motion: reduce)".into())
                .ok()
        })
        .and_then(|query| Reflect::get(&query, &"matches".into()).ok())
        .and_then(|matches| matches.as_bool())
        .unwrap_or(false)
}
