//! Capped exponential backoff with jitter.

/// How long to wait after consecutive failed deliveries.
///
/// The n-th consecutive failure waits `min(cap, base · 2ⁿ⁻¹)` scaled by a
/// jitter between 50 % and 100 % ("equal jitter"): kiosks that lost the
/// network together do not all retry in the same second when it returns,
/// yet no retry comes sooner than half the nominal delay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backoff {
    /// Nominal delay after the first failure, in milliseconds.
    pub base_ms: u64,
    /// Largest nominal delay, in milliseconds.
    pub cap_ms: u64,
    failures: u32,
}

impl Default for Backoff {
    /// 2 s after the first failure, doubling up to 5 minutes.
    fn default() -> Self {
        Backoff::new(2_000, 300_000)
    }
}

impl Backoff {
    pub fn new(base_ms: u64, cap_ms: u64) -> Self {
        Backoff {
            base_ms,
            cap_ms,
            failures: 0,
        }
    }

    /// Consecutive failures since the last success.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Record a failed attempt.
    pub fn fail(&mut self) {
        self.failures = self.failures.saturating_add(1);
    }

    /// Record a successful exchange: the next failure starts from `base` again.
    pub fn reset(&mut self) {
        self.failures = 0;
    }

    /// The nominal (un-jittered) delay for the current failure count; 0 when
    /// nothing has failed.
    pub fn nominal_ms(&self) -> u64 {
        if self.failures == 0 {
            return 0;
        }
        let doublings = self.failures - 1;
        let factor = 1u64.checked_shl(doublings).unwrap_or(u64::MAX);
        self.base_ms.saturating_mul(factor).min(self.cap_ms)
    }

    /// The delay to wait now. `jitter` is a uniform random number in
    /// `[0, 1)` (taken as a parameter so that this stays pure); values
    /// outside are clamped.
    pub fn delay_ms(&self, jitter: f64) -> u64 {
        let nominal = self.nominal_ms();
        let half = nominal / 2;
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        // `half as f64` is exact for any delay below 2^53 ms.
        half + ((nominal - half) as f64 * jitter) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after_failures(n: u32) -> Backoff {
        let mut b = Backoff::new(1_000, 60_000);
        for _ in 0..n {
            b.fail();
        }
        b
    }

    #[test]
    fn nominal_delay_doubles_then_stops_at_the_cap() {
        let nominal: Vec<u64> = (0..9).map(|n| after_failures(n).nominal_ms()).collect();
        assert_eq!(
            nominal,
            [0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]
        );
        assert_eq!(after_failures(200).nominal_ms(), 60_000);
    }

    #[test]
    fn jitter_spreads_the_delay_between_half_and_all_of_it() {
        let b = after_failures(3); // nominal 4 s
        assert_eq!(b.delay_ms(0.0), 2_000);
        assert_eq!(b.delay_ms(0.5), 3_000);
        assert_eq!(b.delay_ms(0.999_999), 3_999);
        assert_eq!(b.delay_ms(7.0), 4_000);
        assert_eq!(b.delay_ms(-1.0), 2_000);
        assert_eq!(b.delay_ms(f64::NAN), 2_000);
    }

    #[test]
    fn success_starts_over_from_the_base() {
        let mut b = after_failures(5);
        b.reset();
        assert_eq!(b.delay_ms(0.0), 0);
        b.fail();
        assert_eq!(b.nominal_ms(), 1_000);
    }
}
