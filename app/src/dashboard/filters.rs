//! What the administrator asks for: periods, subsets and report options.
//!
//! Periods are half-open date ranges on `submitted_at` (docs/scoring.md,
//! Notation). The dashboard downloads each date range once; later requests
//! covered by what is loaded are re-scored in the worker without a new
//! download ([`missing_ranges`]). The subset and the report options are
//! scoring's own types (`scoring::tally::Filters`, `scoring::report::GroupBy`
//! and its defaults), so the dashboard asks for exactly what `tiyan score`
//! takes.

use std::fmt;

use serde::{Deserialize, Serialize};

use scoring::report::{GroupBy, DEFAULT_SUPPRESS_BELOW};
use scoring::tally::Filters as Subset;
use scoring::timestamp::Date;

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
    Date::parse(date)
        .map(drop)
        .map_err(|_| RangeError::BadDate(date.to_owned()))
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

/// Everything that changes the numbers of a report, as chosen in the
/// filter bar: the periods, the respondents counted (applied before
/// tallying) and the options of `scoring::report::ScoreOptions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub current: DateRange,
    pub baseline: Option<DateRange>,
    /// Hospital, department, visit type, channel (docs/scoring.md §7).
    #[serde(with = "subset_in_order")]
    pub subset: Subset,
    pub case_mix: bool,
    pub group_by: Option<GroupBy>,
    /// Groups with fewer current-period responses show nothing (§7).
    pub suppress_below: u64,
}

impl Filters {
    /// The year against the year before, everything else at scoring's
    /// defaults ([`scoring::report::ScoreOptions::new`]).
    pub fn for_year(year: i32) -> Filters {
        Filters {
            current: DateRange::year(year),
            baseline: Some(DateRange::year(year - 1)),
            subset: Subset::default(),
            case_mix: false,
            group_by: None,
            suppress_below: DEFAULT_SUPPRESS_BELOW,
        }
    }

    /// The periods for a data set spanning `first` to `last` (dates
    /// `YYYY-MM-DD`): the last year in it, against the year before when the
    /// data reaches back that far. `None` when a date is unreadable.
    pub fn periods_for_data(first: &str, last: &str) -> Option<(DateRange, Option<DateRange>)> {
        let year_of = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
        let (first, last) = (year_of(first)?, year_of(last)?);
        Some((
            DateRange::year(last),
            (first < last).then(|| DateRange::year(last - 1)),
        ))
    }

    /// The date ranges whose responses the report needs.
    pub fn ranges(&self) -> Vec<DateRange> {
        let mut ranges = vec![self.current.clone()];
        ranges.extend(self.baseline.clone());
        ranges
    }

    /// Same periods: a report of `other`'s data answers these filters
    /// without a download.
    pub fn same_periods(&self, other: &Filters) -> bool {
        self.current == other.current && self.baseline == other.baseline
    }

    /// Same comment analysis (docs/formats.md §8): everything but case-mix,
    /// which changes no comment count.
    pub fn same_comment_analysis(&self, other: &Filters) -> bool {
        self.same_periods(other)
            && self.subset == other.subset
            && self.group_by == other.group_by
            && self.suppress_below == other.suppress_below
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

/// The subset as a fixed sequence of four options. The page and the worker
/// exchange filters with gloo-worker's bincode codec, which needs every
/// field in place; `scoring::tally::Filters`' own serde form leaves unset
/// fields out (its JSON form in reports, docs/formats.md §4).
mod subset_in_order {
    use scoring::instrument::VisitType;
    use scoring::response::Channel;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Subset;

    type InOrder = (
        Option<String>,
        Option<String>,
        Option<VisitType>,
        Option<Channel>,
    );

    pub(super) fn serialize<S: Serializer>(subset: &Subset, s: S) -> Result<S::Ok, S::Error> {
        (
            &subset.hospital,
            &subset.department,
            &subset.visit_type,
            &subset.channel,
        )
            .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Subset, D::Error> {
        let (hospital, department, visit_type, channel) = InOrder::deserialize(d)?;
        Ok(Subset {
            hospital,
            department,
            visit_type,
            channel,
        })
    }
}
