//! The dashboard's reducer driven as the page drives it: actions from the
//! filter bar and the loaders, the worker's real answers (the engine runs
//! here, its messages carried as between the page and the worker), and
//! the requests the hook sends when `score_due` says so.
//!
//! Runs natively (`cargo test -p app`) and in headless Chromium, where
//! every message also goes through gloo-worker's bincode codec.

use std::rc::Rc;

use app::dashboard::filters::{DateRange, Filters};
use app::dashboard::i18n::Lang;
use app::dashboard::labels::InstrumentText;
use app::dashboard::protocol::ToWorker;
use app::dashboard::state::{Action, DashboardState, Mode};
use app::dashboard::worker::engine::Engine;
use scoring::export::{sort_for_export, CsvWriter};
use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::{default_instrument, DEFAULT_INSTRUMENT_JSON};
use scoring::report::GroupBy;
use scoring::response::Response;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wire::{Role, Session};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// What crossing `postMessage` does to a message: the bridge's envelope
/// (bincode bytes in a `Uint8Array`) in the browser, the same bincode
/// natively.
fn carry<T: Serialize + DeserializeOwned>(message: T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        use app::dashboard::worker::envelope;
        let bytes = envelope::encode(&message).expect("encodes");
        envelope::decode(&bytes).expect("decodes")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        bincode::deserialize(&bincode::serialize(&message).expect("encodes")).expect("decodes")
    }
}

/// The page: the reducer's state and the worker's engine, wired as the
/// hook wires them.
struct Page {
    state: DashboardState,
    engine: Engine,
    requests: u64,
}

impl Page {
    /// Signed out, the bar on `year` against the year before.
    fn new(year: i32) -> Page {
        Page {
            state: DashboardState::new(Lang::En, Filters::for_year(year))
                .reduce(Action::SessionChecked(None)),
            engine: Engine::new(),
            requests: 0,
        }
    }

    fn act(&mut self, action: Action) {
        self.state = self.state.clone().reduce(action);
    }

    /// A message to the worker; its answers come back as actions.
    fn send(&mut self, message: ToWorker) {
        let mut answers = Vec::new();
        self.engine
            .handle(carry(message), &mut |answer| answers.push(carry(answer)));
        for answer in answers {
            self.act(Action::Worker(answer));
        }
    }

    /// A fresh data set (sign-in or an opened file).
    fn reset(&mut self, mode: Mode) {
        self.send(ToWorker::Reset {
            instrument_json: DEFAULT_INSTRUMENT_JSON.to_owned(),
        });
        self.act(Action::DataReset {
            mode: Some(mode),
            instrument: Rc::new(
                InstrumentText::parse(DEFAULT_INSTRUMENT_JSON).expect("instrument"),
            ),
        });
    }

    /// `text` read into the worker as source `source`, its progress shown.
    fn read(&mut self, source: u32, range: Option<DateRange>, text: &str) {
        self.act(Action::ReadStarted {
            range,
            total: Some(text.len() as u64),
        });
        self.send(ToWorker::Chunk {
            source,
            text: text.to_owned(),
        });
        self.act(Action::ReadBytes(text.len() as u64));
        self.send(ToWorker::EndSource {
            source,
            total_bytes: text.len() as u64,
        });
    }

    /// The hook's effect: a report is requested when one is due.
    /// Returns the filters it was requested with.
    fn request_if_due(&mut self) -> Option<Filters> {
        let filters = self.state.score_due()?.clone();
        self.requests += 1;
        let request = self.requests;
        self.act(Action::ScoreRequested {
            request,
            filters: filters.clone(),
        });
        Some(filters)
    }

    /// The worker scores what was requested last.
    fn worker_scores(&mut self, filters: Filters) {
        let request = self.requests;
        self.send(ToWorker::Score { request, filters });
    }

    /// The filter bar emits an edit of what it shows.
    fn edit(&mut self, change: impl FnOnce(&mut Filters)) {
        let mut filters = self.state.filters.clone();
        change(&mut filters);
        self.act(Action::EditFilters(filters));
    }

    /// The `options` of the report shown (its canonical JSON).
    fn shown_options(&self) -> serde_json::Value {
        let loaded = self.state.result.as_ref().expect("a report is shown");
        let json: serde_json::Value =
            serde_json::from_str(&loaded.scored.report_json).expect("report JSON");
        json["options"].clone()
    }
}

/// Two years of responses (2024 and 2025) as an export CSV.
fn export_csv(n: u64, seed: u64) -> (Vec<Response>, String) {
    let instrument = default_instrument();
    let mut all: Vec<Response> = generate(
        &instrument,
        &GenerateOptions {
            seed,
            responses: n,
            from_year: 2024,
            years: 2,
            hospitals: 3,
        },
    )
    .expect("valid options")
    .collect();
    sort_for_export(&mut all);
    let mut writer = CsvWriter::new(Vec::new(), &instrument).expect("header");
    for r in &all {
        writer.write(r).expect("row");
    }
    let text = String::from_utf8(writer.into_inner().expect("flush")).expect("UTF-8");
    (all, text)
}

fn local_file() -> Mode {
    Mode::LocalFile {
        name: "export.csv".to_owned(),
    }
}

