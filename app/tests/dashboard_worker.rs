//! The scoring worker's round trip: export text in pieces → parsed,
//! tallied and scored → the report's bytes, trend and comments.
//!
//! Runs natively (`cargo test -p app`) and in headless Chromium
//! (`cargo test -p app --target wasm32-unknown-unknown`), where every
//! message also goes through gloo-worker's bincode codec, as it does
//! between the page and the worker. The expected report is made by the
//! scoring crate straight from the generated responses (no parsing), the
//! way `tiyan score` makes it: the worker must give the same bytes.

use app::dashboard::comment_worker::engine::CommentEngine;
use app::dashboard::filters::{DateRange, Filters};
use app::dashboard::protocol::{CommentRow, FromWorker, Phase, Scored, ToWorker};
use app::dashboard::worker::engine::Engine;
use scoring::export::{sort_for_export, to_jsonl_line, CsvWriter};
use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::{default_instrument, Instrument, DEFAULT_INSTRUMENT_JSON};
use scoring::report::{score, to_canonical_json, GroupBy, Period, ScoreOptions};
use scoring::response::Response;
use scoring::tally::{Filters as TallyFilters, Tally};
use serde::de::DeserializeOwned;
use serde::Serialize;

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

/// The scoring worker and the comments worker it starts, with the
/// routing of `worker::serve`.
struct Worker {
    engine: Engine,
    comments: CommentEngine,
    answers: Vec<FromWorker>,
}

impl Worker {
    fn new() -> Worker {
        let mut w = Worker {
            engine: Engine::new(),
            comments: CommentEngine::new(),
            answers: Vec::new(),
        };
        w.send(ToWorker::Reset {
            instrument_json: DEFAULT_INSTRUMENT_JSON.to_owned(),
        });
        w
    }

    fn send(&mut self, message: ToWorker) {
        let answers = &mut self.answers;
        let message = carry(message);
        if message.is_for_comments() {
            for m in self.engine.comment_messages(message) {
                self.comments
                    .handle(carry(m), &mut |answer| answers.push(carry(answer)));
            }
        } else {
            self.engine
                .handle(message, &mut |answer| answers.push(carry(answer)));
        }
    }

    /// The comments of the analysis with `filters`, as the message gives them.
    fn comments(
        &mut self,
        filters: &Filters,
        query: &str,
        theme: Option<&str>,
        limit: u32,
    ) -> (u64, Vec<CommentRow>) {
        self.send(ToWorker::Comments {
            request: 77,
            filters: filters.clone(),
            query: query.to_owned(),
            theme: theme.map(str::to_owned),
            limit,
        });
        match self.answers.pop() {
            Some(FromWorker::Comments {
                request: 77,
                total,
                comments,
            }) => (total, comments),
            other => panic!("expected comments, got {other:?}"),
        }
    }

    /// Sends `text` as source `source` in pieces of about `piece` bytes.
    fn load(&mut self, source: u32, text: &str, piece: usize) {
        for part in pieces(text, piece) {
            self.send(ToWorker::Chunk { source, text: part });
        }
        self.send(ToWorker::EndSource {
            source,
            total_bytes: text.len() as u64,
        });
    }

    fn score(&mut self, request: u64, filters: Filters) -> Scored {
        self.send(ToWorker::Score { request, filters });
        match self.answers.pop() {
            Some(FromWorker::Scored {
                request: r,
                outcome: Ok(scored),
            }) if r == request => scored,
            other => panic!("expected the report of request {request}, got {other:?}"),
        }
    }
}

/// Splits at character boundaries near every `size` bytes, as the page's
/// streaming decoder hands text on.
fn pieces(text: &str, size: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(text[start..end].to_owned());
        start = end;
    }
    out
}

fn responses(n: u64, seed: u64) -> Vec<Response> {
    let instrument = default_instrument();
    let options = GenerateOptions {
        seed,
        responses: n,
        from_year: 2024,
        years: 2,
        hospitals: 3,
    };
    let mut all: Vec<Response> = generate(&instrument, &options)
        .expect("valid generator options")
        .collect();
    sort_for_export(&mut all);
    all
}

fn csv(responses: &[Response]) -> String {
    let instrument = default_instrument();
    let mut writer = CsvWriter::new(Vec::new(), &instrument).expect("header");
    for r in responses {
        writer.write(r).expect("row");
    }
    String::from_utf8(writer.into_inner().expect("flush")).expect("UTF-8")
}

