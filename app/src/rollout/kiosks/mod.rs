//! The kiosks page: register a kiosk (its one-time setup URL and the QR
//! code that opens it on the device), and the fleet with each kiosk's
//! state in words and what staff should do about it (docs/formats.md §7).

pub mod advice;
pub mod register;
pub mod setup_qr;
pub mod view;

pub use view::KiosksView;