#[test]
fn choices_made_while_a_file_loads_survive_its_first_report() {
    let (_, text) = export_csv(400, 31);
    // The bar starts on another year than the file's last one.
    let mut page = Page::new(2022);
    page.reset(local_file());
    page.act(Action::ReadStarted {
        range: None,
        total: Some(text.len() as u64),
    });
    // A new user chooses while the file is still being read.
    page.edit(|f| f.group_by = Some(GroupBy::Department));
    page.edit(|f| f.case_mix = true);
    assert_eq!(
        page.request_if_due(),
        None,
        "nothing to score before the data"
    );

    page.read(1, None, &text);
    let requested = page.request_if_due().expect("the first report is due");
    assert_eq!(requested.group_by, Some(GroupBy::Department));
    assert!(requested.case_mix);
    // The periods follow the data, as nobody chose any.
    assert_eq!(requested.current, DateRange::year(2025));
    assert_eq!(requested.baseline, Some(DateRange::year(2024)));
    page.worker_scores(requested.clone());

    let shown = page.state.result.clone().expect("the first report");
    assert_eq!(shown.filters, requested);
    let options = page.shown_options();
    assert_eq!(options["group_by"], "department");
    assert_eq!(options["case_mix"], true);
    // The bar still shows what was chosen.
    assert_eq!(page.state.filters, requested);
    assert_eq!(page.request_if_due(), None, "one report, not a second");
}

#[test]
fn periods_picked_while_a_file_loads_are_kept() {
    let (_, text) = export_csv(300, 32);
    let mut page = Page::new(2022);
    page.reset(local_file());
    page.edit(|f| {
        f.current = DateRange::year(2024);
        f.baseline = None;
    });
    page.read(1, None, &text);
    let requested = page.request_if_due().expect("the first report is due");
    assert_eq!(
        (requested.current, requested.baseline),
        (DateRange::year(2024), None)
    );
}

#[test]
fn an_edit_while_the_first_report_is_scored_is_scored_next() {
    let (_, text) = export_csv(300, 33);
    let mut page = Page::new(2025);
    page.reset(local_file());
    page.read(1, None, &text);
    let first = page.request_if_due().expect("the first report is due");
    // The administrator changes the grouping before the answer arrives.
    page.edit(|f| f.group_by = Some(GroupBy::Hospital));
    page.worker_scores(first.clone());
    let shown = page.state.result.clone().expect("the first report");
    assert_eq!(shown.filters, first, "a report names its own filters");
    assert_eq!(page.shown_options()["group_by"], serde_json::Value::Null);
    // The newer choice is due at once: same periods, the data is there.
    let second = page.request_if_due().expect("the edit is scored");
    assert_eq!(second.group_by, Some(GroupBy::Hospital));
    page.worker_scores(second);
    assert_eq!(page.shown_options()["group_by"], "hospital");
}

#[test]
fn a_newer_request_supersedes_an_older_answer() {
    let (_, text) = export_csv(300, 34);
    let mut page = Page::new(2025);
    page.reset(local_file());
    page.read(1, None, &text);
    let first = page.request_if_due().expect("due");
    page.edit(|f| f.case_mix = true);
    let second = page.request_if_due().expect("due again");
    // The worker answers the first request after the second was sent.
    page.send(ToWorker::Score {
        request: 1,
        filters: first,
    });
    assert!(page.state.result.is_none(), "the older answer is dropped");
    page.worker_scores(second.clone());
    assert_eq!(page.state.result.clone().expect("shown").filters, second);
}

#[test]
fn compute_downloads_what_is_missing_then_scores_the_bar_as_it_is_by_then() {
    let (all, _) = export_csv(500, 35);
    let mut page = Page::new(2025);
    page.act(Action::SignedIn(Session {
        username: "admin".to_owned(),
        role: Role::Admin,
        hospital: None,
        department: None,
    }));
    page.reset(Mode::Server(Session {
        username: "admin".to_owned(),
        role: Role::Admin,
        hospital: None,
        department: None,
    }));
    assert_eq!(
        page.state.ranges_to_download(),
        [DateRange::year(2024), DateRange::year(2025)]
    );
    page.act(Action::Apply);
    assert_eq!(page.request_if_due(), None, "nothing loaded yet");

    let year = |y: &str| -> String {
        let rows: Vec<Response> = all
            .iter()
            .filter(|r| r.submitted_at.starts_with(y))
            .cloned()
            .collect();
        let instrument = default_instrument();
        let mut writer = CsvWriter::new(Vec::new(), &instrument).expect("header");
        for r in &rows {
            writer.write(r).expect("row");
        }
        String::from_utf8(writer.into_inner().expect("flush")).expect("UTF-8")
    };
    page.read(1, Some(DateRange::year(2024)), &year("2024"));
    page.act(Action::RangeLoaded(DateRange::year(2024)));
    // Chosen while 2025 is still downloading.
    page.edit(|f| f.group_by = Some(GroupBy::Channel));
    assert_eq!(page.request_if_due(), None, "2025 is not loaded yet");
    page.read(2, Some(DateRange::year(2025)), &year("2025"));
    page.act(Action::RangeLoaded(DateRange::year(2025)));

    let requested = page.request_if_due().expect("both years are loaded");
    assert_eq!(requested.group_by, Some(GroupBy::Channel));
    page.worker_scores(requested);
    assert_eq!(page.shown_options()["group_by"], "channel");
    assert!(page.state.ranges_to_download().is_empty());

    // Another period waits for "Compute", which has something to download.
    page.edit(|f| f.current = DateRange::year(2023));
    assert_eq!(page.request_if_due(), None);
    assert_eq!(page.state.ranges_to_download(), [DateRange::year(2023)]);
}

#[test]
fn the_period_menus_offer_the_years_of_the_data() {
    let (_, text) = export_csv(100, 36);
    let mut page = Page::new(2025);
    assert_eq!(
        page.state.years(2026),
        (2018..=2026).rev().collect::<Vec<_>>()
    );
    page.reset(local_file());
    page.read(1, None, &text);
    assert_eq!(page.state.years(2020).first(), Some(&2025));
    assert_eq!(page.state.years(2020).last(), Some(&2018));
}
