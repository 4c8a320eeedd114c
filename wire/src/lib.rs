//! The JSON bodies of tiyan-server's `/api/v1` (`server/openapi.json`),
//! declared once: the server writes them, the dashboard reads them with
//! serde, and the survey reads them with its own small readers
//! (`app/src/services/json/`), which the app's tests check against these
//! types' serde form. A change here is a change of both sides.
//!
//! Plain data only: no HTTP, no status codes (the server maps outcomes to
//! statuses), no I/O.

mod error;
mod kiosks;
mod registry;
mod session;
mod submission;

pub use error::ErrorBody;
pub use kiosks::{
    Heartbeat, HeartbeatReply, Kiosk, KioskClaim, KioskClaimed, KioskReport, KioskSetup,
    KioskState, NewKiosk, BACKLOG_AFTER_SECONDS, KIOSK_TEXT_MAX_CHARS, SILENT_AFTER_SECONDS,
};
pub use registry::{
    find_hospital, Department, Hospital, HospitalKind, Level, Names, PublicDepartment,
    PublicHospital, Unregistered, UnregisteredDepartment, UnregisteredHospital, DEPARTMENTS_MAX,
    DEPARTMENT_CODE_MAX_CHARS, NAME_MAX_CHARS,
};
pub use scoring::validate::FieldError;
pub use session::{Credentials, LoggedIn, Role, Session};
pub use submission::{BatchReply, SubmissionResult, SubmissionStatus};
