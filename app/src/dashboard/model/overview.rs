//! The overview: experience index, NPS and every stage's score with its
//! change since the baseline, for one group of the report.

use crate::dashboard::labels::Labels;
use scoring::present::rows::stage_rows;
use scoring::report::Group;

use super::{Change, Metric};

#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Responses in the current period.
    pub n: u64,
    pub index: Metric,
    /// `None` when no baseline was chosen.
    pub index_change: Option<Change>,
    pub nps: Option<NpsView>,
    pub stages: Vec<StageRow>,
}

/// NPS parts as fractions, score on −100..100 (docs/scoring.md §3).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NpsView {
    pub n: u64,
    pub score: Option<f64>,
    pub promoters: Option<f64>,
    pub detractors: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub id: String,
    pub title: String,
    pub metric: Metric,
    pub alpha: Option<f64>,
    pub change: Option<Change>,
}

/// Shapes the overview of `group`; `None` for a suppressed group, which
/// must show no statistic at all (docs/scoring.md §7).
pub fn overview(group: &Group, labels: &Labels) -> Option<Overview> {
    let group = group.stats.as_ref()?;
    let stages = stage_rows(group)
        .map(|row| StageRow {
            id: row.stage.id.clone(),
            title: labels.stage(&row.stage.id),
            metric: Metric::from(row.stage),
            alpha: row.stage.alpha,
            change: row.comparison.map(Change::from),
        })
        .collect();
    Some(Overview {
        n: group.n,
        index: Metric::from(&group.index),
        index_change: group.index_comparison().map(Change::from),
        nps: Some(NpsView {
            n: group.nps.n,
            score: group.nps.score,
            promoters: group.nps.promoters,
            detractors: group.nps.detractors,
        }),
        stages,
    })
}
