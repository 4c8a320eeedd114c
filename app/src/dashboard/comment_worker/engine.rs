//! The comments worker's core (docs/scoring.md §14–§17, docs/formats.md
//! §8), free of browser APIs so that it is tested natively too. It holds
//! what the scoring worker sends it of the loaded responses
//! ([`CommentInputs`]), analyses each comment once with the same
//! `scoring::comments` functions as `tiyan comments`, and counts the
//! analyses again for each filter: the document's JSON has the CLI's
//! bytes. It lives in a wasm module of its own, loaded on the first
//! comment request, so the lexicons and the matcher are not part of the
//! dashboard's first load (BENCHMARKS.md, "Comment analysis").

use scoring::comments::{
    comments_to_json, CommentAnalysis, CommentOptions, CommentReport, CommentTally, Taxonomy,
};
use scoring::tally::{RespondentRef, ResponseRow};

use crate::dashboard::filters::Filters;
use crate::dashboard::protocol::{
    AnalysedComments, CommentInputs, CommentRow, FromWorker, ToWorker,
};
use crate::dashboard::worker::score_run::period;

/// Where the engine sends its answers.
pub type Sink<'a> = dyn FnMut(FromWorker) + 'a;

#[derive(Default)]
pub struct CommentEngine {
    inputs: CommentInputs,
    /// The analysis of each comment of `inputs`, once made.
    analyses: Vec<Option<CommentAnalysis>>,
    /// The lexicons, compiled on the first request.
    taxonomy: Option<Taxonomy>,
    /// The last analysis and the filters it was made with.
    analysed: Option<(Filters, CommentReport)>,
}

impl CommentEngine {
    pub fn new() -> CommentEngine {
        CommentEngine::default()
    }

    /// Acts on one message, sending any answer to `out`.
    pub fn handle(&mut self, message: ToWorker, out: &mut Sink) {
        match message {
            ToWorker::CommentInputs(inputs) => {
                self.analyses = vec![None; inputs.comments.len()];
                self.inputs = *inputs;
                self.analysed = None;
            }
            ToWorker::AnalyseComments { request, filters } => {
                let outcome = self.analyse(&filters).map(|report| CommentReport {
                    responses: Vec::new(),
                    ..report.clone()
                });
                let theme_names = self
                    .taxonomy
                    .as_ref()
                    .map(|t| t.themes().iter().map(|x| x.names.clone()).collect())
                    .unwrap_or_default();
                let outcome = outcome.map(|report| {
                    Box::new(AnalysedComments {
                        report,
                        theme_names,
                    })
                });
                out(FromWorker::CommentsAnalysed { request, outcome });
            }
            ToWorker::CommentsJson { request } => {
                let outcome = match &self.analysed {
                    Some((_, report)) => Ok(comments_to_json(report)),
                    None => Err("no comment analysis yet".to_owned()),
                };
                out(FromWorker::CommentsJson { request, outcome });
            }
            ToWorker::Comments {
                request,
                filters,
                query,
                theme,
                limit,
            } => {
                let (total, comments) =
                    self.comments(&filters, &query, theme.as_deref(), limit as usize);
                out(FromWorker::Comments {
                    request,
                    total,
                    comments,
                });
            }
            ToWorker::Reset { .. }
            | ToWorker::Chunk { .. }
            | ToWorker::EndSource { .. }
            | ToWorker::Score { .. } => {}
        }
    }

    /// The comment analysis for `filters` (kept for the quotes and the
    /// export): docs/formats.md §8, as `tiyan comments` makes it.
    pub fn analyse(&mut self, filters: &Filters) -> Result<&CommentReport, String> {
        let fresh = self
            .analysed
            .as_ref()
            .is_some_and(|(f, _)| f.same_comment_analysis(filters));
        if !fresh {
            if self.taxonomy.is_none() {
                self.taxonomy = Some(Taxonomy::campaign_v1().map_err(|e| e.to_string())?);
            }
            let taxonomy = self.taxonomy.as_ref().ok_or("no taxonomy")?;
            for (slot, c) in self.analyses.iter_mut().zip(&self.inputs.comments) {
                if slot.is_none() {
                    *slot = Some(taxonomy.analyse(&c.text));
                }
            }
            let report = report(taxonomy, &self.inputs, &self.analyses, filters)?;
            self.analysed = Some((filters.clone(), report));
        }
        self.analysed
            .as_ref()
            .map(|(_, report)| report)
            .ok_or_else(|| "no comment analysis".to_owned())
    }

