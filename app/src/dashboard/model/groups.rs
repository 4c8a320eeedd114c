//! Groups side by side (docs/scoring.md §7): `all` first, then each hospital or
//! department. A suppressed group shows no number, only that it has fewer
//! responses than the threshold.

use crate::dashboard::labels::Labels;
use scoring::present::units::{still_needed, unit_row};
use scoring::report::{Report, Scope, UnitRow, Verdict};

use super::Metric;

#[derive(Debug, Clone, PartialEq)]
pub struct GroupsTable {
    /// Stage ids and titles, the columns, in instrument order.
    pub stages: Vec<(String, String)>,
    pub rows: Vec<GroupRow>,
    /// Whether the report compares units (docs/scoring.md §10).
    pub has_units: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GroupRow {
    Shown(ShownGroup),
    /// Fewer current-period responses than the suppression threshold.
    Suppressed {
        key: String,
    },
}

impl GroupRow {
    pub fn key(&self) -> &str {
        match self {
            GroupRow::Shown(g) => &g.key,
            GroupRow::Suppressed { key } => key,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShownGroup {
    pub key: String,
    pub n: u64,
    pub index: Metric,
    pub nps: Option<f64>,
    /// One cell per column of [`GroupsTable::stages`]; `None` where the
    /// group has no score for that stage (e.g. no emergency visits).
    pub stages: Vec<Option<Metric>>,
    pub index_verdict: Option<Verdict>,
    /// The group as a unit on the index against the rest: band, verdict
    /// and reliability (docs/scoring.md §10); `None` for `all` and
    /// without units.
    pub unit: Option<Box<UnitRow>>,
    /// Responses the unit still needs to reach the reliability target on
    /// the index (docs/scoring.md §10.3).
    pub still_needed: Option<u64>,
}

/// All groups of the report, `all` first, the others by key.
pub fn groups_table(report: &Report, labels: &Labels) -> GroupsTable {
    let stages: Vec<(String, String)> = labels
        .stage_ids()
        .map(|id| (id.to_owned(), labels.stage(id)))
        .collect();
    let index_units = report
        .units
        .as_ref()
        .and_then(|u| u.measures.iter().find(|m| m.scope == Scope::Index));
    let mut rows: Vec<GroupRow> = report
        .groups
        .iter()
        .map(|g| {
            let Some(stats) = &g.stats else {
                return GroupRow::Suppressed { key: g.key.clone() };
            };
            let unit = index_units.and_then(|m| unit_row(m, &g.key));
            GroupRow::Shown(ShownGroup {
                key: g.key.clone(),
                n: stats.n,
                index: Metric::from(&stats.index),
                nps: stats.nps.score,
                stages: stages
                    .iter()
                    .map(|(id, _)| stats.stage(id).map(Metric::from))
                    .collect(),
                index_verdict: stats.index_comparison().map(|c| c.verdict),
                unit: unit.map(|u| Box::new(u.clone())),
                still_needed: index_units.zip(unit).and_then(|(m, u)| still_needed(m, u)),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.key() != "all")
            .cmp(&(b.key() != "all"))
            .then_with(|| a.key().cmp(b.key()))
    });
    GroupsTable {
        stages,
        rows,
        has_units: index_units.is_some(),
    }
}
