//! The scoring worker's core, free of any browser API so that it runs and
//! is tested natively as well as inside the web worker.
//!
//! It receives export text in pieces, parses and validates each source
//! with `scoring::input::read_rows` (the fast path `tiyan score` reads
//! with: records by position, no allocation per record), counts the valid
//! responses into a `scoring::tally::Tally` through a `TallyBuilder`
//! (integer sufficient statistics, docs/scoring.md §8),
//! and scores on request with `scoring::report::score`. A tally is made of
//! single-dimension cells, so a report restricted to a hospital,
//! department, visit type or channel needs a tally made with that filter
//! (the report then records it in its options): the engine keeps every
//! counted response packed in a [`RowStore`] and tallies it again from
//! there — never downloading or parsing the text twice. Periods, grouping,
//! case-mix and suppression only change the scoring, which reads the same
//! tally.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use scoring::input::{read_rows, InputFormat, Record, RecordError, ValidRecord};
use scoring::instrument::Instrument;
use scoring::tally::{Filters as TallyFilters, Tally, TallyBuilder};

use super::pieces::{head, total_len, PiecesReader};
use super::row_store::{month_key, RowStore};
use super::score_run::{score_report, ScoreFailure};
use crate::dashboard::filters::Filters;
use crate::dashboard::protocol::{
    CommentInput, CommentInputs, Facets, FromWorker, Phase, Progress, Scored, SourceId, ToWorker,
};

/// Records between two progress messages: frequent enough for a smooth
/// bar, rare enough that posting costs nothing measurable.
pub const PROGRESS_EVERY: u64 = 20_000;

/// Errors listed per source; the rest are only counted.
const FIRST_ERRORS: usize = 20;

/// Where the engine sends its messages (the worker posts them to the page).
pub type Sink<'a> = dyn FnMut(FromWorker) + 'a;

#[derive(Default)]
pub struct Engine {
    instrument: Option<Instrument>,
    /// Sources still arriving.
    incoming: BTreeMap<SourceId, Vec<String>>,
    /// Every counted response, for tallies with other subset filters.
    rows: Option<RowStore>,
    /// Tallies by filter; the unfiltered one is made while parsing, the
    /// others on demand.
    tallies: Vec<(TallyFilters, Tally)>,
    /// Non-empty comments, as the comments worker needs them.
    comments: Vec<CommentInput>,
    /// The comments worker has the responses loaded so far.
    comments_sent: bool,
    hospitals: BTreeSet<String>,
    /// Hospital → its departments.
    departments: BTreeMap<String, BTreeSet<String>>,
    first_date: Option<String>,
    last_date: Option<String>,
    /// Invalid records left out so far, reported as `skipped_invalid`.
    skipped_invalid: u64,
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Acts on one message, sending any answer to `out`.
    pub fn handle(&mut self, message: ToWorker, out: &mut Sink) {
        match message {
            ToWorker::Reset { instrument_json } => {
                *self = Engine::default();
                match serde_json::from_str::<Instrument>(&instrument_json) {
                    Ok(instrument) => {
                        self.rows = Some(RowStore::new(&instrument));
                        self.instrument = Some(instrument);
                    }
                    Err(e) => out(FromWorker::Failed {
                        message: format!("the instrument does not parse: {e}"),
                    }),
                }
            }
            ToWorker::Chunk { source, text } => {
                self.incoming.entry(source).or_default().push(text);
            }
            ToWorker::EndSource {
                source,
                total_bytes: _,
            } => {
                let pieces = self.incoming.remove(&source).unwrap_or_default();
                self.end_source(source, pieces, out);
            }
            ToWorker::Score { request, filters } => {
                let outcome = self.score(&filters, out).map_err(|e| e.to_string());
                out(FromWorker::Scored { request, outcome });
            }
            // Answered by the comments worker: `serve` sends them there with
            // `comment_messages`.
            ToWorker::AnalyseComments { .. }
            | ToWorker::CommentsJson { .. }
            | ToWorker::Comments { .. }
            | ToWorker::CommentInputs(_) => {}
        }
    }

