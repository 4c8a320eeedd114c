//! One stage in detail: its score and Cronbach's α (docs/scoring.md §2), and for
//! each of its items the score and the distribution of answers.

use scoring::instrument::Scale;

use crate::dashboard::labels::Labels;
use scoring::present::rows::item_rows;
use scoring::report::{Group, ItemStats, Scope};

use super::{Change, Metric};

#[derive(Debug, Clone, PartialEq)]
pub struct StageDetail {
    pub id: String,
    pub title: String,
    pub metric: Metric,
    pub alpha: Option<f64>,
    pub change: Option<Change>,
    pub items: Vec<ItemDetail>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemDetail {
    pub id: String,
    pub label: String,
    pub metric: Metric,
    pub top_box: Option<f64>,
    pub change: Option<Change>,
    pub scale: Scale,
    pub reverse: bool,
    /// Answers per scale value, lowest value first, every value present.
    pub distribution: Vec<Segment>,
    /// "Not applicable" answers, shown beside the distribution.
    pub n_na: u64,
}

/// One value of the scale with its count and share of the valid answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub value: i64,
    pub count: u64,
    pub share: f64,
}

/// Shapes `stage_id` of `group`; `None` if the group is suppressed or the
/// stage is not in the report.
pub fn stage_detail(group: &Group, stage_id: &str, labels: &Labels) -> Option<StageDetail> {
    let group = group.stats.as_ref()?;
    let stage = group.stage(stage_id)?;
    let items = item_rows(group)
        .filter_map(|row| {
            let item = row.item;
            let info = labels.item_info(&item.id)?;
            (info.stage.as_deref() == Some(stage_id)).then(|| ItemDetail {
                id: item.id.clone(),
                label: info.text.clone(),
                metric: Metric::from(item),
                top_box: item.top_box,
                change: row.comparison.map(Change::from),
                scale: info.scale,
                reverse: info.reverse,
                distribution: distribution(item, info.scale),
                n_na: item.n_na,
            })
        })
        .collect();
    Some(StageDetail {
        id: stage.id.clone(),
        title: labels.stage(&stage.id),
        metric: Metric::from(stage),
        alpha: stage.alpha,
        change: group.comparison(Scope::Stage, stage_id).map(Change::from),
        items,
    })
}

/// Counts of every scale value, in scale order, with shares of the total.
/// A value nobody chose is present with count 0, so bars line up.
pub fn distribution(item: &ItemStats, scale: Scale) -> Vec<Segment> {
    let counts: Vec<(i64, u64)> = scale.values().map(|v| (v, item.counts.of(v))).collect();
    let total: u64 = counts.iter().map(|(_, c)| c).sum();
    counts
        .into_iter()
        .map(|(value, count)| Segment {
            value,
            count,
            share: if total == 0 {
                0.0
            } else {
                count as f64 / total as f64
            },
        })
        .collect()
}
