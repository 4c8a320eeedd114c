//! The staff's roll-out pages (`/admin/rollout/`, bundle `bin/rollout.rs`):
//! the registry of hospitals and departments (their names in the three
//! languages), QR posters for the wards, and the kiosk fleet
//! (docs/formats.md §7). A bundle of its own, so neither the patients'
//! survey nor the analytics dashboard carries these pages.
//!
//! Code map: `app` (the layout, sign-in and navigation), `route`, `i18n`,
//! `registry/` (the editor and the unregistered codes), `posters/` (the
//! batch page), `kiosks/` (registering, the list and what each state
//! asks of staff), `shared/` (small views used by several pages). The
//! server is reached through `crate::services::rollout_api`.

mod app;
pub mod i18n;
pub mod kiosks;
pub mod posters;
pub mod registry;
pub mod route;
pub mod shared;

pub use app::RolloutApp;
