//! The dashboard's state and its pure reducer.
//!
//! Effects (downloads, worker messages, storage) live in the hook
//! (`hooks::use_dashboard`) and report what happened as [`Action`]s;
//! `reduce` only computes the next state, so every transition is testable
//! natively.
//!
//! The filter bar's choice ([`DashboardState::filters`]) belongs to the
//! administrator: no report and no data arriving overwrites it (only the
//! periods of an opened file, until the administrator picks some). Whether
//! a report is wanted is state too ([`DashboardState::score_due`]): the
//! hook asks the worker when the data can answer it, with the filters
//! chosen by then, however long the data took to arrive.

use std::rc::Rc;

use super::filters::{missing_ranges, DateRange, Filters};
use super::i18n::Lang;
use super::labels::InstrumentText;
use super::protocol::{AnalysedComments, CommentRow, Facets, FromWorker, Phase, Scored};
use wire::Session;

use crate::services::staff_api::ApiError;

/// How the dashboard gets its data.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Asking the server whether a session exists.
    Checking,
    SignedOut {
        error: Option<ApiError>,
    },
    /// Signed in: data comes from the export API.
    Server(Session),
    /// An export file opened from disk, no server involved.
    LocalFile {
        name: String,
    },
}

/// Where the data pipeline stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Activity {
    Idle,
    /// Bytes received of a download or read from a file.
    Reading {
        range: Option<DateRange>,
        bytes: u64,
        total: Option<u64>,
    },
    Parsing {
        done: u64,
        total: Option<u64>,
    },
    /// Stored responses tallied again for other subset filters.
    Tallying {
        done: u64,
        total: Option<u64>,
    },
    Scoring,
    Failed(String),
}

/// A report the worker returned, parsed for the views.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedReport {
    pub filters: Filters,
    pub scored: Scored,
}

/// The comments view (docs/formats.md §8): the analysis of the shown
/// report's filters, and the masked quotes of a theme or a search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommentsState {
    pub query: String,
    /// The theme whose quotes are listed (`None`: all comments).
    pub theme: Option<String>,
    pub request: u64,
    pub total: u64,
    pub rows: Vec<CommentRow>,
    pub loading: bool,
    /// The last analysis asked for, and its groups once it arrives.
    pub analysis_request: u64,
    pub analysis: Option<Rc<AnalysedComments>>,
    pub analysing: bool,
    pub analysis_error: Option<String>,
    /// The canonical JSON of the analysis, once asked for (the export).
    pub json_request: u64,
    pub json: Option<Rc<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DashboardState {
    pub lang: Lang,
    pub mode: Mode,
    pub instrument: Option<Rc<InstrumentText>>,
    /// What the filter bar shows (may differ from the last report's).
    pub filters: Filters,
    /// Date ranges whose responses the worker holds (server mode).
    pub loaded: Vec<DateRange>,
    pub activity: Activity,
    pub facets: Facets,
    pub accepted: u64,
    pub rejected: u64,
    pub first_errors: Vec<String>,
    /// The number of the last scoring request: older answers are dropped.
    pub request: u64,
    /// The filters of that request, which its report is scored with.
    pub requested: Option<Filters>,
    /// A report of [`DashboardState::filters`] is wanted as soon as the
    /// loaded data covers them (after "Compute", after an opened file is
    /// read, after an edit that needs no download).
    pub score_wanted: bool,
    /// The administrator picked the periods of this data set; an opened
    /// file then keeps them instead of starting on its last year.
    pub periods_chosen: bool,
    /// An opened file has been read whole by the worker.
    pub file_read: bool,
    pub result: Option<Rc<LoadedReport>>,
    pub comments: CommentsState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SessionChecked(Option<Session>),
    SignedIn(Session),
    LoginFailed(ApiError),
    SignedOut,
    /// A data set starts afresh (sign-in or a new file): forget results.
    DataReset {
        mode: Option<Mode>,
        instrument: Rc<InstrumentText>,
    },
    /// The filter bar changed.
    EditFilters(Filters),
    /// "Compute": a report of the bar's filters is wanted (downloading
    /// what is missing is the hook's part).
    Apply,
    ReadStarted {
        range: Option<DateRange>,
        total: Option<u64>,
    },
    ReadBytes(u64),
    RangeLoaded(DateRange),
    ScoreRequested {
        request: u64,
        filters: Filters,
    },
    CommentsRequested {
        request: u64,
        query: String,
        theme: Option<String>,
    },
    CommentsAnalysisRequested {
        request: u64,
    },
    CommentsJsonRequested {
        request: u64,
    },
    Worker(FromWorker),
    Failed(String),
}

