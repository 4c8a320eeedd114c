//! Per-hospital alert rules (docs/formats.md §6): which responses open a
//! service-recovery case (`rules`, pure) and what a hospital may set
//! (`settings`, the checks of `PUT /hospitals/{hospital}/alerting`).

pub mod rules;
pub mod settings;

pub use rules::{fold, reasons, AlertInput, Signals};
pub use settings::{check_settings, masked, SettingsError};
