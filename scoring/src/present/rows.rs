//! The rows of a group's stage and item tables: each statistic beside its
//! comparison with the baseline (docs/scoring.md §5) and, for an item, its
//! key-driver result (§4). The CLI's Markdown and HTML tables and the
//! dashboard's overview and stage views lay out these rows.

use crate::report::{Comparison, Driver, GroupStats, ItemStats, Scope, StageStats};

/// A stage, in report (instrument) order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageRow<'a> {
    pub stage: &'a StageStats,
    /// `None` without a baseline.
    pub comparison: Option<&'a Comparison>,
}

/// An item, in report (instrument) order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemRow<'a> {
    pub item: &'a ItemStats,
    /// `None` without a baseline.
    pub comparison: Option<&'a Comparison>,
    /// `None` for an item that is not a driver (the overall rating itself).
    pub driver: Option<&'a Driver>,
}

pub fn stage_rows(stats: &GroupStats) -> impl Iterator<Item = StageRow<'_>> {
    stats.stages.iter().map(move |stage| StageRow {
        stage,
        comparison: stats.comparison(Scope::Stage, &stage.id),
    })
}

pub fn item_rows(stats: &GroupStats) -> impl Iterator<Item = ItemRow<'_>> {
    stats.items.iter().map(move |item| ItemRow {
        item,
        comparison: stats.comparison(Scope::Item, &item.id),
        driver: stats.driver(&item.id),
    })
}