impl DashboardState {
    pub fn new(lang: Lang, filters: Filters) -> DashboardState {
        DashboardState {
            lang,
            mode: Mode::Checking,
            instrument: None,
            filters,
            loaded: Vec::new(),
            activity: Activity::Idle,
            facets: Facets::default(),
            accepted: 0,
            rejected: 0,
            first_errors: Vec::new(),
            request: 0,
            requested: None,
            score_wanted: false,
            periods_chosen: false,
            file_read: false,
            result: None,
            comments: CommentsState::default(),
        }
    }

    /// Administrators signed in see comments; an opened file does not
    /// count as a sign-in (docs/domain.md, Privacy).
    pub fn may_see_comments(&self) -> bool {
        matches!(self.mode, Mode::Server(_))
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.mode {
            Mode::Server(s) => Some(s),
            _ => None,
        }
    }

    pub fn busy(&self) -> bool {
        matches!(
            self.activity,
            Activity::Reading { .. }
                | Activity::Parsing { .. }
                | Activity::Tallying { .. }
                | Activity::Scoring
        )
    }

    /// Whether the worker holds (or, messages being handled in order, will
    /// hold before it scores) every response `filters` needs.
    pub fn covers(&self, filters: &Filters) -> bool {
        match &self.mode {
            Mode::Server(_) => filters
                .ranges()
                .iter()
                .all(|range| missing_ranges(&self.loaded, range).is_empty()),
            Mode::LocalFile { .. } => self.file_read,
            Mode::Checking | Mode::SignedOut { .. } => false,
        }
    }

    /// The filters to score now, if a report is wanted and the loaded data
    /// covers them. The hook sends the request and reports it with
    /// [`Action::ScoreRequested`], which settles the want.
    pub fn score_due(&self) -> Option<&Filters> {
        (self.score_wanted && self.covers(&self.filters)).then_some(&self.filters)
    }

    /// Ranges to download before the bar's filters can be scored, in date
    /// order (server mode).
    pub fn ranges_to_download(&self) -> Vec<DateRange> {
        let mut wanted = self.filters.ranges();
        wanted.sort();
        let mut have = self.loaded.clone();
        let mut missing = Vec::new();
        for range in wanted {
            for part in missing_ranges(&have, &range) {
                have.push(part.clone());
                missing.push(part);
            }
        }
        missing
    }

    /// Years offered by the period menus: those of the data when known, at
    /// least from 2018 to `this_year`, newest first.
    pub fn years(&self, this_year: i32) -> Vec<i32> {
        let year_of =
            |d: &Option<String>| d.as_deref().and_then(|d| d.get(..4)?.parse::<i32>().ok());
        let first = year_of(&self.facets.first_date).unwrap_or(2018).min(2018);
        let last = year_of(&self.facets.last_date).unwrap_or(0).max(this_year);
        (first..=last).rev().collect()
    }

