//! Who is signed in on a staff page, and the two actions that change it:
//! the session is checked once on load (`GET /api/v1/me`), then follows
//! sign-in and sign-out.

use wasm_bindgen_futures::spawn_local;
use wire::Session;
use yew::prelude::*;

use crate::services::staff_api::{self, ApiError};

/// Signed in or not (and why not, after a refused sign-in).
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Checking,
    SignedOut(Option<ApiError>),
    SignedIn(Session),
}

/// The session state and the callbacks of the sign-in form and the
/// header's sign-out link.
pub struct StaffSession {
    pub who: UseStateHandle<Who>,
    pub on_login: Callback<(String, String)>,
    pub on_logout: Callback<()>,
}

#[hook]
pub fn use_staff_session() -> StaffSession {
    let who = use_state(|| Who::Checking);
    {
        let who = who.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                who.set(match staff_api::me().await {
                    Ok(Some(session)) => Who::SignedIn(session),
                    _ => Who::SignedOut(None),
                });
            });
        });
    }
    let on_login = {
        let who = who.clone();
        Callback::from(move |(username, password): (String, String)| {
            let who = who.clone();
            spawn_local(async move {
                who.set(match staff_api::login(&username, &password).await {
                    Ok(session) => Who::SignedIn(session),
                    Err(e) => Who::SignedOut(Some(e)),
                });
            });
        })
    };
    let on_logout = {
        let who = who.clone();
        Callback::from(move |()| {
            let who = who.clone();
            spawn_local(async move {
                let _ = staff_api::logout().await;
                who.set(Who::SignedOut(None));
            });
        })
    };
    StaffSession {
        who,
        on_login,
        on_logout,
    }
}
