//! The kiosk fleet (docs/formats.md §7): registering a kiosk, setting up
//! the device from its one-time setup URL, heartbeats, and the list staff
//! read with each kiosk's state.
//!
//! Times are RFC 3339 UTC texts (`2025-06-01T08:30:00Z`); `last_seen`,
//! `set_up_at`, `created_at` and `oldest_pending_at` are the server's clock,
//! `last_delivered_at` is the kiosk's own.

use serde::{Deserialize, Serialize};

/// At most this many characters in a kiosk's name, location or app version.
pub const KIOSK_TEXT_MAX_CHARS: usize = 120;
/// A kiosk with no heartbeat for this long is `silent`.
pub const SILENT_AFTER_SECONDS: i64 = 60 * 60;
/// Answers that have waited longer than this make a kiosk `backlog`.
pub const BACKLOG_AFTER_SECONDS: i64 = 30 * 60;

/// `POST /kiosks` (admin, or the hospital's administrator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewKiosk {
    /// A registered hospital.
    pub hospital: String,
    /// A registered department of that hospital, or none (a hall kiosk
    /// whose patients pick their department).
    #[serde(default)]
    pub department: Option<String>,
    /// What staff call it (`门诊大厅 1号机`).
    pub name: String,
    /// Where it stands (`门诊楼一层`).
    #[serde(default)]
    pub location: Option<String>,
}

/// The answer to `POST /kiosks` (201) and `POST /kiosks/{id}/setup`: the
/// URL to open once on the device. It carries a one-time code; only its
/// hash is stored, so it cannot be shown again (ask for a new one instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskSetup {
    pub id: String,
    pub setup_url: String,
}

/// `POST /kiosks/{id}/claim` (no sign-in): the one-time code of the setup
/// URL (its `setup` parameter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskClaim {
    pub code: String,
}

/// The answer to a claim: the device is now this kiosk. `secret` signs its
/// heartbeats (`Authorization: Bearer <secret>`) and is shown only here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskClaimed {
    pub id: String,
    pub hospital: String,
    pub department: Option<String>,
    pub name: String,
    pub location: Option<String>,
    pub secret: String,
}

/// `POST /kiosks/{id}/heartbeat` (the kiosk's secret as bearer token):
/// what its outbox holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heartbeat {
    pub app_version: String,
    /// Answers waiting to be sent.
    pub outbox_pending: u32,
    /// Answers the server refused (422): they wait for staff.
    pub outbox_rejected: u32,
    /// When the kiosk last had an answer acknowledged (its own clock).
    #[serde(default)]
    pub last_delivered_at: Option<String>,
    /// How long the oldest waiting answer has waited, in seconds, by the
    /// kiosk's clock (an age, so a kiosk whose clock is wrong still
    /// reports it right); `null` or absent when nothing waits.
    #[serde(default)]
    pub oldest_pending_seconds: Option<u64>,
}

/// The answer to a heartbeat: the state the Kiosks view now shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeartbeatReply {
    pub state: KioskState,
}

/// What a kiosk needs, most urgent first (docs/formats.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KioskState {
    /// Nothing to do.
    Ok,
    /// No heartbeat for [`SILENT_AFTER_SECONDS`] (or never): switched off,
    /// offline, or the survey is not running.
    Silent,
    /// Answers have waited longer than [`BACKLOG_AFTER_SECONDS`].
    Backlog,
    /// It holds answers the server refused: staff must look at the device.
    Rejects,
}

/// What the server knows of a kiosk, in unix seconds of its own clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KioskReport {
    pub last_seen: Option<i64>,
    pub outbox_pending: u32,
    pub outbox_rejected: u32,
    /// When the oldest waiting answer was answered, as of the last heartbeat.
    pub oldest_pending_at: Option<i64>,
}

impl KioskState {
    /// The state at `now`: `rejects`, else `backlog`, else `silent`, else
    /// `ok`. Backlog comes before silent: a kiosk that went quiet while
    /// holding answers is known to hold them, and they keep ageing
    /// (`oldest_pending_at` is a time, not an age).
    pub fn at(now: i64, report: &KioskReport) -> KioskState {
        let waited_too_long = report.outbox_pending > 0
            && report
                .oldest_pending_at
                .is_some_and(|at| now.saturating_sub(at) > BACKLOG_AFTER_SECONDS);
        let silent = report
            .last_seen
            .is_none_or(|seen| now.saturating_sub(seen) > SILENT_AFTER_SECONDS);
        if report.outbox_rejected > 0 {
            KioskState::Rejects
        } else if waited_too_long {
            KioskState::Backlog
        } else if silent {
            KioskState::Silent
        } else {
            KioskState::Ok
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KioskState::Ok => "ok",
            KioskState::Silent => "silent",
            KioskState::Backlog => "backlog",
            KioskState::Rejects => "rejects",
        }
    }
}

/// An element of `GET /kiosks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    pub id: String,
    pub hospital: String,
    pub department: Option<String>,
    pub name: String,
    pub location: Option<String>,
    pub created_at: String,
    /// When its setup URL was opened; `null` while it waits for that.
    pub set_up_at: Option<String>,
    /// The last heartbeat; `null` before the first.
    pub last_seen: Option<String>,
    pub app_version: Option<String>,
    pub outbox_pending: u32,
    pub outbox_rejected: u32,
    pub last_delivered_at: Option<String>,
    /// When the oldest waiting answer was given, by the server's clock.
    pub oldest_pending_at: Option<String>,
    pub state: KioskState,
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_748_736_000;

    fn report(
        seen_ago: Option<i64>,
        pending: u32,
        rejected: u32,
        oldest_ago: Option<i64>,
    ) -> KioskReport {
        KioskReport {
            last_seen: seen_ago.map(|s| NOW - s),
            outbox_pending: pending,
            outbox_rejected: rejected,
            oldest_pending_at: oldest_ago.map(|s| NOW - s),
        }
    }

    #[test]
    fn states_in_order_of_urgency() {
        assert_eq!(
            KioskState::at(NOW, &report(Some(60), 0, 0, None)),
            KioskState::Ok
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(3601), 0, 0, None)),
            KioskState::Silent
        );
        assert_eq!(
            KioskState::at(NOW, &report(None, 0, 0, None)),
            KioskState::Silent
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(60), 2, 0, Some(1800))),
            KioskState::Ok
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(60), 2, 0, Some(1801))),
            KioskState::Backlog
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(7200), 2, 0, Some(7300))),
            KioskState::Backlog,
            "a silent kiosk known to hold answers"
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(7200), 2, 1, Some(7300))),
            KioskState::Rejects
        );
        assert_eq!(
            KioskState::at(NOW, &report(Some(3600), 0, 0, None)),
            KioskState::Ok
        );
    }

    #[test]
    fn a_heartbeat_reads_without_the_optional_fields() {
        let beat: Heartbeat = serde_json::from_str(
            r#"{"app_version":"0.1.0","outbox_pending":0,"outbox_rejected":0,"last_delivered_at":null}"#,
        )
        .unwrap();
        assert_eq!(beat.oldest_pending_seconds, None);
        assert_eq!(
            serde_json::to_string(&HeartbeatReply {
                state: KioskState::Backlog
            })
            .unwrap(),
            r#"{"state":"backlog"}"#
        );
    }
}
