//! What the administrator asks for: periods, subsets and report options.
//!
//! Periods are half-open date ranges on `submitted_at` (docs/scoring.md,
//! Notation). The dashboard downloads each date range once; later requests
//! covered by what is loaded are re-scored in the worker without a new
//! download ([`missing_ranges`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use scoring::instrument::VisitType;
use scoring::response::Channel;
use scoring::timestamp::days_in_month;

/// A date range `from` ≤ date < `to`, dates written `YYYY-MM-DD`.
///
/// Dates in that form order as strings do, which is all the range
/// arithmetic needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateRange {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeError {
    BadDate(String),
    Empty { from: String, to: String },
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeError::BadDate(d) => write!(f, "{d:?} is not a date YYYY-MM-DD"),
            RangeError::Empty { from, to } => {
                write!(
                    f,
                    "the range {from} .. {to} is empty: `to` must be after `from`"
                )
            }
        }
    }
}

impl DateRange {
    /// The calendar year: `2024` is 2024-01-01 ≤ t < 2025-01-01.
    pub fn year(year: i32) -> DateRange {
        DateRange {
            from: format!("{year:04}-01-01"),
            to: format!("{:04}-01-01", year + 1),
        }
    }

    /// Checks both dates and that the range is not empty.
    pub fn new(from: &str, to: &str) -> Result<DateRange, RangeError> {
        check_date(from)?;
        check_date(to)?;
        if from >= to {
            return Err(RangeError::Empty {
                from: from.to_owned(),
                to: to.to_owned(),
            });
        }
        Ok(DateRange {
            from: from.to_owned(),
            to: to.to_owned(),
        })
    }

    /// The year when the range is exactly one calendar year.
    pub fn as_year(&self) -> Option<i32> {
        let year: i32 = self.from.strip_suffix("-01-01")?.parse().ok()?;
        (*self == DateRange::year(year)).then_some(year)
    }

    pub fn contains_date(&self, date: &str) -> bool {
        self.from.as_str() <= date && date < self.to.as_str()
    }

    /// How the CLI and the report API name the period: `2024` for a whole
    /// year, `2024-01-01..2024-07-01` otherwise.
    pub fn to_option_string(&self) -> String {
        match self.as_year() {
            Some(year) => year.to_string(),
            None => format!("{}..{}", self.from, self.to),
        }
    }
}

fn check_date(date: &str) -> Result<(), RangeError> {
    let bad = || RangeError::BadDate(date.to_owned());
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(bad());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
    if !(digits(y) && digits(m) && digits(d)) {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    let day: u8 = d.parse().map_err(|_| bad())?;
    if day == 0 || day > days_in_month(year, month) {
        return Err(bad());
    }
    Ok(())
}

/// The parts of `wanted` not covered by `loaded`, in date order. Loaded
/// ranges may overlap each other; the result never overlaps them, so
/// downloading it never counts a response twice.
pub fn missing_ranges(loaded: &[DateRange], wanted: &DateRange) -> Vec<DateRange> {
    let mut covered: Vec<&DateRange> = loaded.iter().collect();
    covered.sort();
    let mut missing = Vec::new();
    let mut cursor = wanted.from.clone();
    for range in covered {
        if range.to <= cursor || range.from >= wanted.to {
            continue;
        }
        if range.from > cursor {
            missing.push(DateRange {
                from: cursor.clone(),
                to: range.from.clone(),
            });
        }
        if range.to > cursor {
            cursor = range.to.clone();
        }
        if cursor >= wanted.to {
            return missing;
        }
    }
    if cursor < wanted.to {
        missing.push(DateRange {
            from: cursor,
            to: wanted.to.clone(),
        });
    }
    missing
}

/// Which respondents' groups the report shows beside `all` (docs/scoring.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupByKey {
    Hospital,
    Department,
    VisitType,
    Channel,
}

impl GroupByKey {
    pub const ALL: [GroupByKey; 4] = [
        GroupByKey::Hospital,
        GroupByKey::Department,
        GroupByKey::VisitType,
        GroupByKey::Channel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupByKey::Hospital => "hospital",
            GroupByKey::Department => "department",
            GroupByKey::VisitType => "visit_type",
            GroupByKey::Channel => "channel",
        }
    }

    pub fn parse(s: &str) -> Option<GroupByKey> {
        GroupByKey::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// Everything that changes the numbers of a report, as chosen in the
/// filter bar. Subset filters are applied to responses before tallying.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Filters {
    pub current: DateRange,
    pub baseline: Option<DateRange>,
    pub hospital: Option<String>,
    pub department: Option<String>,
    pub visit_type: Option<VisitType>,
    pub channel: Option<Channel>,
    pub case_mix: bool,
    pub group_by: Option<GroupByKey>,
    /// Groups with fewer current-period responses show nothing (default 10).
    pub suppress_below: u64,
}

/// docs/scoring.md §7's default suppression threshold.
pub const DEFAULT_SUPPRESS_BELOW: u64 = 10;

impl Filters {
    /// The current year against the year before, everything else off.
    pub fn for_year(year: i32) -> Filters {
        Filters {
            current: DateRange::year(year),
            baseline: Some(DateRange::year(year - 1)),
            hospital: None,
            department: None,
            visit_type: None,
            channel: None,
            case_mix: false,
            group_by: None,
            suppress_below: DEFAULT_SUPPRESS_BELOW,
        }
    }

    /// For a data set spanning `first` to `last` (dates `YYYY-MM-DD`): the
    /// last year in it, against the year before when the data reaches back
    /// that far.
    pub fn for_data(first: &str, last: &str) -> Filters {
        let year_of = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
        match (year_of(first), year_of(last)) {
            (Some(first), Some(last)) => Filters {
                baseline: (first < last).then(|| DateRange::year(last - 1)),
                ..Filters::for_year(last)
            },
            _ => Filters::for_year(2024),
        }
    }

    /// The date ranges whose responses the report needs.
    pub fn ranges(&self) -> Vec<DateRange> {
        let mut ranges = vec![self.current.clone()];
        ranges.extend(self.baseline.clone());
        ranges
    }

    /// Does a response with these attributes pass the subset filters?
    pub fn admits(
        &self,
        hospital: &str,
        department: &str,
        visit_type: VisitType,
        channel: Channel,
    ) -> bool {
        self.hospital.as_deref().is_none_or(|h| h == hospital)
            && self.department.as_deref().is_none_or(|d| d == department)
            && self.visit_type.is_none_or(|v| v == visit_type)
            && self.channel.is_none_or(|c| c == channel)
    }

    /// Name of the download: `tiyan-report-2024-vs-2023`.
    pub fn file_stem(&self) -> String {
        match &self.baseline {
            Some(b) => format!(
                "tiyan-report-{}-vs-{}",
                self.current.to_option_string(),
                b.to_option_string()
            ),
            None => format!("tiyan-report-{}", self.current.to_option_string()),
        }
        .replace("..", "_")
    }
}
