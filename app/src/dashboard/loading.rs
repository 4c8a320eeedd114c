//! Moving export text from the server or a local file to the worker, and
//! asking it to score: the effects behind "Compute" and "Open file", run
//! by `hooks::use_dashboard`.
//!
//! Pieces go to the worker as they arrive; the worker parses a source when
//! its end is announced, while the next download is still streaming.

use std::cell::Cell;
use std::rc::Rc;

use yew::UseReducerDispatcher;

use super::filters::{DateRange, Filters};
use super::labels::InstrumentText;
use super::protocol::{SourceId, ToWorker};
use super::state::{Action, DashboardState, Mode};
use super::worker;
use crate::services::staff_api::{self as api, ApiError};

pub type Bridge = Rc<worker::Bridge>;
pub type Dispatch = UseReducerDispatcher<DashboardState>;

/// Numbers sources and requests; shared by the page's callbacks.
#[derive(Default)]
pub struct Counters {
    source: Cell<SourceId>,
    request: Cell<u64>,
}

impl Counters {
    pub fn next_source(&self) -> SourceId {
        self.source.set(self.source.get() + 1);
        self.source.get()
    }

    pub fn next_request(&self) -> u64 {
        self.request.set(self.request.get() + 1);
        self.request.get()
    }
}

/// Starts a fresh data set in the worker with `instrument_json`.
pub fn reset(
    bridge: &Bridge,
    dispatch: &Dispatch,
    mode: Option<Mode>,
    instrument_json: String,
) -> Result<(), String> {
    let instrument = InstrumentText::parse(&instrument_json)
        .map_err(|e| format!("the instrument does not parse: {e}"))?;
    bridge.send(ToWorker::Reset { instrument_json });
    dispatch.dispatch(Action::DataReset {
        mode,
        instrument: Rc::new(instrument),
    });
    Ok(())
}

/// After sign-in: the server's instrument, then a fresh worker data set.
pub async fn start_server_session(bridge: Bridge, dispatch: Dispatch, session: wire::Session) {
    match api::instrument_json().await {
        Ok(json) => {
            if let Err(e) = reset(&bridge, &dispatch, Some(Mode::Server(session)), json) {
                dispatch.dispatch(Action::Failed(e));
            }
        }
        Err(ApiError::Unauthorized) => dispatch.dispatch(Action::SessionChecked(None)),
        Err(e) => dispatch.dispatch(Action::Failed(e.to_string())),
    }
}

/// Downloads `ranges` one after the other into the worker (the report
/// follows from the state once they cover the filters,
/// `DashboardState::score_due`).
pub async fn download_all(
    bridge: Bridge,
    dispatch: Dispatch,
    counters: Rc<Counters>,
    ranges: Vec<DateRange>,
) {
    for range in ranges {
        if let Err(e) = download(&bridge, &dispatch, &counters, &range).await {
            dispatch.dispatch(Action::Failed(e.to_string()));
            if e == ApiError::Unauthorized {
                dispatch.dispatch(Action::SessionChecked(None));
            }
            return;
        }
        dispatch.dispatch(Action::RangeLoaded(range));
    }
}

async fn download(
    bridge: &Bridge,
    dispatch: &Dispatch,
    counters: &Counters,
    range: &DateRange,
) -> Result<(), ApiError> {
    let source = counters.next_source();
    dispatch.dispatch(Action::ReadStarted {
        range: Some(range.clone()),
        total: None,
    });
    let total_bytes = api::download_export(
        &range.from,
        &range.to,
        |text| bridge.send(ToWorker::Chunk { source, text }),
        |bytes| dispatch.dispatch(Action::ReadBytes(bytes)),
    )
    .await?;
    bridge.send(ToWorker::EndSource {
        source,
        total_bytes,
    });
    Ok(())
}

/// The built-in instrument (`pxs-core`), copied next to the page by trunk
/// from the scoring crate, so that an opened file needs no API.
pub const DEFAULT_INSTRUMENT_FILE: &str = "pxs-core.json";

/// Reads a local export file into a fresh worker data set with the
/// built-in instrument; its first report is wanted once the worker has
/// read it (`DashboardState::score_due`).
pub async fn open_file(
    bridge: Bridge,
    dispatch: Dispatch,
    counters: Rc<Counters>,
    base: String,
    file: web_sys::File,
) {
    let name = file.name();
    let instrument = match api::static_text(&format!("{base}{DEFAULT_INSTRUMENT_FILE}")).await {
        Ok(json) => json,
        Err(e) => {
            dispatch.dispatch(Action::Failed(e.to_string()));
            return;
        }
    };
    if let Err(e) = reset(
        &bridge,
        &dispatch,
        Some(Mode::LocalFile { name }),
        instrument,
    ) {
        dispatch.dispatch(Action::Failed(e));
        return;
    }
    let source = counters.next_source();
    let size = file.size() as u64;
    dispatch.dispatch(Action::ReadStarted {
        range: None,
        total: Some(size),
    });
    let stream = file.stream();
    let result = api::pump_text(
        &stream,
        |text| bridge.send(ToWorker::Chunk { source, text }),
        |bytes| dispatch.dispatch(Action::ReadBytes(bytes)),
    )
    .await;
    match result {
        Ok(total_bytes) => bridge.send(ToWorker::EndSource {
            source,
            total_bytes,
        }),
        Err(e) => dispatch.dispatch(Action::Failed(e)),
    }
}

/// Asks the worker for a report with `filters` (no download).
pub fn request_score(bridge: &Bridge, dispatch: &Dispatch, counters: &Counters, filters: Filters) {
    let request = counters.next_request();
    dispatch.dispatch(Action::ScoreRequested {
        request,
        filters: filters.clone(),
    });
    bridge.send(ToWorker::Score { request, filters });
}

/// Comments shown per search: enough to read, few enough to render fast.
pub const COMMENT_LIMIT: u32 = 200;

pub fn request_comments(
    bridge: &Bridge,
    dispatch: &Dispatch,
    counters: &Counters,
    filters: Filters,
    query: String,
    theme: Option<String>,
) {
    let request = counters.next_request();
    dispatch.dispatch(Action::CommentsRequested {
        request,
        query: query.clone(),
        theme: theme.clone(),
    });
    bridge.send(ToWorker::Comments {
        request,
        filters,
        query,
        theme,
        limit: COMMENT_LIMIT,
    });
}

/// Asks the worker for the comment analysis of `filters` (docs/formats.md §8).
pub fn request_comment_analysis(
    bridge: &Bridge,
    dispatch: &Dispatch,
    counters: &Counters,
    filters: Filters,
) {
    let request = counters.next_request();
    dispatch.dispatch(Action::CommentsAnalysisRequested { request });
    bridge.send(ToWorker::AnalyseComments { request, filters });
}

/// Asks the worker for the canonical JSON of its last comment analysis.
pub fn request_comments_json(bridge: &Bridge, dispatch: &Dispatch, counters: &Counters) {
    let request = counters.next_request();
    dispatch.dispatch(Action::CommentsJsonRequested { request });
    bridge.send(ToWorker::CommentsJson { request });
}
