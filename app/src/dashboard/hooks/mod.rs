//! The dashboard's hooks: where its effects live, apart from its views.

mod use_dashboard;

pub use use_dashboard::{use_dashboard, DashboardHandle};
