//! The patient survey: one care stage per screen, large answer
//! buttons, three languages, kiosk and phone modes, and offline-safe
//! delivery through the outbox (`crate::services`).
//!
//! Layout: `entry` (the URL), `i18n` (texts), `steps`/`draft`/`state`
//! (pure), `answers` (options per item), `callback` (the opt-in
//! call-back), `we_did` ("you said, we did"), `stored` (their JSON on the
//! device), `boot` (state on load), `app`
//! (the component), `hooks` (effects), `screens`, `components`.

pub mod answers;
pub mod app;
pub mod boot;
pub mod callback;
pub mod components;
pub mod draft;
pub mod entry;
pub mod hooks;
pub mod i18n;
pub mod instrument_ref;
pub mod screens;
pub mod state;
pub mod steps;
pub mod stored;
pub mod we_did;

pub use app::{Survey, SurveyProps};

/// Mount the survey on the page (index.html's loading page is removed by
/// the survey once its first screen is ready), with the entry of this URL.
///
/// The render runs in its own task, after the one that started the wasm:
/// short tasks rather than one long one keep a slow phone responsive while
/// the survey starts (Lighthouse's total blocking time counts every task
/// beyond 50 ms).
pub fn mount() {
    gloo::timers::callback::Timeout::new(0, || {
        let props = SurveyProps {
            entry: boot::entry_from_location(),
            instrument: boot::instrument_on_device(),
            api_base: crate::services::http::API_BASE.into(),
        };
        yew::Renderer::<Survey>::with_props(props).render();
    })
    .forget();
}
