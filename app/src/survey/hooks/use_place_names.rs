//! The names of the survey's hospital and department, for the welcome
//! screen: those kept on the device at once, then the server's
//! (`GET /api/v1/public/{hospital}`), whose text is kept in turn so that a
//! kiosk that starts offline still shows them.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::services::http::fetch_public_hospital;
use crate::services::json::{place_names, PlaceNames};
use crate::services::storage::HOSPITAL_NAMES;
use crate::survey::boot::place_names_on_device;

/// The names for `hospital` and `department`.
#[hook]
pub fn use_place_names(
    api_base: AttrValue,
    hospital: Option<String>,
    department: String,
) -> Option<Rc<PlaceNames>> {
    let names = {
        let (hospital, department) = (hospital.clone(), department.clone());
        use_state_eq(move || place_names_on_device(hospital.as_deref()?, &department))
    };
    {
        let names = names.clone();
        use_effect_with(hospital, move |hospital| {
            if let Some(code) = hospital.clone() {
                spawn_local(async move {
                    let Ok(text) = fetch_public_hospital(&api_base, &code).await else {
                        return;
                    };
                    if let Some(place) = place_names(&text, &department).filter(|p| p.code == code)
                    {
                        let _ = HOSPITAL_NAMES.set_raw(&text);
                        names.set(Some(Rc::new(place)));
                    }
                });
            }
        });
    }
    (*names).clone()
}
