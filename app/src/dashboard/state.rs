//! The dashboard's state and its pure reducer.
//!
//! Effects (downloads, worker messages, storage) live in the components
//! and report what happened as [`Action`]s; `reduce` only computes the next
//! state, so every transition is testable natively.

use std::rc::Rc;

use super::filters::{DateRange, Filters};
use super::i18n::Lang;
use super::labels::InstrumentText;
use super::protocol::{CommentRow, Facets, FromWorker, Phase, Scored};
use crate::services::staff_api::{ApiError, Session};

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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommentsState {
    pub query: String,
    pub request: u64,
    pub total: u64,
    pub rows: Vec<CommentRow>,
    pub loading: bool,
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
    EditFilters(Filters),
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

    /// The next state. Worker answers to an older request than the last
    /// one are ignored: filters changed while it was scoring.
    pub fn reduce(mut self, action: Action) -> DashboardState {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::SessionChecked(Some(session)) | Action::SignedIn(session) => {
                self.filters.hospital = session.hospital.clone().or(self.filters.hospital);
                self.mode = Mode::Server(session);
            }
            Action::SessionChecked(None) => self.mode = Mode::SignedOut { error: None },
            Action::LoginFailed(error) => self.mode = Mode::SignedOut { error: Some(error) },
            Action::SignedOut => {
                let lang = self.lang;
                let filters = Filters {
                    hospital: None,
                    ..self.filters
                };
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
                self.comments = CommentsState::default();
                self.activity = Activity::Idle;
            }
            Action::EditFilters(filters) => self.filters = filters,
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
                self.filters = filters;
                if !self.busy() {
                    self.activity = Activity::Scoring;
                }
            }
            Action::CommentsRequested { request, query } => {
                self.comments.request = request;
                self.comments.query = query;
                self.comments.loading = true;
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
            }
            FromWorker::Scored { request, outcome } if request == self.request => match outcome {
                Ok(scored) => {
                    self.result = Some(Rc::new(LoadedReport {
                        filters: self.filters.clone(),
                        scored,
                    }));
                    self.activity = Activity::Idle;
                    self.comments.rows.clear();
                    self.comments.total = 0;
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
            FromWorker::Failed { message } => self.activity = Activity::Failed(message),
        }
    }
}

impl yew::Reducible for DashboardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).reduce(action))
    }
}
