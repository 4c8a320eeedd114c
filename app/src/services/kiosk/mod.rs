//! This device as a registered kiosk (docs/formats.md §7): the identity it
//! received when its setup URL was opened, and the heartbeat that tells
//! staff what its outbox holds.

pub mod device;
pub mod heartbeat;

pub use device::KioskDevice;
pub use heartbeat::heartbeat_of;
