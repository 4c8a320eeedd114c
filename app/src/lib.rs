//! Tiyan's browser front end. Two bundles share this library: the patient
//! survey (`bin/survey.rs`) and the admin dashboard (`bin/dashboard.rs`).

pub mod dashboard;
pub mod rollout;
pub mod services;
pub mod survey;