    /// The next state. Worker answers to an older request than the last
    /// one are ignored: filters changed while it was scoring.
    pub fn reduce(mut self, action: Action) -> DashboardState {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::SessionChecked(Some(session)) | Action::SignedIn(session) => {
                self.filters.subset.hospital =
                    session.hospital.clone().or(self.filters.subset.hospital);
                self.mode = Mode::Server(session);
            }
            Action::SessionChecked(None) => self.mode = Mode::SignedOut { error: None },
            Action::LoginFailed(error) => self.mode = Mode::SignedOut { error: Some(error) },
            Action::SignedOut => {
                let lang = self.lang;
                let mut filters = self.filters;
                filters.subset.hospital = None;
                self = DashboardState::new(lang, filters);
                self.mode = Mode::SignedOut { error: None };
            }
            Action::DataReset { mode, instrument } => {
                if let Some(mode) = mode {
                    self.mode = mode;
                }
                self.instrument = Some(instrument);
                self.loaded.clear();
                self.facets = Facets::default();
                self.accepted = 0;
                self.rejected = 0;
                self.first_errors.clear();
                self.result = None;
                self.request = 0;
                self.requested = None;
                self.score_wanted = false;
                self.periods_chosen = false;
                self.file_read = false;
                self.comments = CommentsState::default();
                self.activity = Activity::Idle;
            }
            Action::EditFilters(filters) => {
                self.periods_chosen |= !filters.same_periods(&self.filters);
                // Same periods as the report shown or coming: the worker
                // has the data, score again (a newer request supersedes an
                // older one still being scored). Other periods wait for
                // "Compute", which downloads what is missing.
                if self
                    .requested
                    .as_ref()
                    .is_some_and(|r| r.same_periods(&filters))
                {
                    self.score_wanted = true;
                }
                self.filters = filters;
            }
            Action::Apply => self.score_wanted = true,
            Action::ReadStarted { range, total } => {
                self.activity = Activity::Reading {
                    range,
                    bytes: 0,
                    total,
                }
            }
            Action::ReadBytes(n) => {
                if let Activity::Reading { bytes, .. } = &mut self.activity {
                    *bytes = n;
                }
            }
            Action::RangeLoaded(range) => self.loaded.push(range),
            Action::ScoreRequested { request, filters } => {
                self.request = request;
                self.requested = Some(filters);
                self.score_wanted = false;
                if !self.busy() {
                    self.activity = Activity::Scoring;
                }
            }
            Action::CommentsRequested {
                request,
                query,
                theme,
            } => {
                self.comments.request = request;
                self.comments.query = query;
                self.comments.theme = theme;
                self.comments.loading = true;
                // Rows of another theme or search must not stand under
                // the new heading while its own are on their way.
                self.comments.rows.clear();
                self.comments.total = 0;
            }
            Action::CommentsAnalysisRequested { request } => {
                self.comments.analysis_request = request;
                self.comments.analysing = true;
                self.comments.analysis_error = None;
            }
            Action::CommentsJsonRequested { request } => {
                self.comments.json_request = request;
                self.comments.json = None;
            }
            Action::Worker(message) => self.on_worker(message),
            Action::Failed(message) => self.activity = Activity::Failed(message),
        }
        self
    }

    fn on_worker(&mut self, message: FromWorker) {
        match message {
            FromWorker::Progress(p) => {
                self.activity = match p.phase {
                    Phase::Parsing => Activity::Parsing {
                        done: p.done,
                        total: p.total,
                    },
                    Phase::Tallying => Activity::Tallying {
                        done: p.done,
                        total: p.total,
                    },
                    Phase::Scoring => Activity::Scoring,
                }
            }
            FromWorker::SourceDone {
                accepted,
                rejected,
                first_errors,
                facets,
                ..
            } => {
                self.accepted += accepted;
                self.rejected += rejected;
                for e in first_errors {
                    if self.first_errors.len() < 10 {
                        self.first_errors.push(e);
                    }
                }
                self.facets = facets;
                if matches!(self.mode, Mode::LocalFile { .. }) {
                    self.file_read = true;
                    self.first_report_of_file();
                }
            }
            FromWorker::Scored { request, outcome } if request == self.request => match outcome {
                Ok(scored) => {
                    let filters = self
                        .requested
                        .clone()
                        .unwrap_or_else(|| self.filters.clone());
                    self.result = Some(Rc::new(LoadedReport { filters, scored }));
                    self.activity = Activity::Idle;
                    self.comments.rows.clear();
                    self.comments.total = 0;
                    self.comments.analysis = None;
                    self.comments.json = None;
                }
                Err(message) => self.activity = Activity::Failed(message),
            },
            FromWorker::Scored { .. } => {}
            FromWorker::Comments {
                request,
                total,
                comments,
            } if request == self.comments.request => {
                self.comments.total = total;
                self.comments.rows = comments;
                self.comments.loading = false;
            }
            FromWorker::Comments { .. } => {}
            FromWorker::CommentsAnalysed { request, outcome }
                if request == self.comments.analysis_request =>
            {
                self.comments.analysing = false;
                match outcome {
                    Ok(report) => self.comments.analysis = Some(Rc::new(*report)),
                    Err(message) => self.comments.analysis_error = Some(message),
                }
            }
            FromWorker::CommentsAnalysed { .. } => {}
            FromWorker::CommentsJson { request, outcome }
                if request == self.comments.json_request =>
            {
                match outcome {
                    Ok(json) => self.comments.json = Some(Rc::new(json)),
                    Err(message) => self.comments.analysis_error = Some(message),
                }
            }
            FromWorker::CommentsJson { .. } => {}
            FromWorker::Failed { message } => self.activity = Activity::Failed(message),
        }
    }

    /// An opened file has been read: its first report is wanted, on the
    /// last year of its data against the year before unless the
    /// administrator picked periods meanwhile. Every other choice made
    /// while it loaded stays as it is.
    fn first_report_of_file(&mut self) {
        if self.requested.is_some() {
            return;
        }
        let (Some(first), Some(last)) = (&self.facets.first_date, &self.facets.last_date) else {
            return;
        };
        if !self.periods_chosen {
            if let Some((current, baseline)) = Filters::periods_for_data(first, last) {
                self.filters.current = current;
                self.filters.baseline = baseline;
            }
        }
        self.score_wanted = true;
    }
}

impl yew::Reducible for DashboardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).reduce(action))
    }
}
