//! Service-recovery cases (docs/formats.md §6): the call-back number a
//! patient may leave (`phone`), the life of a case (`lifecycle`, pure) and
//! the background sweep that flags overdue cases and forgets old numbers
//! (`sweeper`).

pub mod lifecycle;
pub mod phone;
pub mod sweeper;

pub use lifecycle::{apply, Applied, CaseState, EventError};
pub use phone::{read_contact, read_contact_value, Phone, CONTACT_DAYS};
pub use sweeper::Sweeper;
