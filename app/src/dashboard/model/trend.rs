//! The monthly trend: the experience index and each stage, one point per
//! month (the worker computes the monthly means with `scoring::report::trend`).

use crate::dashboard::i18n::T;
use crate::dashboard::labels::Labels;
use crate::dashboard::protocol::TrendData;

/// Lines of the trend chart, all over the same months.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLines {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// Responses per month.
    pub n: Vec<u64>,
    /// The index first, then the stages in instrument order.
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    pub label: String,
    /// One per month; `None` where the month has no score.
    pub points: Vec<Option<f64>>,
}

/// Lines for the months of `data`; a stage with no score in any month is
/// left out rather than drawn as an empty line.
pub fn trend_lines(data: &TrendData, labels: &Labels) -> TrendLines {
    let months = data.months.iter().map(|m| m.month.clone()).collect();
    let n = data.months.iter().map(|m| m.n).collect();
    let mut series = vec![Series {
        id: "index".to_owned(),
        label: labels.t(T::ExperienceIndex).to_owned(),
        points: data.months.iter().map(|m| m.index).collect(),
    }];
    for stage_id in labels.stage_ids() {
        let points: Vec<Option<f64>> = data
            .months
            .iter()
            .map(|m| {
                m.stages
                    .iter()
                    .find(|(id, _)| id == stage_id)
                    .and_then(|(_, v)| *v)
            })
            .collect();
        if points.iter().any(Option::is_some) {
            series.push(Series {
                id: stage_id.to_owned(),
                label: labels.stage(stage_id),
                points,
            });
        }
    }
    TrendLines { months, n, series }
}
