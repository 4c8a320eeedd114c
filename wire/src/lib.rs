//! The JSON bodies of tiyan-server's `/api/v1` (`server/openapi.json`),
//! declared once: the server writes them, the dashboard reads them with
//! serde, and the survey reads them with its own small readers
//! (`app/src/services/json/`), which the app's tests check against these
//! types' serde form. A change here is a change of both sides.
//!
//! Plain data only: no HTTP, no status codes (the server maps outcomes to
//! statuses), no I/O.

mod action_plans;
mod alerting;
mod cases;
mod error;
mod kiosks;
mod phone;
mod public_actions;
mod registry;
mod session;
mod submission;

pub use action_plans::{
    ActionPlan, ActionPlanList, ActionPlanPatch, NewActionPlan, PlanNote, PlanStatus, Target,
    TargetScope,
};
pub use alerting::{
    AlertRules, AlertSettings, Webhook, DEFAULT_KEYWORDS, DEFAULT_SLA_HOURS, SECRET_MASK,
};
pub use cases::{
    Assignee, Assignees, Callback, Case, CaseAction, CaseDetail, CaseEvent, CaseList, CaseResponse,
    CaseStatus, Contact, Reason,
};
pub use error::ErrorBody;
pub use kiosks::{
    Heartbeat, HeartbeatReply, Kiosk, KioskClaim, KioskClaimed, KioskReport, KioskSetup,
    KioskState, NewKiosk, BACKLOG_AFTER_SECONDS, KIOSK_TEXT_MAX_CHARS, SILENT_AFTER_SECONDS,
};
pub use phone::{check_phone, PhoneProblem, PHONE_MAX_CHARS, PHONE_MIN_DIGITS};
pub use public_actions::{PublicAction, PublicActions};
pub use registry::{
    find_hospital, Department, Hospital, HospitalKind, Level, Names, PublicDepartment,
    PublicHospital, Unregistered, UnregisteredDepartment, UnregisteredHospital, DEPARTMENTS_MAX,
    DEPARTMENT_CODE_MAX_CHARS, NAME_MAX_CHARS,
};
pub use scoring::validate::FieldError;
pub use session::{Credentials, LoggedIn, Role, Session};
pub use submission::{BatchReply, SubmissionResult, SubmissionStatus};
