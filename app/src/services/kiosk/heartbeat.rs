//! What a kiosk tells the server about its outbox (`POST
//! /kiosks/{id}/heartbeat`, docs/formats.md §7), built from the outbox as
//! stored. Pure: the caller passes the clock.

use wire::Heartbeat;

use crate::services::outbox::Outbox;

/// The version of the survey the kiosk runs.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The heartbeat for `outbox` at `now_ms` (milliseconds since the epoch),
/// `last_delivered_at` being when the server last acknowledged an answer;
/// `time_ms` reads an answer's `submitted_at` (the browser's `Date.parse`
/// in the survey). The oldest answer's wait is an age measured on this
/// device's clock, so a kiosk whose clock is wrong still reports it right.
pub fn heartbeat_of(
    outbox: &Outbox,
    now_ms: f64,
    last_delivered_at: Option<String>,
    time_ms: impl Fn(&str) -> Option<f64>,
) -> Heartbeat {
    let oldest_pending_seconds = outbox
        .pending
        .iter()
        .filter_map(|r| time_ms(&r.submitted_at))
        .reduce(f64::min)
        .map(|at| ((now_ms - at) / 1000.0).max(0.0) as u64);
    Heartbeat {
        app_version: APP_VERSION.to_owned(),
        outbox_pending: count(outbox.pending.len()),
        outbox_rejected: count(outbox.kept_aside.len()),
        last_delivered_at,
        oldest_pending_seconds,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoring::timestamp::Timestamp;

    /// Milliseconds since the Unix epoch of an RFC 3339 UTC time.
    fn unix_ms(rfc3339: &str) -> Option<f64> {
        let t = Timestamp::parse(rfc3339).ok()?;
        let seconds = t.date().days_since_epoch() * 86_400
            + i64::from(t.hour()) * 3_600
            + i64::from(t.minute()) * 60
            + i64::from(t.second());
        Some(seconds as f64 * 1000.0)
    }
    use crate::services::outbox::queue::tests::response;
    use crate::services::outbox::SetAsideReason;

    #[test]
    fn reports_counts_and_the_age_of_the_oldest_waiting_answer() {
        let mut outbox = Outbox::default();
        let empty = heartbeat_of(&outbox, 1_700_000_000_000.0, None, unix_ms);
        assert_eq!(
            (
                empty.outbox_pending,
                empty.outbox_rejected,
                empty.oldest_pending_seconds
            ),
            (0, 0, None)
        );
        let mut older = response("a");
        older.submitted_at = "2024-05-03T09:00:00Z".to_owned();
        let mut newer = response("b");
        newer.submitted_at = "2024-05-03T09:20:00Z".to_owned();
        outbox.enqueue(newer);
        outbox.enqueue(older);
        outbox.enqueue(response("c"));
        outbox.set_aside("c", SetAsideReason::Rejected, "invalid");
        // 2024-05-03T09:45:00Z
        let now_ms = unix_ms("2024-05-03T09:45:00Z").unwrap();
        assert_eq!(now_ms, 1_714_729_500_000.0);
        let beat = heartbeat_of(
            &outbox,
            now_ms,
            Some("2024-05-03T08:00:00Z".to_owned()),
            unix_ms,
        );
        assert_eq!(beat.outbox_pending, 2);
        assert_eq!(beat.outbox_rejected, 1);
        assert_eq!(beat.oldest_pending_seconds, Some(45 * 60));
        assert_eq!(
            beat.last_delivered_at.as_deref(),
            Some("2024-05-03T08:00:00Z")
        );
        assert_eq!(beat.app_version, APP_VERSION);
    }

    #[test]
    fn a_device_clock_behind_the_answers_reports_no_negative_wait() {
        let mut outbox = Outbox::default();
        outbox.enqueue(response("a"));
        let at = unix_ms(&outbox.pending[0].submitted_at).unwrap();
        let beat = heartbeat_of(&outbox, at - 60_000.0, None, unix_ms);
        assert_eq!(beat.oldest_pending_seconds, Some(0));
    }
}
