//! Slowing down password guessing.
//!
//! Each username and each client address counts its failed logins. After
//! `free_failures` of them, the key is locked for a delay that doubles with
//! every further failure (`base_delay · 2^(failures − free − 1)`, at most
//! `max_delay`); a login attempted while locked is refused without checking
//! the password. Unknown usernames are counted like known ones, so a lock
//! does not reveal which accounts exist. A key is forgotten after
//! `forget_after` without failures, or when its password is right.
//!
//! Pure: time comes in as a parameter (time since the epoch).

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

/// When to start slowing a key down, and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub free_failures: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub forget_after: Duration,
}

impl ThrottlePolicy {
    /// Per username: a person mistyping gets 5 tries, a guesser ~20 an hour.
    pub const USERNAME: ThrottlePolicy = ThrottlePolicy {
        free_failures: 5,
        base_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(15 * 60),
        forget_after: Duration::from_secs(24 * 60 * 60),
    };
    /// Per address: an office behind one NAT address shares it, so more
    /// room before the delays start.
    pub const ADDRESS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 20,
        base_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(15 * 60),
        forget_after: Duration::from_secs(24 * 60 * 60),
    };

    /// How long a key with `failures` failures stays locked after the last.
    fn delay(&self, failures: u32) -> Duration {
        if failures <= self.free_failures {
            return Duration::ZERO;
        }
        let doublings = (failures - self.free_failures - 1).min(30);
        self.base_delay
            .saturating_mul(1u32 << doublings)
            .min(self.max_delay)
    }
}

/// What failed logins are counted against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ThrottleKey {
    Username(String),
    Address(IpAddr),
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Duration,
}

/// Keys above this many are pruned of forgotten ones, so a flood of random
/// usernames cannot grow memory without bound.
const PRUNE_ABOVE: usize = 50_000;

#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: HashMap<ThrottleKey, Failures>,
}

impl LoginThrottle {
    fn policy(key: &ThrottleKey) -> ThrottlePolicy {
        match key {
            ThrottleKey::Username(_) => ThrottlePolicy::USERNAME,
            ThrottleKey::Address(_) => ThrottlePolicy::ADDRESS,
        }
    }

    /// `Some(wait)` while `key` is locked at `now`.
    pub fn locked_for(&self, key: &ThrottleKey, now: Duration) -> Option<Duration> {
        let policy = Self::policy(key);
        let failures = self.failures.get(key)?;
        let until = failures.last + policy.delay(failures.count);
        until.checked_sub(now).filter(|wait| !wait.is_zero())
    }

    pub fn record_failure(&mut self, key: ThrottleKey, now: Duration) {
        if self.failures.len() > PRUNE_ABOVE {
            self.prune(now);
        }
        let policy = Self::policy(&key);
        let entry = self.failures.entry(key).or_insert(Failures {
            count: 0,
            last: now,
        });
        if now.saturating_sub(entry.last) > policy.forget_after {
            entry.count = 0;
        }
        entry.count = entry.count.saturating_add(1);
        entry.last = now;
    }

    pub fn forget(&mut self, key: &ThrottleKey) {
        self.failures.remove(key);
    }

    fn prune(&mut self, now: Duration) {
        self.failures.retain(|key, failures| {
            now.saturating_sub(failures.last) <= Self::policy(key).forget_after
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str) -> ThrottleKey {
        ThrottleKey::Username(name.into())
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    /// Fails `key` `n` times at `now` and returns how long it is locked.
    fn fail(
        throttle: &mut LoginThrottle,
        key: &ThrottleKey,
        n: u32,
        now: Duration,
    ) -> Option<Duration> {
        for _ in 0..n {
            throttle.record_failure(key.clone(), now);
        }
        throttle.locked_for(key, now)
    }

    #[test]
    fn the_first_failures_are_free_then_delays_double() {
        let mut t = LoginThrottle::default();
        let alice = user("alice");
        assert_eq!(fail(&mut t, &alice, 5, secs(1000)), None);
        assert_eq!(fail(&mut t, &alice, 1, secs(1000)), Some(secs(1)));
        assert_eq!(fail(&mut t, &alice, 1, secs(1000)), Some(secs(2)));
        assert_eq!(fail(&mut t, &alice, 1, secs(1000)), Some(secs(4)));
        assert_eq!(t.locked_for(&alice, secs(1003)), Some(secs(1)));
        assert_eq!(t.locked_for(&alice, secs(1004)), None);
    }

    #[test]
    fn delays_stop_growing_at_the_maximum() {
        let mut t = LoginThrottle::default();
        let alice = user("alice");
        assert_eq!(fail(&mut t, &alice, 60, secs(0)), Some(secs(15 * 60)));
    }

    #[test]
    fn keys_are_independent_and_addresses_have_more_room() {
        let mut t = LoginThrottle::default();
        let address = ThrottleKey::Address("10.0.0.7".parse().unwrap());
        assert!(fail(&mut t, &user("alice"), 6, secs(0)).is_some());
        assert_eq!(t.locked_for(&user("bob"), secs(0)), None);
        assert_eq!(fail(&mut t, &address, 20, secs(0)), None);
        assert_eq!(fail(&mut t, &address, 1, secs(0)), Some(secs(1)));
    }

    #[test]
    fn success_or_a_quiet_day_forgets_the_failures() {
        let mut t = LoginThrottle::default();
        let alice = user("alice");
        fail(&mut t, &alice, 6, secs(0));
        t.forget(&alice);
        assert_eq!(t.locked_for(&alice, secs(0)), None);

        fail(&mut t, &alice, 6, secs(0));
        let next_day = secs(24 * 60 * 60 + 1);
        assert_eq!(fail(&mut t, &alice, 1, next_day), None);
    }
}