    fn end_source(&mut self, source: SourceId, pieces: Vec<String>, out: &mut Sink) {
        let Some(instrument) = self.instrument.clone() else {
            out(FromWorker::Failed {
                message: "no instrument: reset the worker first".to_owned(),
            });
            return;
        };
        // A new source changes every filtered tally; they are rebuilt on
        // demand. The unfiltered tally is extended in place. The comments
        // worker is sent the responses again with its next request.
        self.tallies.retain(|(f, _)| f.is_empty());
        self.comments_sent = false;
        let tally = match self.tallies.pop() {
            Some((_, t)) => t,
            None => match Tally::new(&instrument) {
                Ok(t) => t,
                Err(e) => {
                    out(FromWorker::Failed {
                        message: e.to_string(),
                    });
                    return;
                }
            },
        };
        let mut rows = self
            .rows
            .take()
            .unwrap_or_else(|| RowStore::new(&instrument));
        let mut builder = TallyBuilder::new(tally);
        let mut accepted = 0u64;
        let mut rejected = Rejections::default();
        read_source(&pieces, &instrument, out, |record| match record {
            Record::Valid(valid) => match builder.add_row(&valid.row) {
                Ok(_) => {
                    accepted += 1;
                    // A response the tally took has a valid month and
                    // values the store can pack.
                    let month = month_key(valid.row.submitted_at).unwrap_or_default();
                    if let Err(e) = rows.push(&valid.row, month) {
                        rejected.add_tally_error(valid.id, &format!("could not keep {}", e.0));
                    }
                    self.note(&valid);
                }
                Err(e) => rejected.add_tally_error(valid.id, &e.to_string()),
            },
            Record::Invalid(errors) | Record::Unreadable(errors) => rejected.add(&errors),
        });
        // The text is not needed any more: the store has what tallies use.
        drop(pieces);
        let tally = match builder.finish() {
            Ok(tally) => tally,
            Err(e) => {
                out(FromWorker::Failed {
                    message: e.to_string(),
                });
                return;
            }
        };
        self.rows = Some(rows);
        self.tallies.push((TallyFilters::default(), tally));
        self.skipped_invalid += rejected.records;
        out(FromWorker::SourceDone {
            source,
            accepted,
            rejected: rejected.records,
            first_errors: rejected.first,
            facets: self.facets(),
        });
    }

    /// Keeps what the menus and the comment list need of a counted response.
    fn note(&mut self, record: &ValidRecord<'_>) {
        let row = &record.row;
        let date = row.submitted_at.get(..10).unwrap_or("");
        if self.first_date.as_deref().is_none_or(|d| date < d) {
            self.first_date = Some(date.to_owned());
        }
        if self.last_date.as_deref().is_none_or(|d| date > d) {
            self.last_date = Some(date.to_owned());
        }
        if !self.hospitals.contains(row.hospital) {
            self.hospitals.insert(row.hospital.to_owned());
        }
        match self.departments.get_mut(row.hospital) {
            Some(departments) => {
                if !departments.contains(row.department) {
                    departments.insert(row.department.to_owned());
                }
            }
            None => {
                self.departments.insert(
                    row.hospital.to_owned(),
                    BTreeSet::from([row.department.to_owned()]),
                );
            }
        }
        if !record.comment.trim().is_empty() {
            self.comments.push(CommentInput {
                id: record.id.to_owned(),
                submitted_at: row.submitted_at.to_owned(),
                hospital: row.hospital.to_owned(),
                department: row.department.to_owned(),
                visit_type: row.visit_type,
                channel: row.channel,
                text: record.comment.to_owned(),
            });
        }
    }

    pub fn facets(&self) -> Facets {
        Facets {
            hospitals: self.hospitals.iter().cloned().collect(),
            departments: self
                .departments
                .iter()
                .flat_map(|(h, ds)| ds.iter().map(move |d| (h.clone(), d.clone())))
                .collect(),
            first_date: self.first_date.clone(),
            last_date: self.last_date.clone(),
        }
    }

    /// The tally for `filters`, made from the stored responses if not
    /// cached.
    fn tally_for(
        &mut self,
        filters: &TallyFilters,
        out: &mut Sink,
    ) -> Result<&Tally, ScoreFailure> {
        if let Some(i) = self.tallies.iter().position(|(f, _)| f == filters) {
            return Ok(&self.tallies[i].1);
        }
        let instrument = self.instrument.as_ref().ok_or(ScoreFailure::NoInstrument)?;
        let rows = self.rows.as_ref().ok_or(ScoreFailure::NoInstrument)?;
        let total = rows.len() as u64;
        let progress = |done: u64| {
            FromWorker::Progress(Progress {
                phase: Phase::Tallying,
                done,
                total: Some(total),
            })
        };
        out(progress(0));
        let tally = rows
            .tally(
                instrument,
                filters.clone(),
                PROGRESS_EVERY as usize,
                |done| out(progress(done as u64)),
            )
            .map_err(|e| ScoreFailure::Tally(e.to_string()))?;
        out(progress(total));
        // Keep the unfiltered tally and the latest filtered one.
        self.tallies.retain(|(f, _)| f.is_empty());
        self.tallies.push((filters.clone(), tally));
        Ok(&self.tallies[self.tallies.len() - 1].1)
    }

