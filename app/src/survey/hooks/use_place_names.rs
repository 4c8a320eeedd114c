//! The names of the survey's hospital and its departments, for the
//! welcome screen: those kept on the device at once, then the server's
//! (`GET /api/v1/public/{hospital}`), which are kept in turn so that a
//! kiosk that starts offline still shows them.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::PublicHospital;
use yew::prelude::*;

use crate::services::http::fetch_public_hospital;
use crate::services::json;
use crate::services::storage::HOSPITAL_NAMES;
use crate::survey::boot::place_names_on_device;

#[hook]
pub fn use_place_names(
    api_base: AttrValue,
    hospital: Option<String>,
) -> Option<Rc<PublicHospital>> {
    let names = {
        let hospital = hospital.clone();
        use_state_eq(move || hospital.as_deref().and_then(place_names_on_device))
    };
    {
        let names = names.clone();
        use_effect_with(hospital, move |hospital| {
            if let Some(code) = hospital.clone() {
                spawn_local(async move {
                    let Ok(text) = fetch_public_hospital(&api_base, &code).await else {
                        return;
                    };
                    if let Ok(place) = json::parse::<PublicHospital>(&text) {
                        if place.code == code {
                            let _ = HOSPITAL_NAMES.set_raw(&text);
                            names.set(Some(Rc::new(place)));
                        }
                    }
                });
            }
        });
    }
    (*names).clone()
}
