//! The action-plan ledger (整改台账, docs/formats.md §6): every plan with
//! its owner, due date and status; the selected plan's notes and updates;
//! its target's monthly score with the plan's start marked; a new plan.

pub mod chart;
pub mod new_plan;
pub mod plan;
pub mod series;
mod view;

pub use view::LedgerView;