    fn score(&mut self, filters: &Filters, out: &mut Sink) -> Result<Scored, ScoreFailure> {
        out(FromWorker::Progress(Progress {
            phase: Phase::Scoring,
            done: 0,
            total: None,
        }));
        let instrument = self.instrument.clone().ok_or(ScoreFailure::NoInstrument)?;
        let skipped_invalid = self.skipped_invalid;
        let tally = self.tally_for(&filters.subset, out)?;
        let scored = score_report(&instrument, tally, filters, skipped_invalid)?;
        let comment_count = self.matching_comments(filters).count() as u64;
        Ok(Scored {
            report_json: scored.json,
            report: Box::new(scored.report),
            trend: scored.trend,
            comment_count,
        })
    }

    /// Non-empty comments of the current period passing the filters.
    fn matching_comments<'a>(
        &'a self,
        filters: &'a Filters,
    ) -> impl Iterator<Item = &'a CommentInput> + 'a {
        self.comments.iter().filter(move |c| {
            filters
                .current
                .contains_date(c.submitted_at.get(..10).unwrap_or(""))
                && filters
                    .subset
                    .matches_parts(&c.hospital, &c.department, c.visit_type, c.channel)
        })
    }

    /// What the comments worker must be sent for a comment `request`:
    /// the loaded responses first when they changed since it last had
    /// them (a new source), then the request.
    pub fn comment_messages(&mut self, request: ToWorker) -> Vec<ToWorker> {
        let mut messages = Vec::with_capacity(2);
        if !self.comments_sent {
            if let (Some(instrument), Some(rows)) = (&self.instrument, &self.rows) {
                let (hospitals, departments, responses) = rows.keys();
                messages.push(ToWorker::CommentInputs(Box::new(CommentInputs {
                    instrument: instrument.id.clone(),
                    instrument_version: instrument.version,
                    hospitals,
                    departments,
                    responses,
                    comments: self.comments.clone(),
                })));
                self.comments_sent = true;
            }
        }
        messages.push(request);
        messages
    }
}

/// Invalid records: how many, and the first few messages. A record with
/// several problems counts once.
#[derive(Default)]
struct Rejections {
    records: u64,
    first: Vec<String>,
}

impl Rejections {
    /// One invalid record's problems (all at its line).
    fn add(&mut self, errors: &[RecordError]) {
        self.records += 1;
        for e in errors {
            if self.first.len() < FIRST_ERRORS {
                self.first.push(e.to_string());
            }
        }
    }

    fn add_tally_error(&mut self, id: &str, message: &str) {
        self.records += 1;
        if self.first.len() < FIRST_ERRORS {
            self.first.push(format!("response {id}: {message}"));
        }
    }
}

/// Parses one source, handing each record to `each` and posting progress
/// (bytes read) every [`PROGRESS_EVERY`] records.
fn read_source(
    pieces: &[String],
    instrument: &Instrument,
    out: &mut Sink,
    mut each: impl FnMut(Record<'_>),
) {
    let format = InputFormat::detect(&head(pieces, 64)).unwrap_or(InputFormat::Csv);
    let total = total_len(pieces);
    let consumed = Rc::new(Cell::new(0u64));
    let reader = PiecesReader::new(pieces, consumed.clone());
    let progress = |done: u64| {
        FromWorker::Progress(Progress {
            phase: Phase::Parsing,
            done,
            total: Some(total),
        })
    };
    out(progress(0));
    let mut rows = read_rows(reader, instrument, format);
    let mut read = 0u64;
    while let Some(record) = rows.next_record() {
        each(record);
        read += 1;
        if read.is_multiple_of(PROGRESS_EVERY) {
            out(progress(consumed.get()));
        }
    }
    out(progress(total));
}