/// The report as `tiyan score` makes it from the same responses.
fn expected_report(
    instrument: &Instrument,
    responses: &[Response],
    filters: TallyFilters,
    options: &ScoreOptions,
) -> String {
    let mut tally = Tally::with_filters(instrument, filters).expect("tally");
    for r in responses {
        tally.add(r).expect("valid response");
    }
    to_canonical_json(&score(instrument, &tally, options).expect("score"))
}

fn options_2025_vs_2024(group_by: Option<GroupBy>) -> ScoreOptions {
    ScoreOptions {
        baseline: Some(Period::year(2024)),
        group_by,
        suppress_below: 10,
        ..ScoreOptions::new(Period::year(2025))
    }
}

fn filters_2025_vs_2024() -> Filters {
    Filters::for_year(2025)
}

#[test]
fn the_report_has_the_bytes_of_tiyan_score() {
    let all = responses(600, 11);
    let mut worker = Worker::new();
    // Odd piece sizes cut records, quoted comments and Chinese characters.
    worker.load(1, &csv(&all), 997);
    let filters = Filters {
        group_by: Some(GroupBy::Hospital),
        ..filters_2025_vs_2024()
    };
    let scored = worker.score(7, filters);
    let expected = expected_report(
        &default_instrument(),
        &all,
        TallyFilters::default(),
        &options_2025_vs_2024(Some(GroupBy::Hospital)),
    );
    assert_eq!(scored.report_json, expected);
}

/// The views get the very report whose JSON the export saves, and it
/// crosses to the page (gloo-worker's bincode codec) unchanged.
#[test]
fn the_views_read_the_report_as_its_json_says() {
    let all = responses(500, 23);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    for filters in [
        Filters {
            group_by: Some(GroupBy::Department),
            suppress_below: 40,
            ..filters_2025_vs_2024()
        },
        Filters {
            baseline: None,
            case_mix: true,
            ..filters_2025_vs_2024()
        },
    ] {
        let scored = worker.score(1, filters);
        assert_eq!(to_canonical_json(&scored.report), scored.report_json);
        let message = FromWorker::Scored {
            request: 1,
            outcome: Ok(scored),
        };
        let bytes = bincode::serialize(&message).expect("the message encodes");
        let back: FromWorker = bincode::deserialize(&bytes).expect("the message decodes");
        assert_eq!(back, message);
    }
}

#[test]
fn case_mix_and_suppression_reach_the_report() {
    let all = responses(400, 12);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    let filters = Filters {
        case_mix: true,
        suppress_below: 500,
        group_by: Some(GroupBy::VisitType),
        ..filters_2025_vs_2024()
    };
    let scored = worker.score(1, filters);
    let options = ScoreOptions {
        case_mix: true,
        suppress_below: 500,
        ..options_2025_vs_2024(Some(GroupBy::VisitType))
    };
    let expected = expected_report(
        &default_instrument(),
        &all,
        TallyFilters::default(),
        &options,
    );
    assert_eq!(scored.report_json, expected);
}

#[test]
fn subset_filters_apply_before_tallying_and_are_recorded() {
    let all = responses(500, 13);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 8192);
    let filters = Filters {
        subset: TallyFilters {
            hospital: Some("H002".to_owned()),
            ..TallyFilters::default()
        },
        ..filters_2025_vs_2024()
    };
    let scored = worker.score(1, filters);
    let tally_filters = TallyFilters {
        hospital: Some("H002".to_owned()),
        ..TallyFilters::default()
    };
    let expected = expected_report(
        &default_instrument(),
        &all,
        tally_filters,
        &options_2025_vs_2024(None),
    );
    assert_eq!(scored.report_json, expected);
    let json: serde_json::Value = serde_json::from_str(&scored.report_json).expect("JSON");
    assert_eq!(json["options"]["filters"]["hospital"], "H002");
}

