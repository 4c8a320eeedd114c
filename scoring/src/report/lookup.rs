//! Finding one part of a report by its id, as every reader of a report
//! (the CLI's renderers, the dashboard's views) does.

use super::model::{Comparison, Driver, Group, GroupStats, ItemStats, Report, Scope, StageStats};

/// The id of the index in comparisons and case-mix models.
pub const INDEX_ID: &str = "index";

impl Report {
    /// The group with this key (`all` is always there).
    pub fn group(&self, key: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// Whether a baseline period was compared with (docs/scoring.md §5).
    pub fn has_baseline(&self) -> bool {
        self.periods.baseline.is_some()
    }
}

impl GroupStats {
    pub fn item(&self, id: &str) -> Option<&ItemStats> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn stage(&self, id: &str) -> Option<&StageStats> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn driver(&self, id: &str) -> Option<&Driver> {
        self.drivers.iter().find(|d| d.id == id)
    }

    /// The comparison with the baseline of the index ([`INDEX_ID`]), a
    /// stage or an item, if there is one.
    pub fn comparison(&self, scope: Scope, id: &str) -> Option<&Comparison> {
        self.comparisons
            .iter()
            .find(|c| c.scope == scope && c.id == id)
    }

    /// The comparison of the index with the baseline.
    pub fn index_comparison(&self) -> Option<&Comparison> {
        self.comparison(Scope::Index, INDEX_ID)
    }
}
