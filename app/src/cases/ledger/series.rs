//! A plan's target month by month, read from the server's monthly
//! reports (docs/formats.md §4): the months around the plan's start, and
//! the target's mean (0–100) in the plan's group of each report.

use serde::Deserialize;
use wire::{Target, TargetScope};

/// Months shown before the plan started.
pub const MONTHS_BEFORE: i32 = 12;
/// Months shown after it started (never past the current month).
pub const MONTHS_AFTER: i32 = 6;

/// The part of a report the series reads.
#[derive(Debug, Clone, Deserialize)]
pub struct MonthReport {
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    pub key: String,
    #[serde(default)]
    pub suppressed: bool,
    #[serde(default)]
    pub items: Vec<Measure>,
    #[serde(default)]
    pub stages: Vec<Measure>,
    #[serde(default)]
    pub index: Option<IndexMeasure>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Measure {
    pub id: String,
    pub n: u64,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct IndexMeasure {
    pub n: u64,
    pub mean: Option<f64>,
}

/// One month of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// `YYYY-MM`.
    pub month: String,
    /// Respondents of the target that month (0 for a suppressed group or
    /// a month without responses).
    pub n: u64,
    /// `None`: nothing to show (suppressed, no answers).
    pub mean: Option<f64>,
}

fn month_parts(date: &str) -> Option<(i32, i32)> {
    let year = date.get(0..4)?.parse().ok()?;
    let month: i32 = date.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

fn month_text(index: i32) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The months from [`MONTHS_BEFORE`] before `started` to [`MONTHS_AFTER`]
/// after it, not past `today`'s month; empty if a date is unreadable.
pub fn months_around(started: &str, today: &str) -> Vec<String> {
    let (Some((sy, sm)), Some((ty, tm))) = (month_parts(started), month_parts(today)) else {
        return Vec::new();
    };
    let start = sy * 12 + sm - 1;
    let last = (start + MONTHS_AFTER).min(ty * 12 + tm - 1);
    (start - MONTHS_BEFORE..=last).map(month_text).collect()
}

/// The group a plan reads: its department's, or `all` for a plan of the
/// whole hospital.
pub fn group_key(department: &str) -> &str {
    if department.is_empty() {
        "all"
    } else {
        department
    }
}

/// The target's respondents and mean in `report`'s group for `department`.
pub fn point(month: &str, report: &MonthReport, department: &str, target: &Target) -> Point {
    let key = group_key(department);
    let empty = Point {
        month: month.to_owned(),
        n: 0,
        mean: None,
    };
    let Some(group) = report.groups.iter().find(|g| g.key == key) else {
        return empty;
    };
    if group.suppressed {
        return empty;
    }
    let found = match target.scope {
        TargetScope::Item => group
            .items
            .iter()
            .find(|m| m.id == target.id)
            .map(|m| (m.n, m.mean)),
        TargetScope::Stage => group
            .stages
            .iter()
            .find(|m| m.id == target.id)
            .map(|m| (m.n, m.mean)),
        TargetScope::Index => group.index.as_ref().map(|m| (m.n, m.mean)),
    };
    match found {
        Some((n, mean)) => Point {
            month: month.to_owned(),
            n,
            mean: mean.filter(|_| n > 0),
        },
        None => empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_around_the_start_up_to_now() {
        let months = months_around("2025-06-14", "2026-12-06");
        assert_eq!(months.first().map(String::as_str), Some("2024-06"));
        assert_eq!(months.last().map(String::as_str), Some("2025-12"));
        assert_eq!(months.len(), 19);
        let recent = months_around("2026-11-01", "2026-12-06");
        assert_eq!(recent.first().map(String::as_str), Some("2025-11"));
        assert_eq!(recent.last().map(String::as_str), Some("2026-12"));
        assert!(months_around("soon", "2026-12-06").is_empty());
    }

    #[test]
    fn reads_the_plans_group_and_target() {
        let report: MonthReport = serde_json::from_str(
            r#"{"instrument":{"id":"pxs-core","version":1},"groups":[
                {"key":"all","suppressed":false,"n":40,
                 "items":[{"id":"outpatient.wait_time","n":30,"mean":61.5}],
                 "stages":[{"id":"outpatient","n":35,"mean":70.0}],
                 "index":{"n":40,"mean":72.25}},
                {"key":"cardiology","suppressed":false,"n":12,
                 "items":[{"id":"outpatient.wait_time","n":11,"mean":55.0}],
                 "stages":[],"index":{"n":12,"mean":null}},
                {"key":"er","suppressed":true}]}"#,
        )
        .unwrap();
        let item = Target {
            scope: TargetScope::Item,
            id: "outpatient.wait_time".to_owned(),
        };
        assert_eq!(
            point("2025-01", &report, "cardiology", &item).mean,
            Some(55.0)
        );
        assert_eq!(point("2025-01", &report, "", &item).mean, Some(61.5));
        let index = Target {
            scope: TargetScope::Index,
            id: "index".to_owned(),
        };
        assert_eq!(point("2025-01", &report, "", &index).n, 40);
        assert_eq!(point("2025-01", &report, "cardiology", &index).mean, None);
        let er = point("2025-01", &report, "er", &item);
        assert_eq!((er.n, er.mean), (0, None));
        assert_eq!(point("2025-01", &report, "icu", &item).mean, None);
    }
}
