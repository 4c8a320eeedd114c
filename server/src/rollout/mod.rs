//! Roll-out (docs/formats.md §7): the rules a registry entry and a kiosk
//! must follow before they are stored, the server's public base URL that
//! setup links (and posters) are made of, and the kiosks' one-time codes
//! and secrets. No HTTP and no SQL here.

mod check;
mod public_url;
mod secrets;

pub use check::{check_heartbeat, check_hospital, check_new_kiosk, is_department_code, CheckError};
pub use public_url::{PublicUrl, PublicUrlError};
pub use secrets::{new_kiosk_id, new_secret, KIOSK_SECRET_BYTES, SETUP_CODE_BYTES};
