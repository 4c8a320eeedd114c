//! One case: what the patient answered and wrote, why the case was
//! opened, its timeline, and the actions its status allows
//! (docs/formats.md §6).

mod actions;
mod answers;
pub mod timeline;
mod view;

pub use actions::allowed;
pub use answers::answer_rows;
pub use view::CaseView;