    /// Masked comments of the analysis with `filters` that carry `theme`
    /// (if given) and contain `query`, newest first: (how many match, the
    /// first `limit`).
    pub fn comments(
        &mut self,
        filters: &Filters,
        query: &str,
        theme: Option<&str>,
        limit: usize,
    ) -> (u64, Vec<CommentRow>) {
        let Ok(report) = self.analyse(filters) else {
            return (0, Vec::new());
        };
        let needle = query.trim().to_lowercase();
        let matching: Vec<_> = report
            .responses
            .iter()
            .rev()
            .filter(|r| theme.is_none_or(|t| r.themes.iter().any(|x| x.id == t)))
            .filter(|r| needle.is_empty() || r.masked_comment.to_lowercase().contains(&needle))
            .collect();
        let total = matching.len() as u64;
        let rows = matching
            .into_iter()
            .take(limit)
            .map(|r| CommentRow {
                date: r.submitted_at.get(..10).unwrap_or("").to_owned(),
                hospital: r.hospital.clone(),
                department: r.department.clone(),
                text: r.masked_comment.clone(),
                themes: r.themes.clone(),
            })
            .collect();
        (total, rows)
    }
}

/// The options of `tiyan comments` for the dashboard's filters.
fn options(filters: &Filters) -> Result<CommentOptions, String> {
    let options = CommentOptions {
        current: period(&filters.current).map_err(|e| e.to_string())?,
        baseline: filters
            .baseline
            .as_ref()
            .map(period)
            .transpose()
            .map_err(|e| e.to_string())?,
        group_by: filters.group_by,
        suppress_below: filters.suppress_below,
        filters: filters.subset.clone(),
    };
    if let Some(baseline) = options.baseline {
        if baseline.overlaps(&options.current) {
            return Err(format!(
                "the baseline {baseline} overlaps the current period {}",
                options.current
            ));
        }
    }
    Ok(options)
}

/// Every response counted, every analysed comment.
fn report(
    taxonomy: &Taxonomy,
    inputs: &CommentInputs,
    analyses: &[Option<CommentAnalysis>],
    filters: &Filters,
) -> Result<CommentReport, String> {
    let mut tally = CommentTally::new(taxonomy, options(filters)?);
    fn name(names: &[String], i: u32) -> &str {
        names.get(i as usize).map_or("", String::as_str)
    }
    let mut timestamp = String::with_capacity(20);
    for key in &inputs.responses {
        timestamp.clear();
        let (year, month) = (key.month.div_euclid(12), key.month.rem_euclid(12) + 1);
        use std::fmt::Write;
        let _ = write!(timestamp, "{year:04}-{month:02}-01T00:00:00Z");
        let row = ResponseRow {
            instrument: &inputs.instrument,
            instrument_version: inputs.instrument_version,
            hospital: name(&inputs.hospitals, key.hospital),
            department: name(&inputs.departments, key.department),
            visit_type: key.visit_type,
            channel: key.channel,
            submitted_at: &timestamp,
            answers: &[],
            respondent: RespondentRef::default(),
        };
        tally.add_response(&row).map_err(|e| e.to_string())?;
    }
    for (c, analysis) in inputs.comments.iter().zip(analyses) {
        let Some(analysis) = analysis else { continue };
        let row = ResponseRow {
            instrument: &inputs.instrument,
            instrument_version: inputs.instrument_version,
            hospital: &c.hospital,
            department: &c.department,
            visit_type: c.visit_type,
            channel: c.channel,
            submitted_at: &c.submitted_at,
            answers: &[],
            respondent: RespondentRef::default(),
        };
        tally
            .add_analysed(taxonomy, &row, &c.id, analysis)
            .map_err(|e| e.to_string())?;
    }
    Ok(tally.report(taxonomy))
}
