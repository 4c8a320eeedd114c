//! The staff's closed loop (`/admin/cases/`, bundle `bin/cases.rs`,
//! docs/formats.md §6): the service-recovery cases that negative
//! responses open, the action-plan ledger (整改台账) with each target's
//! monthly score, and a hospital's alert settings. A bundle of its own,
//! so neither the patients' survey nor the analytics dashboard carries
//! these pages.
//!
//! Code map: `app` (sign-in, tabs, what every page reads), `route`,
//! `i18n`, `directory` (names of items, stages, hospitals, departments),
//! `list/` (filters and the table), `detail/` (a case: the response, its
//! timeline, the actions), `ledger/` (plans, the monthly series and its
//! chart), `alerts/` (the settings form). The server is reached through
//! `crate::services::cases_api`.

pub mod alerts;
mod app;
pub mod detail;
pub mod directory;
pub mod i18n;
pub mod ledger;
pub mod list;
pub mod route;

pub use app::CasesApp;
