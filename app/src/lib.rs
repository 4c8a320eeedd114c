//! Tiyan's browser front end. Four bundles share this library: the patient
//! survey (`bin/survey.rs`), the admin dashboard (`bin/dashboard.rs`), and
//! the staff's roll-out (`bin/rollout.rs`) and cases (`bin/cases.rs`) pages.

pub mod cases;
pub mod dashboard;
pub mod rollout;
pub mod services;
pub mod staff;
pub mod survey;