#[test]
fn a_subset_is_tallied_again_from_the_kept_responses_exactly() {
    // Case-mix reads the respondent fields and the answers' "not
    // applicable"s: all must survive the packed store.
    let all = responses(700, 24);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    for (filters, tally_filters) in [
        (
            Filters {
                subset: TallyFilters {
                    visit_type: Some(scoring::instrument::VisitType::Inpatient),
                    ..TallyFilters::default()
                },
                case_mix: true,
                group_by: Some(GroupBy::Hospital),
                ..filters_2025_vs_2024()
            },
            TallyFilters {
                visit_type: Some(scoring::instrument::VisitType::Inpatient),
                ..TallyFilters::default()
            },
        ),
        (
            Filters {
                subset: TallyFilters {
                    hospital: Some("H003".to_owned()),
                    ..TallyFilters::default()
                },
                case_mix: true,
                group_by: Some(GroupBy::Department),
                suppress_below: 1,
                ..filters_2025_vs_2024()
            },
            TallyFilters {
                hospital: Some("H003".to_owned()),
                ..TallyFilters::default()
            },
        ),
    ] {
        let options = ScoreOptions {
            case_mix: true,
            group_by: filters.group_by,
            suppress_below: filters.suppress_below,
            ..options_2025_vs_2024(None)
        };
        let expected = expected_report(&default_instrument(), &all, tally_filters, &options);
        assert_eq!(worker.score(1, filters).report_json, expected);
    }
}

#[test]
fn scoring_again_needs_no_new_text() {
    let all = responses(400, 14);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 2048);
    let first = worker.score(1, filters_2025_vs_2024());
    // Another subset, then back: no new text was sent in between.
    let narrowed = worker.score(
        2,
        Filters {
            subset: TallyFilters {
                channel: Some(scoring::response::Channel::Kiosk),
                ..TallyFilters::default()
            },
            ..filters_2025_vs_2024()
        },
    );
    assert_ne!(narrowed.report_json, first.report_json);
    let again = worker.score(3, filters_2025_vs_2024());
    assert_eq!(again.report_json, first.report_json);
}

#[test]
fn two_downloads_score_like_one_file() {
    let all = responses(500, 15);
    let (y2024, y2025): (Vec<Response>, Vec<Response>) = all
        .iter()
        .cloned()
        .partition(|r| r.submitted_at.starts_with("2024"));
    let mut split = Worker::new();
    split.load(1, &csv(&y2025), 3000);
    split.load(2, &csv(&y2024), 3000);
    let mut whole = Worker::new();
    whole.load(1, &csv(&all), 3000);
    assert_eq!(
        split.score(1, filters_2025_vs_2024()).report_json,
        whole.score(1, filters_2025_vs_2024()).report_json
    );
}

#[test]
fn jsonl_reads_like_csv() {
    let all = responses(300, 16);
    let jsonl: String = all
        .iter()
        .map(|r| format!("{}\n", to_jsonl_line(r)))
        .collect();
    let mut from_jsonl = Worker::new();
    from_jsonl.load(1, &jsonl, 1500);
    let mut from_csv = Worker::new();
    from_csv.load(1, &csv(&all), 1500);
    assert_eq!(
        from_jsonl.score(1, filters_2025_vs_2024()).report_json,
        from_csv.score(1, filters_2025_vs_2024()).report_json
    );
}

#[test]
fn invalid_records_are_counted_listed_and_reported() {
    let all = responses(200, 17);
    let text = csv(&all);
    // One more record, answering 9 to a 1..5 item.
    let header: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .expect("header")
        .split(',')
        .collect();
    let cells: Vec<&str> = header
        .iter()
        .map(|column| match *column {
            "id" => "00000000-0000-4000-8000-000000000001",
            "instrument" => "pxs-core",
            "instrument_version" => "1",
            "hospital" => "H001",
            "visit_type" => "outpatient",
            "channel" => "kiosk",
            "submitted_at" => "2025-06-01T08:00:00Z",
            "outpatient.wait_time" => "9",
            _ => "",
        })
        .collect();
    let bad_line = text.matches('\n').count() + 1;
    let column = header
        .iter()
        .position(|h| *h == "outpatient.wait_time")
        .expect("column");
    let broken = format!("{text}{}\n", cells.join(","));
    let mut worker = Worker::new();
    worker.load(1, &broken, 5000);
    let done = worker.answers.iter().find_map(|a| match a {
        FromWorker::SourceDone {
            accepted,
            rejected,
            first_errors,
            ..
        } => Some((*accepted, *rejected, first_errors.clone())),
        _ => None,
    });
    let (accepted, rejected, errors) = done.expect("the source was read");
    assert_eq!((accepted, rejected), (all.len() as u64, 1));
    assert!(
        errors[0].starts_with(&format!("line {bad_line}, column {}", column + 1)),
        "{errors:?}"
    );
    assert!(errors[0].contains("outpatient.wait_time"), "{errors:?}");
    let scored = worker.score(1, filters_2025_vs_2024());
    let json: serde_json::Value = serde_json::from_str(&scored.report_json).expect("JSON");
    assert_eq!(json["skipped_invalid"], 1);
}

