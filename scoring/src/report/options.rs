//! What a report is asked for: periods, grouping, case-mix, thresholds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::tally::{month_key, year_month, Dimension};
use crate::timestamp::{Date, YearMonth};

/// Default suppression threshold (docs/scoring.md §7).
pub const DEFAULT_SUPPRESS_BELOW: u64 = 10;
/// Default minimum n on each side of a comparison (docs/scoring.md §5).
pub const DEFAULT_MIN_COMPARE: u64 = 30;
/// Default smallest difference called better or worse (docs/scoring.md §10.1).
pub const DEFAULT_MIN_DIFFERENCE: f64 = 3.0;
/// Default reliability a unit must reach (docs/scoring.md §10.3).
pub const DEFAULT_TARGET_RELIABILITY: f64 = 0.7;

/// Every option that changes a number of the report. No hidden defaults:
/// [`ScoreOptions::new`] spells out docs/scoring.md's.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreOptions {
    pub current: Period,
    pub baseline: Option<Period>,
    pub group_by: Option<GroupBy>,
    /// docs/scoring.md §6, off by default.
    pub case_mix: bool,
    /// Groups with fewer current-period responses are suppressed (§7).
    pub suppress_below: u64,
    /// Comparisons with fewer on either side are `insufficient` (§5).
    pub min_compare: u64,
    /// Units against the rest closer than this are `as_expected` (§10.1);
    /// finite and ≥ 0 (the caller checks).
    pub min_difference: f64,
    /// A unit is `reliable` from this reliability on (§10.3); in (0, 1).
    pub target_reliability: f64,
}

impl ScoreOptions {
    /// `current` with docs/scoring.md's defaults: no baseline, no grouping, no
    /// case-mix, suppression below 10, comparisons from 30, a minimum
    /// difference of 3 points and a target reliability of 0.7.
    pub fn new(current: Period) -> ScoreOptions {
        ScoreOptions {
            current,
            baseline: None,
            group_by: None,
            case_mix: false,
            suppress_below: DEFAULT_SUPPRESS_BELOW,
            min_compare: DEFAULT_MIN_COMPARE,
            min_difference: DEFAULT_MIN_DIFFERENCE,
            target_reliability: DEFAULT_TARGET_RELIABILITY,
        }
    }
}

/// Why a period could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("period {input:?}: {reason} (use 2024, 2024-03 or 2024-01..2024-07)")]
pub struct PeriodError {
    input: String,
    reason: String,
}

/// A half-open range of whole months on `submitted_at` (UTC):
/// `from ≤ t < to`. Periods are whole months because tallies are monthly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// Month keys (`year·12 + month − 1`), `from < to`.
    from: i32,
    to: i32,
}

impl Period {
    /// The calendar year: `year-01-01 ≤ t < (year+1)-01-01`.
    pub fn year(year: i32) -> Period {
        Period {
            from: year * 12,
            to: (year + 1) * 12,
        }
    }

    /// Months `from` (included) to `to` (excluded).
    pub fn months(from: YearMonth, to: YearMonth) -> Result<Period, PeriodError> {
        let (f, t) = (month_key(from), month_key(to));
        if f >= t {
            return Err(PeriodError {
                input: format!("{from}..{to}"),
                reason: "the end must come after the start".to_string(),
            });
        }
        Ok(Period { from: f, to: t })
    }

    /// Reads `2024` (a year), `2024-03` (a month) or `A..B` with `A`, `B`
    /// each `YYYY` or `YYYY-MM`, `B` excluded (`2024-01..2024-07` is the
    /// first half of 2024; `2023..2025` is 2023 and 2024).
    pub fn parse(input: &str) -> Result<Period, PeriodError> {
        let err = |reason: &str| PeriodError {
            input: input.to_string(),
            reason: reason.to_string(),
        };
        let s = input.trim();
        if let Some((a, b)) = s.split_once("..") {
            let from = boundary(a).ok_or_else(|| err("the start is not YYYY or YYYY-MM"))?;
            let to = boundary(b).ok_or_else(|| err("the end is not YYYY or YYYY-MM"))?;
            if from >= to {
                return Err(err("the end must come after the start"));
            }
            return Period::within_dates(from, to).ok_or_else(|| err(ENDS_TOO_LATE));
        }
        if s.len() == 4 {
            let year = boundary(s).ok_or_else(|| err("not a year"))?;
            return Period::within_dates(year, year + 12).ok_or_else(|| err(ENDS_TOO_LATE));
        }
        let month = boundary(s).ok_or_else(|| err("not a year or a month"))?;
        Period::within_dates(month, month + 1).ok_or_else(|| err(ENDS_TOO_LATE))
    }

    /// The period, if its first excluded month still has a date
    /// (`submitted_at` ends at 9999-12-31, docs/formats.md §2): the year
    /// 9999 as a whole has no end date to compare with, so it is refused
    /// rather than read past the calendar.
    fn within_dates(from: i32, to: i32) -> Option<Period> {
        (to <= LAST_MONTH_KEY).then_some(Period { from, to })
    }

