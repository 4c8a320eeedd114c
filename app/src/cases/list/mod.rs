//! The cases list: filters by status, hospital and department, overdue
//! first (the server's order, docs/formats.md §6).

mod filters;
mod view;

pub use filters::Filters;
pub use view::CasesList;
