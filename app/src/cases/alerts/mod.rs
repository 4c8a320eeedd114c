//! A hospital's alert settings (docs/formats.md §6 "Alert rules"): which
//! responses open a case, the deadline, the webhook, the call-back
//! offer. Anyone of the hospital reads them; an administrator or the
//! hospital's administrator changes them.

mod draft;
mod view;

pub use draft::Draft;
pub use view::AlertsView;