    /// First month included.
    pub fn start(&self) -> YearMonth {
        year_month(self.from)
    }

    /// First month excluded.
    pub fn end(&self) -> YearMonth {
        year_month(self.to)
    }

    /// `YYYY-MM-01` of the first month included.
    pub fn from_date(&self) -> String {
        format!("{}-01", self.start())
    }

    /// `YYYY-MM-01` of the first month excluded.
    pub fn to_date(&self) -> String {
        format!("{}-01", self.end())
    }

    /// Month keys of the first month included and the first excluded.
    pub(crate) fn month_keys(&self) -> (i32, i32) {
        (self.from, self.to)
    }

    pub(crate) fn contains(&self, month: i32) -> bool {
        self.from <= month && month < self.to
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.from < other.to && other.from < self.to
    }
}

/// Why a period that includes December 9999 (whose end, 10000-01-01, no
/// date names) is refused.
const ENDS_TOO_LATE: &str =
    "it must end by 9999-11 (a period's end is a date, and dates stop at 9999)";

/// The month key of 9999-12: the first month a period may exclude, at the
/// latest.
const LAST_MONTH_KEY: i32 = 9999 * 12 + 11;

/// `YYYY` (January of that year) or `YYYY-MM` as a month key.
fn boundary(s: &str) -> Option<i32> {
    let s = s.trim();
    let date = match s.len() {
        4 => Date::parse(&format!("{s}-01-01")).ok()?,
        7 => Date::parse(&format!("{s}-01")).ok()?,
        _ => return None,
    };
    Some(month_key(date.year_month()))
}

/// The canonical text: `2024`, `2024-03` or `2024-01..2024-07`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (start, end) = (self.start(), self.end());
        if start.month == 1 && self.to - self.from == 12 {
            write!(f, "{:04}", start.year)
        } else if self.to - self.from == 1 {
            write!(f, "{start}")
        } else {
            write!(f, "{start}..{end}")
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        Period::parse(s)
    }
}

/// `--group-by` (docs/scoring.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Hospital,
    Department,
    VisitType,
    Channel,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [
        GroupBy::Hospital,
        GroupBy::Department,
        GroupBy::VisitType,
        GroupBy::Channel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Hospital => "hospital",
            GroupBy::Department => "department",
            GroupBy::VisitType => "visit_type",
            GroupBy::Channel => "channel",
        }
    }

    pub fn parse(s: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str() == s)
    }

    pub(crate) fn dimension(self) -> Dimension {
        match self {
            GroupBy::Hospital => Dimension::Hospital,
            GroupBy::Department => Dimension::Department,
            GroupBy::VisitType => Dimension::VisitType,
            GroupBy::Channel => Dimension::Channel,
        }
    }
}

impl fmt::Display for GroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a `--group-by` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("group by {0:?}: use hospital, department, visit_type or channel")]
pub struct GroupByError(String);

impl FromStr for GroupBy {
    type Err = GroupByError;
    fn from_str(s: &str) -> Result<GroupBy, GroupByError> {
        GroupBy::parse(s).ok_or_else(|| GroupByError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, from: &str, to: &str, canonical: &str) {
        let p = Period::parse(input).unwrap();
        assert_eq!(
            (p.from_date().as_str(), p.to_date().as_str()),
            (from, to),
            "{input}"
        );
        assert_eq!(p.to_string(), canonical);
        assert_eq!(Period::parse(canonical).unwrap(), p);
    }

    #[test]
    fn periods_are_half_open_ranges_of_months() {
        check("2024", "2024-01-01", "2025-01-01", "2024");
        check("2024-03", "2024-03-01", "2024-04-01", "2024-03");
        check(
            "2024-01..2024-07",
            "2024-01-01",
            "2024-07-01",
            "2024-01..2024-07",
        );
        check("2023..2025", "2023-01-01", "2025-01-01", "2023-01..2025-01");
        check("2024-12..2025-01", "2024-12-01", "2025-01-01", "2024-12");
        assert_eq!(Period::year(2024), Period::parse("2024").unwrap());
    }

    #[test]
    fn refuses_what_is_not_a_range_of_months() {
        for bad in [
            "",
            "24",
            "2024-13",
            "2024-07..2024-01",
            "2024-01-01..2024-02-01",
            "2024..2024",
            "9999",
            "9999-12",
            "0000",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?}");
        }
        let last = Period::parse("9999-11").unwrap();
        assert_eq!(last.to_date(), "9999-12-01");
        let range = Period::parse("9998..9999-12").unwrap();
        assert_eq!(range.to_date(), "9999-12-01");
    }

    #[test]
    fn overlap_is_any_shared_month() {
        let y23 = Period::year(2023);
        assert!(!y23.overlaps(&Period::year(2024)));
        assert!(y23.overlaps(&Period::parse("2023-12..2024-02").unwrap()));
    }
}
