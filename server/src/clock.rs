//! Time as a parameter: session expiry and login throttling read the clock
//! through [`Clock`], so tests move time forward instead of sleeping.

use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub trait Clock: Send + Sync + Debug {
    /// Time since 1970-01-01T00:00:00Z.
    fn now(&self) -> Duration;

    /// Whole seconds since the epoch, as stored in the database.
    fn unix_seconds(&self) -> i64 {
        i64::try_from(self.now().as_secs()).unwrap_or(i64::MAX)
    }
}

/// The operating system's wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        // A clock set before 1970 reads as 1970: sessions then expire early
        // rather than never.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
    }
}

/// A clock that moves only when told to (for tests).
#[derive(Debug, Default)]
pub struct ManualClock {
    millis: AtomicU64,
}

impl ManualClock {
    pub fn at(since_epoch: Duration) -> ManualClock {
        let clock = ManualClock::default();
        clock.set(since_epoch);
        clock
    }

    pub fn set(&self, since_epoch: Duration) {
        let millis = u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX);
        self.millis.store(millis, Ordering::SeqCst);
    }

    pub fn advance(&self, by: Duration) {
        let millis = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.millis.fetch_add(millis, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_millis(self.millis.load(Ordering::SeqCst))
    }
}

/// `2025-06-01T00:00:00Z`: how the API writes an instant (UTC, RFC 3339,
/// whole seconds). Out-of-range values read as the epoch.
pub fn rfc3339(unix_seconds: i64) -> String {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// `2025-06-01`: the UTC day of an instant.
pub fn utc_date(unix_seconds: i64) -> String {
    rfc3339(unix_seconds)
        .split('T')
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_in_utc_with_a_z() {
        assert_eq!(rfc3339(1_748_736_000), "2025-06-01T00:00:00Z");
        assert_eq!(
            rfc3339(1_748_736_000 + 3 * 3600 + 5),
            "2025-06-01T03:00:05Z"
        );
        assert_eq!(utc_date(1_748_736_000 + 86_399), "2025-06-01");
    }
}
