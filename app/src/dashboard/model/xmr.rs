//! XmR charts of a group over the months (docs/scoring.md §11): which
//! measure's chart to show and, per point, the rules that flag it.

use crate::dashboard::labels::Labels;
use scoring::report::{GroupStats, Rule, Side, SpcChart};

/// One measure's chart slot of a group: the index, then each stage, as
/// the report lists them; `chart` is `None` with fewer than 6 reference
/// points.
#[derive(Debug, Clone, PartialEq)]
pub struct XmrSlot<'a> {
    pub id: String,
    pub label: String,
    pub chart: Option<&'a SpcChart>,
}

/// The group's charts in report order: `spc[0]` is the index and
/// `spc[1..]` follow the group's stages.
pub fn xmr_slots<'a>(stats: &'a GroupStats, labels: &Labels) -> Vec<XmrSlot<'a>> {
    stats
        .spc
        .iter()
        .enumerate()
        .map(|(i, chart)| {
            let (id, label) = if i == 0 {
                (
                    "index".to_owned(),
                    labels.scoped(scoring::report::Scope::Index, ""),
                )
            } else {
                let id = stats
                    .stages
                    .get(i - 1)
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                let label = labels.stage(&id);
                (id, label)
            };
            XmrSlot {
                id,
                label,
                chart: chart.as_ref(),
            }
        })
        .collect()
}

/// For each point of the chart, the rules (and sides) of the signals that
/// list its month, in the report's order of signals.
pub fn point_flags(chart: &SpcChart) -> Vec<Vec<(Rule, Side)>> {
    chart
        .points
        .iter()
        .map(|p| {
            chart
                .signals
                .iter()
                .filter(|s| s.months.contains(&p.month))
                .map(|s| (s.rule, s.side))
                .collect()
        })
        .collect()
}

/// The rules that occur in the chart's signals, each once, in rule order:
/// the legend names only these.
pub fn rules_present(chart: &SpcChart) -> Vec<Rule> {
    let mut rules: Vec<Rule> = chart.signals.iter().map(|s| s.rule).collect();
    rules.sort();
    rules.dedup();
    rules
}
