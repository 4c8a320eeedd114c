//! `submitted_at` timestamps and calendar dates (docs/formats.md §2).
//!
//! Periods are half-open date ranges on `submitted_at` in UTC
//! (docs/scoring.md: "a year `2024` means 2024-01-01 ≤ t < 2025-01-01"), so the
//! scoring only needs a timestamp's calendar date and a total order. The
//! parser is strict on purpose: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, UTC only,
//! because an offset like `+08:00` would silently move a response across a
//! month or year boundary if it were read as UTC.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// Why a timestamp or date was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct TimestampError(String);

/// A calendar date (proleptic Gregorian). Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A year and month, the key of monthly trends. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

/// A UTC instant from `submitted_at`, to the nanosecond.
///
/// Field order makes the derived `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str, what: &str) -> Result<u32, TimestampError> {
    let value = s.bytes().try_fold(None, |value: Option<u32>, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        value
            .unwrap_or(0)
            .checked_mul(10)?
            .checked_add(u32::from(digit))
            .map(Some)
    });
    value
        .flatten()
        .ok_or_else(|| TimestampError(format!("{what} {s:?} is not a number")))
}

impl Date {
    /// A date, checked: month 1..=12, day within the month (leap years
    /// included), year 1..=9999 as RFC 3339 allows.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, TimestampError> {
        if !(1..=9999).contains(&year) {
            return Err(TimestampError(format!("year {year} is outside 1..9999")));
        }
        if !(1..=12).contains(&month) {
            return Err(TimestampError(format!("month {month} is outside 1..12")));
        }
        let last = days_in_month(year, month);
        if day < 1 || day > last {
            return Err(TimestampError(format!(
                "day {day} is outside 1..{last} for {year:04}-{month:02}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, TimestampError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(TimestampError(format!("{s:?} is not a date YYYY-MM-DD")));
        }
        let year = digits(&s[0..4], "year")?;
        let month = digits(&s[5..7], "month")?;
        let day = digits(&s[8..10], "day")?;
        // Four, two and two ASCII digits always fit the narrower types.
        Date::new(year as i32, month as u8, day as u8)
    }

    /// January 1st of `year`.
    pub fn first_of_year(year: i32) -> Result<Date, TimestampError> {
        Date::new(year, 1, 1)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }

    /// Days since 1970-01-01 (negative before), Howard Hinnant's
    /// `days_from_civil`; used to spread synthetic data over a year.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`] (Hinnant's
    /// `civil_from_days`). Fails outside years 1..=9999.
    pub fn from_days_since_epoch(days: i64) -> Result<Date, TimestampError> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year)
            .map_err(|_| TimestampError(format!("day {days} is out of range")))?;
        // month is 1..=12 and day 1..=31 by construction.
        Date::new(year, month as u8, day as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Date, TimestampError> {
        Date::parse(s)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Timestamp {
    /// A timestamp from its parts, checked like [`Timestamp::parse`].
    pub fn new(
        date: Date,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
    ) -> Result<Timestamp, TimestampError> {
        if hour > 23 || minute > 59 || second > 59 || nanosecond > 999_999_999 {
            return Err(TimestampError(format!(
                "time {hour:02}:{minute:02}:{second:02} is not a valid time of day"
            )));
        }
        Ok(Timestamp {
            date,
            hour,
            minute,
            second,
            nanosecond,
        })
    }

    /// Parses RFC 3339 in UTC with an upper-case `Z`:
    /// `2024-05-03T09:12:44Z` or `2024-05-03T09:12:44.123Z`.
    /// Offsets other than `Z` and leap seconds are rejected.
    pub fn parse(s: &str) -> Result<Timestamp, TimestampError> {
        if let Some(t) = Timestamp::parse_plain(s) {
            return Ok(t);
        }
        let bad = || TimestampError(format!("{s:?} is not a UTC time like 2024-05-03T09:12:44Z"));
        let b = s.as_bytes();
        if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return Err(bad());
        }
        let Some(rest) = s.get(19..) else {
            return Err(bad());
        };
        let Some(fraction) = rest.strip_suffix('Z') else {
            return Err(bad());
        };
        let date = Date::parse(&s[0..10])?;
        let hour = digits(&s[11..13], "hour")? as u8;
        let minute = digits(&s[14..16], "minute")? as u8;
        let second = digits(&s[17..19], "second")? as u8;
        let nanosecond = if fraction.is_empty() {
            0
        } else {
            let frac = fraction.strip_prefix('.').ok_or_else(bad)?;
            if frac.is_empty() || frac.len() > 9 {
                return Err(bad());
            }
            let value = digits(frac, "fraction of a second")?;
            // Scale "123" to 123_000_000 ns.
            value * 10u32.pow(9 - frac.len() as u32)
        };
        Timestamp::new(date, hour, minute, second, nanosecond)
    }

    /// The usual shape, `YYYY-MM-DDTHH:MM:SSZ`, read at once; `None` for
    /// anything else, which [`Timestamp::parse`] then reads (and words the
    /// errors of) field by field. Accepts exactly what that would accept.
    fn parse_plain(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return None;
        }
        let number = |range: std::ops::Range<usize>| {
            b[range].iter().try_fold(0u32, |n, &c| {
                let digit = c.wrapping_sub(b'0');
                (digit <= 9).then_some(n * 10 + u32::from(digit))
            })
        };
        let date = Date::new(
            number(0..4)? as i32,
            number(5..7)? as u8,
            number(8..10)? as u8,
        )
        .ok()?;
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        Timestamp::new(date, hour as u8, minute as u8, second as u8, 0).ok()
    }

    pub fn date(self) -> Date {
        self.date
    }

    pub fn year(self) -> i32 {
        self.date.year
    }

    pub fn month(self) -> u8 {
        self.date.month
    }

    pub fn day(self) -> u8 {
        self.date.day
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    pub fn second(self) -> u8 {
        self.second
    }

    pub fn nanosecond(self) -> u32 {
        self.nanosecond
    }

    /// The month key for trends.
    pub fn year_month(self) -> YearMonth {
        self.date.year_month()
    }
}

/// The canonical form: seconds, then a fraction only when non-zero
/// (trailing zeros trimmed), then `Z`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        if self.nanosecond != 0 {
            let frac = format!("{:09}", self.nanosecond);
            write!(f, ".{}", frac.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Timestamp, TimestampError> {
        Timestamp::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_parts_of_a_utc_time() {
        let t = Timestamp::parse("2024-05-03T09:12:44Z").unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (2024, 5, 3));
        assert_eq!((t.hour(), t.minute(), t.second()), (9, 12, 44));
        assert_eq!(t.year_month().to_string(), "2024-05");
        assert_eq!(t.to_string(), "2024-05-03T09:12:44Z");
    }

    #[test]
    fn reads_fractions_of_a_second() {
        let t = Timestamp::parse("2024-05-03T09:12:44.25Z").unwrap();
        assert_eq!(t.nanosecond(), 250_000_000);
        assert_eq!(t.to_string(), "2024-05-03T09:12:44.25Z");
    }

    #[test]
    fn rejects_what_is_not_utc_rfc3339() {
        for bad in [
            "",
            "2024-05-03",
            "2024-05-03 09:12:44Z",
            "2024-05-03T09:12:44",
            "2024-05-03T09:12:44+08:00",
            "2024-05-03T09:12:44z",
            "2024-13-03T09:12:44Z",
            "2023-02-29T09:12:44Z",
            "2024-04-31T09:12:44Z",
            "2024-05-03T24:00:00Z",
            "2024-05-03T09:60:00Z",
            "2024-05-03T09:12:60Z",
            "2024-05-03T09:12:44.Z",
            "2024-05-03T09:12:44.1234567891Z",
            "2024-05-0ZT09:12:44Z",
            "+024-05-03T09:12:44Z",
            "２０２４-05-03T09:12:44Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn orders_chronologically_not_by_text() {
        let a = Timestamp::parse("2024-05-03T09:12:44.5Z").unwrap();
        let b = Timestamp::parse("2024-05-03T09:12:44.10Z").unwrap();
        let c = Timestamp::parse("2024-12-31T23:59:59Z").unwrap();
        let d = Timestamp::parse("2025-01-01T00:00:00Z").unwrap();
        assert!(b < a && a < c && c < d);
        assert!(c.date() < Date::first_of_year(2025).unwrap());
        assert!(d.date() >= Date::first_of_year(2025).unwrap());
    }

    #[test]
    fn days_since_epoch_round_trips() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
        for days in [-719_162, -1, 0, 59, 11_016, 19_782, 2_932_896] {
            let d = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig {
            rng_seed: prop::test_runner::RngSeed::Fixed(20_240_503),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Input-derived text never panics the parser, whatever its bytes.
        #[test]
        fn parsing_never_panics(s in "[0-9T:.Z+-é２]{0,30}") {
            let _ = Timestamp::parse(&s);
            let _ = Date::parse(&s);
        }

        /// Every valid timestamp prints back to a form that parses to it.
        #[test]
        fn display_round_trips(days in -700_000i64..2_900_000, secs in 0u32..86_400, nanos in 0u32..1_000_000_000) {
            let date = Date::from_days_since_epoch(days).unwrap();
            let t = Timestamp::new(date, (secs / 3600) as u8, (secs / 60 % 60) as u8, (secs % 60) as u8, nanos).unwrap();
            prop_assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        }
    }
}