#[test]
fn progress_is_posted_from_start_to_the_last_byte() {
    let all = responses(300, 18);
    let text = csv(&all);
    let mut worker = Worker::new();
    worker.load(1, &text, 1024);
    let parsing: Vec<(u64, Option<u64>)> = worker
        .answers
        .iter()
        .filter_map(|a| match a {
            FromWorker::Progress(p) if p.phase == Phase::Parsing => Some((p.done, p.total)),
            _ => None,
        })
        .collect();
    let total = text.len() as u64;
    assert_eq!(parsing.first(), Some(&(0, Some(total))));
    assert_eq!(parsing.last(), Some(&(total, Some(total))));
    assert!(parsing.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn facets_list_what_the_menus_offer() {
    let all = responses(300, 19);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    let facets = worker.engine.facets();
    assert_eq!(facets.hospitals, ["H001", "H002", "H003"]);
    assert!(facets
        .departments
        .iter()
        .all(|(h, _)| facets.hospitals.contains(h)));
    let first = all
        .iter()
        .map(|r| &r.submitted_at[..10])
        .min()
        .expect("dates");
    let last = all
        .iter()
        .map(|r| &r.submitted_at[..10])
        .max()
        .expect("dates");
    assert_eq!(facets.first_date.as_deref(), Some(first));
    assert_eq!(facets.last_date.as_deref(), Some(last));
}

#[test]
fn comments_are_of_the_period_filtered_searched_and_newest_first() {
    let all = responses(800, 20);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    let filters = Filters {
        subset: TallyFilters {
            hospital: Some("H001".to_owned()),
            ..TallyFilters::default()
        },
        ..filters_2025_vs_2024()
    };
    let in_scope: Vec<&Response> = all
        .iter()
        .filter(|r| {
            r.hospital == "H001"
                && r.submitted_at.starts_with("2025")
                && !r.comment.trim().is_empty()
        })
        .collect();
    assert!(!in_scope.is_empty(), "the generator writes comments");
    let (total, rows) = worker.comments(&filters, "", None, 10);
    assert_eq!(total, in_scope.len() as u64);
    assert_eq!(rows.len(), in_scope.len().min(10));
    assert!(rows.windows(2).all(|w| w[0].date >= w[1].date));
    assert!(rows
        .iter()
        .all(|c| c.hospital == "H001" && c.date.starts_with("2025")));

    // A word of one comment finds it, whatever its case.
    let word: String = in_scope[0].comment.chars().take(2).collect();
    let (found, rows) = worker.comments(&filters, &word.to_uppercase(), None, 1000);
    assert!(found >= 1);
    assert!(rows
        .iter()
        .all(|c| c.text.to_lowercase().contains(&word.to_lowercase())));

    // The message form gives the same answer.
    worker.send(ToWorker::Comments {
        request: 5,
        filters,
        query: String::new(),
        theme: None,
        limit: 3,
    });
    match worker.answers.pop() {
        Some(FromWorker::Comments {
            request: 5,
            total: t,
            comments,
        }) => {
            assert_eq!((t, comments.len()), (total, 3.min(in_scope.len())));
        }
        other => panic!("expected comments, got {other:?}"),
    }
}

/// docs/formats.md §8: the worker's comment analysis has the bytes of
/// `tiyan comments` (the scoring crate's `CommentTally` over the same
/// responses), for any filters; the quotes behind a theme are masked and
/// carry it.
#[test]
fn the_comment_analysis_has_the_bytes_of_tiyan_comments() {
    use scoring::comments::{comments_to_json, CommentOptions, CommentTally, Taxonomy};
    use scoring::tally::{RespondentRef, ResponseRow};

    let mut all = responses(900, 23);
    all[3].comment = "我的手机13812345678，排队太久了".to_owned();
    all[3].submitted_at = "2025-03-01T08:00:00Z".to_owned();
    sort_for_export(&mut all);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 3000);
    let taxonomy = Taxonomy::campaign_v1().expect("lexicons");
    for (group_by, subset) in [
        (None, TallyFilters::default()),
        (Some(GroupBy::Hospital), TallyFilters::default()),
        (
            Some(GroupBy::Department),
            TallyFilters {
                hospital: Some("H001".to_owned()),
                ..TallyFilters::default()
            },
        ),
    ] {
        let filters = Filters {
            group_by,
            subset: subset.clone(),
            ..filters_2025_vs_2024()
        };
        let mut tally = CommentTally::new(
            &taxonomy,
            CommentOptions {
                current: Period::year(2025),
                baseline: Some(Period::year(2024)),
                group_by,
                suppress_below: filters.suppress_below,
                filters: subset,
            },
        );
        for r in &all {
            let row = ResponseRow {
                instrument: &r.instrument,
                instrument_version: r.instrument_version,
                hospital: &r.hospital,
                department: &r.department,
                visit_type: r.visit_type,
                channel: r.channel,
                submitted_at: &r.submitted_at,
                answers: &[],
                respondent: RespondentRef::of(&r.respondent),
            };
            tally
                .add(&taxonomy, &row, &r.id, &r.comment)
                .expect("valid");
        }
        let expected = comments_to_json(&tally.report(&taxonomy));
        worker.send(ToWorker::AnalyseComments {
            request: 30,
            filters: filters.clone(),
        });
        let groups = match worker.answers.pop() {
            Some(FromWorker::CommentsAnalysed {
                request: 30,
                outcome: Ok(analysed),
            }) => analysed.report.groups,
            other => panic!("expected the analysis, got {other:?}"),
        };
        worker.send(ToWorker::CommentsJson { request: 31 });
        match worker.answers.pop() {
            Some(FromWorker::CommentsJson {
                request: 31,
                outcome: Ok(json),
            }) => assert!(json == expected, "{group_by:?}: the worker's JSON differs"),
            other => panic!("expected the JSON, got {other:?}"),
        }
        let parsed: scoring::comments::CommentReport =
            serde_json::from_str(&expected).expect("JSON");
        assert_eq!(groups, parsed.groups);
    }
    // The quotes of a theme carry it, and nothing personal shows.
    let filters = filters_2025_vs_2024();
    let (total, rows) = worker.comments(&filters, "", Some("waiting"), 1000);
    assert!(total > 0);
    assert!(rows
        .iter()
        .all(|r| r.themes.iter().any(|t| t.id == "waiting")));
    let (_, rows) = worker.comments(&filters, "手机", None, 1000);
    assert!(rows
        .iter()
        .any(|r| r.text == "我的手机[手机号]，排队太久了"));
    assert!(rows.iter().all(|r| !r.text.contains("13812345678")));
}

#[test]
fn a_period_must_be_whole_months() {
    let mut worker = Worker::new();
    worker.load(1, &csv(&responses(50, 21)), 4096);
    let filters = Filters {
        current: DateRange::new("2025-01-15", "2025-03-01").expect("a valid range"),
        baseline: None,
        ..filters_2025_vs_2024()
    };
    worker.send(ToWorker::Score {
        request: 9,
        filters,
    });
    match worker.answers.pop() {
        Some(FromWorker::Scored {
            request: 9,
            outcome: Err(message),
        }) => assert!(message.contains("whole months"), "{message}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_trend_spans_the_two_periods_month_by_month() {
    let all = responses(600, 22);
    let mut worker = Worker::new();
    worker.load(1, &csv(&all), 4096);
    let scored = worker.score(1, filters_2025_vs_2024());
    let months: Vec<&str> = scored
        .trend
        .months
        .iter()
        .map(|m| m.month.as_str())
        .collect();
    assert_eq!(months.len(), 24);
    assert_eq!((months[0], months[23]), ("2024-01", "2025-12"));
    for m in &scored.trend.months {
        let n = all
            .iter()
            .filter(|r| r.submitted_at.starts_with(&m.month))
            .count() as u64;
        if m.suppressed {
            assert!(n < 10 && m.index.is_none());
        } else {
            assert_eq!(m.n, n, "{}", m.month);
        }
    }
}
