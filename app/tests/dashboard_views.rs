//! How each view shapes the report (docs/formats.md §4) for display, and the
//! pure pieces around the views: filters and periods, the reducer, routes,
//! number formats, chart scales, CSV tables and the catalogue.
//!
//! Reports here are real: generated responses scored by the scoring
//! crate. Runs natively and in headless Chromium.

use std::rc::Rc;

use app::dashboard::charts::scale::{nice_ticks, shorten, text_width_em, Linear};
use app::dashboard::charts::trend_lines::path_data;
use app::dashboard::export_tables::{comparisons_csv, groups_csv, items_csv, stages_csv};
use app::dashboard::filters::{missing_ranges, DateRange, Filters};
use app::dashboard::i18n::{fill, Lang, T};
use app::dashboard::labels::{answer_goodness, InstrumentText, Labels};
use app::dashboard::model::benchmark::{
    self as bench, find_measure, measure_choices, measure_key, sort_units,
};
use app::dashboard::model::comparison::{comparison_rows, sort_rows, Sort, SortKey};
use app::dashboard::model::groups::{groups_table, GroupRow};
use app::dashboard::model::overview::overview;
use app::dashboard::model::priorities::priorities;
use app::dashboard::model::stage_detail::stage_detail;
use app::dashboard::model::trend::trend_lines;
use app::dashboard::model::xmr::{point_flags, rules_present, xmr_slots};
use app::dashboard::number_format as nf;
use app::dashboard::protocol::{FromWorker, Phase, Progress, Scored, TrendData, TrendMonth};
use app::dashboard::route::{relative_to_base, Route};
use app::dashboard::state::{Action, Activity, DashboardState, Mode};
use scoring::export::sort_for_export;
use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::{default_instrument, Scale, DEFAULT_INSTRUMENT_JSON};
use scoring::report::{
    score, to_canonical_json, GroupBy, GroupStats, Period, Quadrant, Report, Scope, ScoreOptions,
    Verdict,
};
use scoring::response::Response;
use scoring::tally::Tally;
use wire::{Role, Session};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn generated(n: u64, seed: u64, hospitals: u32) -> Vec<Response> {
    let mut all: Vec<Response> = generate(
        &default_instrument(),
        &GenerateOptions {
            seed,
            responses: n,
            from_year: 2024,
            years: 2,
            hospitals,
        },
    )
    .expect("valid options")
    .collect();
    sort_for_export(&mut all);
    all
}

/// A real report of 2025 against 2024, grouped by hospital, with
/// `suppress_below` chosen by the caller.
fn report(responses: &[Response], suppress_below: u64, baseline: bool) -> Report {
    let instrument = default_instrument();
    let mut tally = Tally::new(&instrument).expect("tally");
    for r in responses {
        tally.add(r).expect("valid");
    }
    let options = ScoreOptions {
        baseline: baseline.then(|| Period::year(2024)),
        group_by: Some(GroupBy::Hospital),
        suppress_below,
        ..ScoreOptions::new(Period::year(2025))
    };
    score(&instrument, &tally, &options).expect("score")
}

/// The statistics of the `all` group (never suppressed in these reports).
fn all_stats(report: &Report) -> &GroupStats {
    report
        .group("all")
        .and_then(|g| g.stats.as_ref())
        .expect("the all group is shown")
}

fn labels(lang: Lang) -> Labels {
    Labels::new(
        &InstrumentText::parse(DEFAULT_INSTRUMENT_JSON).expect("the built-in instrument"),
        lang,
    )
}

fn n_2025(responses: &[Response], hospital: &str) -> u64 {
    responses
        .iter()
        .filter(|r| r.hospital == hospital && r.submitted_at.starts_with("2025"))
        .count() as u64
}

/// Responses and a threshold just above the smallest hospital's size: that
/// hospital is suppressed, and so is the next smallest, because the first
/// alone could be recovered by subtraction from `all` (complementary
/// suppression, docs/scoring.md §12). Returns the two suppressed keys.
fn with_suppressed() -> (Vec<Response>, u64, Vec<String>) {
    let all = generated(900, 31, 4);
    let mut sizes: Vec<(u64, String)> = ["H001", "H002", "H003", "H004"]
        .iter()
        .map(|h| (n_2025(&all, h), h.to_string()))
        .collect();
    sizes.sort();
    assert!(
        sizes[0].0 < sizes[1].0,
        "hospitals differ in size: {sizes:?}"
    );
    let hidden = vec![sizes[0].1.clone(), sizes[1].1.clone()];
    (all, sizes[0].0 + 1, hidden)
}

// --- Overview --------------------------------------------------------

#[test]
fn overview_shows_index_nps_and_each_stage_with_its_change() {
    let all = generated(800, 32, 2);
    let doc = report(&all, 10, true);
    let o = overview(doc.group("all").expect("all"), &labels(Lang::En)).expect("not suppressed");
    let group = all_stats(&doc);
    assert_eq!(o.n, n_2025(&all, "H001") + n_2025(&all, "H002"));
    let ids: Vec<&str> = o.stages.iter().map(|s| s.id.as_str()).collect();
    let instrument = default_instrument();
    let expected: Vec<&str> = instrument.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(
        o.stages[0].title,
        "Before the visit: booking and preparation"
    );
    for s in &o.stages {
        let change = s.change.expect("a baseline gives every stage a change");
        let stat = group.stage(&s.id).expect("stage in report");
        assert_eq!(s.metric.mean, stat.mean);
        assert_eq!(
            change.diff,
            group.comparison(Scope::Stage, &s.id).and_then(|c| c.diff)
        );
    }
    assert_eq!(o.index.mean, group.index.mean);
    assert!(o.index_change.is_some());
    let nps = o.nps.expect("nps");
    assert!(nps.score.is_some_and(|s| (-100.0..=100.0).contains(&s)));
}

#[test]
fn overview_without_baseline_has_no_change() {
    let doc = report(&generated(300, 33, 1), 10, false);
    let o = overview(doc.group("all").expect("all"), &labels(Lang::ZhCn)).expect("shown");
    assert!(o.index_change.is_none());
    assert!(o.stages.iter().all(|s| s.change.is_none()));
    assert!(!doc.has_baseline());
}

#[test]
fn a_suppressed_group_shows_nothing() {
    let (all, threshold, hidden) = with_suppressed();
    let doc = report(&all, threshold, true);
    let l = labels(Lang::En);
    for key in &hidden {
        let group = doc.group(key).expect("a suppressed hospital is listed");
        assert!(group.suppressed);
        assert!(group.stats.is_none());
        assert!(overview(group, &l).is_none());
        assert!(priorities(group, &l).is_none());
        assert!(stage_detail(group, "outpatient", &l).is_none());
    }
}

// --- Comparison ------------------------------------------------------

#[test]
fn comparison_lists_index_then_stages_then_items_by_default() {
    let doc = report(&generated(800, 34, 2), 10, true);
    let group = all_stats(&doc);
    let mut rows = comparison_rows(group, &labels(Lang::En));
    assert_eq!(rows.len(), group.comparisons.len());
    sort_rows(&mut rows, Sort::default());
    let ranks: Vec<u8> = rows
        .iter()
        .map(|r| r.comparison.scope.reading_rank())
        .collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted);
    assert_eq!(rows[0].comparison.scope, Scope::Index);
    assert_eq!(rows[0].label, "Experience index");
    assert_eq!(rows[1].comparison.id, "pre_visit");
}

#[test]
fn sorting_puts_missing_values_last_both_ways() {
    let doc = report(&generated(800, 35, 2), 10, true);
    let mut rows = comparison_rows(all_stats(&doc), &labels(Lang::En));
    // Two rows lose their difference, as a comparison with n < 2 does.
    rows[3].comparison.diff = None;
    rows[10].comparison.diff = None;
    for descending in [false, true] {
        sort_rows(
            &mut rows,
            Sort {
                key: SortKey::Diff,
                descending,
            },
        );
        let diffs: Vec<Option<f64>> = rows.iter().map(|r| r.comparison.diff).collect();
        let present: Vec<f64> = diffs.iter().flatten().copied().collect();
        assert_eq!(diffs[present.len()..], [None, None]);
        assert!(present.windows(2).all(|w| if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }));
    }
}

#[test]
fn a_header_click_toggles_or_starts_in_the_useful_direction() {
    let by_q = Sort::default().toggle(SortKey::Q);
    assert_eq!(
        by_q,
        Sort {
            key: SortKey::Q,
            descending: false
        }
    );
    assert_eq!(
        by_q.toggle(SortKey::Q),
        Sort {
            key: SortKey::Q,
            descending: true
        }
    );
    assert!(by_q.toggle(SortKey::Diff).descending);
    assert!(by_q.toggle(SortKey::EffectSize).descending);
}

#[test]
fn sorting_by_verdict_groups_them() {
    let doc = report(&generated(800, 36, 2), 10, true);
    let mut rows = comparison_rows(all_stats(&doc), &labels(Lang::En));
    sort_rows(
        &mut rows,
        Sort {
            key: SortKey::Verdict,
            descending: false,
        },
    );
    let verdicts: Vec<Verdict> = rows.iter().map(|r| r.comparison.verdict).collect();
    let mut sorted = verdicts.clone();
    sorted.sort();
    assert_eq!(verdicts, sorted);
}

// --- Stage drill-down ------------------------------------------------

#[test]
fn a_stage_lists_its_items_with_full_distributions() {
    let doc = report(&generated(800, 37, 2), 10, true);
    let group = doc.group("all").expect("all");
    let instrument = default_instrument();
    for stage in &instrument.stages {
        let d = stage_detail(group, &stage.id, &labels(Lang::ZhCn)).expect("stage shown");
        let ids: Vec<&str> = d.items.iter().map(|i| i.id.as_str()).collect();
        let expected: Vec<&str> = stage.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, expected, "{}", stage.id);
        for (item, def) in d.items.iter().zip(&stage.items) {
            assert_eq!((item.scale, item.reverse), (def.scale, def.reverse));
            let values: Vec<i64> = item.distribution.iter().map(|s| s.value).collect();
            assert_eq!(values, def.scale.values().collect::<Vec<_>>());
            let counted: u64 = item.distribution.iter().map(|s| s.count).sum();
            assert_eq!(counted, item.metric.n, "{}", item.id);
            if counted > 0 {
                let shares: f64 = item.distribution.iter().map(|s| s.share).sum();
                assert!((shares - 1.0).abs() < 1e-9);
            }
        }
        assert_eq!(
            d.alpha,
            all_stats(&doc).stage(&stage.id).and_then(|s| s.alpha)
        );
    }
    assert!(stage_detail(group, "no_such_stage", &labels(Lang::En)).is_none());
}

#[test]
fn colours_follow_how_good_an_answer_is() {
    assert_eq!(answer_goodness(Scale::Likert5, false, 5), 1.0);
    assert_eq!(answer_goodness(Scale::Likert5, false, 3), 0.5);
    // "Did you go back and forth?" No is the good answer.
    assert_eq!(answer_goodness(Scale::Yesno, true, 0), 1.0);
    assert_eq!(answer_goodness(Scale::Rating11, false, 7), 0.7);
}

// --- Priorities ------------------------------------------------------

#[test]
fn fix_first_is_the_report_quadrant_most_important_first() {
    let doc = report(&generated(1500, 38, 2), 10, false);
    let group = doc.group("all").expect("all");
    let p = priorities(group, &labels(Lang::En)).expect("shown");
    let expected: Vec<&str> = all_stats(&doc)
        .drivers
        .iter()
        .filter(|d| d.quadrant == Some(Quadrant::FixFirst))
        .map(|d| d.id.as_str())
        .collect();
    let mut listed: Vec<&str> = p.fix_first.iter().map(|d| d.id.as_str()).collect();
    assert!(p.fix_first.windows(2).all(|w| w[0].r >= w[1].r));
    listed.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(listed, expected_sorted);
}

#[test]
fn the_median_lines_separate_the_quadrants_as_the_report_does() {
    let doc = report(&generated(1500, 39, 2), 10, false);
    let p = priorities(doc.group("all").expect("all"), &labels(Lang::En)).expect("shown");
    let (mr, mm) = (
        p.median_r.expect("median r"),
        p.median_mean.expect("median mean"),
    );
    for d in &p.points {
        let expected = match (d.r >= mr, d.mean >= mm) {
            (true, false) => Quadrant::FixFirst,
            (true, true) => Quadrant::KeepUp,
            (false, false) => Quadrant::Secondary,
            (false, true) => Quadrant::Surplus,
        };
        assert_eq!(
            d.quadrant,
            Some(expected),
            "{} r={} mean={}",
            d.id,
            d.r,
            d.mean
        );
    }
}

// --- Groups ----------------------------------------------------------

#[test]
fn groups_put_all_first_and_hide_suppressed_numbers() {
    let (all, threshold, hidden) = with_suppressed();
    let doc = report(&all, threshold, true);
    let table = groups_table(&doc, &labels(Lang::En));
    let keys: Vec<&str> = table.rows.iter().map(GroupRow::key).collect();
    assert_eq!(keys, ["all", "H001", "H002", "H003", "H004"]);
    assert_eq!(table.stages.len(), 6);
    for row in &table.rows {
        match row {
            GroupRow::Suppressed { key } => assert!(hidden.iter().any(|h| h == key)),
            GroupRow::Shown(g) => {
                assert!(!hidden.contains(&g.key));
                assert_eq!(g.stages.len(), table.stages.len());
                if g.key != "all" {
                    assert_eq!(g.n, n_2025(&all, &g.key));
                }
                assert!(g.index_verdict.is_some());
            }
        }
    }
}

// --- Units (benchmark) and XmR ---------------------------------------

#[test]
fn benchmark_offers_every_measure_and_falls_back_to_the_index() {
    let doc = report(&generated(3000, 11, 5), 10, true);
    let units = doc.units.as_ref().expect("5 hospitals give units");
    let choices = measure_choices(&doc, &labels(Lang::En));
    assert_eq!(choices.len(), units.measures.len());
    assert_eq!(choices[0].key, "index");
    assert_eq!(choices[0].label, "Experience index");
    let stage = &units.measures[1];
    assert_eq!(stage.scope, Scope::Stage);
    let key = measure_key(stage.scope, &stage.id);
    assert_eq!(find_measure(&doc, &key).map(|m| &m.id), Some(&stage.id));
    assert_eq!(
        find_measure(&doc, "item:no-such").map(|m| m.scope),
        Some(Scope::Index)
    );
}

#[test]
fn funnel_curves_are_the_shared_geometry() {
    let doc = report(&generated(3000, 15, 5), 10, true);
    let units = doc.units.as_ref().expect("units");
    let mut drawn = 0;
    for m in &units.measures {
        let ours = bench::funnel_curves(m, f64::INFINITY, 17);
        let shared = scoring::present::funnel::measure_curves(m, 17);
        assert_eq!(ours.is_some(), shared.is_some());
        let (Some(ours), Some(shared)) = (ours, shared) else {
            continue;
        };
        drawn += 1;
        assert_eq!(ours.points.len(), shared.points.len());
        for (a, b) in ours.points.iter().zip(&shared.points) {
            for (x, y) in [
                (a.n, b.n),
                (a.low998, b.low998),
                (a.low95, b.low95),
                (a.high95, b.high95),
                (a.high998, b.high998),
            ] {
                assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} vs {y}");
            }
        }
    }
    assert!(drawn > 0);
}

#[test]
fn benchmark_table_sorts_by_each_column() {
    let doc = report(&generated(3000, 12, 5), 10, true);
    let measure = find_measure(&doc, "index").expect("index measure");
    let mut rows = measure.units.clone();
    sort_units(&mut rows, bench::Sort::default());
    let keys: Vec<&str> = rows.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(
        keys,
        ["H001", "H002", "H003", "H004", "H005"],
        "by key, not ranked"
    );
    let diff = bench::Sort::default().toggle(bench::SortKey::Diff);
    assert!(diff.descending, "largest difference first");
    sort_units(&mut rows, diff);
    let diffs: Vec<f64> = rows.iter().filter_map(|u| u.diff).collect();
    assert_eq!(diffs.len(), 5);
    assert!(diffs.windows(2).all(|w| w[0] >= w[1]));
    sort_units(&mut rows, diff.toggle(bench::SortKey::Diff));
    let diffs: Vec<f64> = rows.iter().filter_map(|u| u.diff).collect();
    assert!(diffs.windows(2).all(|w| w[0] <= w[1]));
    sort_units(&mut rows, bench::Sort::default().toggle(bench::SortKey::N));
    assert!(rows.windows(2).all(|w| w[0].n >= w[1].n));
    sort_units(
        &mut rows,
        bench::Sort::default().toggle(bench::SortKey::Reliability),
    );
    let r: Vec<f64> = rows.iter().filter_map(|u| u.reliability).collect();
    assert!(r.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn groups_show_each_units_band_and_verdict_on_the_index() {
    let doc = report(&generated(3000, 13, 5), 10, true);
    let table = groups_table(&doc, &labels(Lang::En));
    assert!(table.has_units);
    let index = find_measure(&doc, "index").expect("index measure");
    for row in &table.rows {
        let GroupRow::Shown(g) = row else {
            panic!("nothing is suppressed here")
        };
        match &g.unit {
            None => assert_eq!(g.key, "all"),
            Some(u) => {
                let expected = index.units.iter().find(|x| x.key == g.key).expect("listed");
                assert_eq!(**u, *expected);
                assert_eq!(g.still_needed.is_some(), index.n_needed.is_some());
            }
        }
    }
}

#[test]
fn xmr_points_carry_the_rules_of_their_signals() {
    let doc = report(&generated(6000, 14, 3), 10, true);
    let mut charts = 0;
    for stats in doc.groups.iter().filter_map(|g| g.stats.as_ref()) {
        let slots = xmr_slots(stats, &labels(Lang::En));
        assert_eq!(slots.len(), stats.stages.len() + 1);
        assert_eq!(slots[0].id, "index");
        for (slot, stage) in slots[1..].iter().zip(&stats.stages) {
            assert_eq!(slot.id, stage.id);
            if let Some(chart) = slot.chart {
                assert_eq!(chart.id, stage.id);
            }
        }
        for chart in slots.iter().filter_map(|s| s.chart) {
            charts += 1;
            let flags = point_flags(chart);
            assert_eq!(flags.len(), chart.points.len());
            for signal in &chart.signals {
                for month in &signal.months {
                    let i = chart
                        .points
                        .iter()
                        .position(|p| &p.month == month)
                        .expect("a point");
                    assert!(flags[i].contains(&(signal.rule, signal.side)));
                }
            }
            let flagged = flags.iter().filter(|f| !f.is_empty()).count();
            let listed: std::collections::BTreeSet<&String> =
                chart.signals.iter().flat_map(|s| &s.months).collect();
            assert_eq!(flagged, listed.len());
            let rules = rules_present(chart);
            assert!(rules.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(rules.is_empty(), chart.signals.is_empty());
        }
    }
    assert!(charts > 0, "24 months of data give charts");
}

// --- Trend -----------------------------------------------------------

#[test]
fn trend_lines_start_with_the_index_and_break_at_suppressed_months() {
    let data = TrendData {
        months: vec![
            TrendMonth {
                month: "2025-01".into(),
                suppressed: false,
                n: 40,
                index: Some(70.0),
                stages: vec![
                    ("outpatient".into(), Some(68.0)),
                    ("emergency".into(), None),
                ],
            },
            TrendMonth {
                month: "2025-02".into(),
                suppressed: true,
                n: 0,
                index: None,
                stages: vec![],
            },
            TrendMonth {
                month: "2025-03".into(),
                suppressed: false,
                n: 55,
                index: Some(72.5),
                stages: vec![
                    ("outpatient".into(), Some(71.0)),
                    ("emergency".into(), None),
                ],
            },
        ],
    };
    let lines = trend_lines(&data, &labels(Lang::En));
    assert_eq!(lines.months, ["2025-01", "2025-02", "2025-03"]);
    assert_eq!(lines.n, [40, 0, 55]);
    let ids: Vec<&str> = lines.series.iter().map(|s| s.id.as_str()).collect();
    // A stage with no score in any month draws no line.
    assert_eq!(ids, ["index", "outpatient"]);
    assert_eq!(lines.series[0].points, [Some(70.0), None, Some(72.5)]);
    let y = Linear::new((0.0, 100.0), (100.0, 0.0));
    let d = path_data(&lines.series[0].points, |i| i as f64 * 10.0, &y);
    assert_eq!(d, "M0.0,30.0 M20.0,27.5");
}

// --- Exports ---------------------------------------------------------

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_tables_have_a_row_per_group_and_statistic() {
    let (all, threshold, hidden) = with_suppressed();
    let doc = report(&all, threshold, true);
    let l = labels(Lang::ZhCn);
    let shown: Vec<&GroupStats> = doc.groups.iter().filter_map(|g| g.stats.as_ref()).collect();

    let (header, rows) = read_csv(&items_csv(&doc, &l));
    assert_eq!(header[..4], ["group", "suppressed", "item", "text"]);
    let items = default_instrument().items().count();
    assert_eq!(rows.len(), shown.len() * items + hidden.len());
    let hidden_rows: Vec<&Vec<String>> = rows.iter().filter(|r| hidden.contains(&r[0])).collect();
    assert_eq!(hidden_rows.len(), hidden.len());
    for row in hidden_rows {
        assert_eq!(row[1], "true");
        assert!(
            row[2..].iter().all(String::is_empty),
            "no number of a suppressed group"
        );
    }

    let (_, rows) = read_csv(&stages_csv(&doc, &l));
    assert_eq!(rows.len(), shown.len() * 7 + hidden.len());
    let index = rows
        .iter()
        .find(|r| r[0] == "all" && r[2] == "index")
        .expect("the index row");
    let mean: f64 = index[5].parse().expect("a number");
    assert_eq!(Some(mean), all_stats(&doc).index.mean);

    let (header, rows) = read_csv(&comparisons_csv(&doc, &l));
    assert_eq!(header.last().map(String::as_str), Some("verdict"));
    let comparisons: usize = shown.iter().map(|g| g.comparisons.len()).sum();
    assert_eq!(rows.len(), comparisons + hidden.len());

    let (header, rows) = read_csv(&groups_csv(&doc, &l));
    assert_eq!(header.len(), 7 + 6);
    assert_eq!(rows.len(), doc.groups.len());
}

// --- Filters and periods ---------------------------------------------

#[test]
fn only_the_missing_parts_of_a_period_are_downloaded() {
    let y = DateRange::year;
    let range = |a: &str, b: &str| DateRange::new(a, b).expect("valid");
    assert_eq!(missing_ranges(&[], &y(2025)), [y(2025)]);
    assert!(missing_ranges(&[y(2024), y(2025)], &y(2025)).is_empty());
    assert_eq!(
        missing_ranges(&[range("2025-03-01", "2025-06-01")], &y(2025)),
        [
            range("2025-01-01", "2025-03-01"),
            range("2025-06-01", "2026-01-01")
        ]
    );
    assert_eq!(
        missing_ranges(
            &[
                range("2024-06-01", "2025-02-01"),
                range("2025-01-01", "2025-04-01")
            ],
            &y(2025)
        ),
        [range("2025-04-01", "2026-01-01")]
    );
    assert_eq!(missing_ranges(&[y(2023)], &y(2025)), [y(2025)]);
}

#[test]
fn date_ranges_are_checked() {
    assert!(DateRange::new("2025-02-29", "2025-03-01").is_err());
    assert!(DateRange::new("2024-02-29", "2024-03-01").is_ok());
    assert!(DateRange::new("2025-03-01", "2025-03-01").is_err());
    assert!(DateRange::new("2025-3-1", "2025-04-01").is_err());
    assert_eq!(DateRange::year(2025).as_year(), Some(2025));
    assert_eq!(
        DateRange::new("2025-01-01", "2025-07-01")
            .expect("valid")
            .as_year(),
        None
    );
    assert!(DateRange::year(2025).contains_date("2025-12-31"));
    assert!(!DateRange::year(2025).contains_date("2026-01-01"));
}

#[test]
fn an_opened_file_starts_on_its_last_year() {
    assert_eq!(
        Filters::periods_for_data("2023-04-02", "2025-11-30"),
        Some((DateRange::year(2025), Some(DateRange::year(2024))))
    );
    assert_eq!(
        Filters::periods_for_data("2025-01-02", "2025-11-30"),
        Some((DateRange::year(2025), None))
    );
    assert_eq!(Filters::periods_for_data("", "2025-11-30"), None);
    assert_eq!(
        Filters::for_year(2025).file_stem(),
        "tiyan-report-2025-vs-2024"
    );
}

// --- State -----------------------------------------------------------

fn scored_for(report: Report) -> Scored {
    Scored {
        report_json: to_canonical_json(&report),
        report: Box::new(report),
        trend: TrendData::default(),
        comment_count: 0,
    }
}

#[test]
fn an_answer_to_an_older_request_is_dropped() {
    let report = score(
        &default_instrument(),
        &Tally::new(&default_instrument()).expect("tally"),
        &ScoreOptions::new(Period::year(2025)),
    )
    .expect("an empty report");
    let state = DashboardState::new(Lang::ZhCn, Filters::for_year(2025))
        .reduce(Action::ScoreRequested {
            request: 1,
            filters: Filters::for_year(2025),
        })
        .reduce(Action::ScoreRequested {
            request: 2,
            filters: Filters::for_year(2024),
        });
    assert_eq!(state.activity, Activity::Scoring);
    let stale = state.clone().reduce(Action::Worker(FromWorker::Scored {
        request: 1,
        outcome: Ok(scored_for(report.clone())),
    }));
    assert!(stale.result.is_none());
    let fresh = state.reduce(Action::Worker(FromWorker::Scored {
        request: 2,
        outcome: Ok(scored_for(report)),
    }));
    let result = fresh.result.expect("the answer to request 2");
    assert_eq!(result.filters, Filters::for_year(2024));
    assert_eq!(result.scored.report.periods.current.from, "2025-01-01");
    assert_eq!(fresh.activity, Activity::Idle);
}

#[test]
fn the_comment_analysis_follows_its_request_and_a_new_report_clears_it() {
    use app::dashboard::protocol::AnalysedComments;
    use scoring::comments::{CommentOptions, CommentTally, Taxonomy};

    let taxonomy = Taxonomy::campaign_v1().expect("lexicons");
    let analysed = |key: &str| {
        let mut report = CommentTally::new(
            &taxonomy,
            CommentOptions {
                current: Period::year(2025),
                baseline: None,
                group_by: None,
                suppress_below: 0,
                filters: Default::default(),
            },
        )
        .report(&taxonomy);
        report.groups[0].key = key.to_owned();
        Box::new(AnalysedComments {
            report,
            theme_names: taxonomy.themes().iter().map(|t| t.names.clone()).collect(),
        })
    };
    let state = DashboardState::new(Lang::En, Filters::for_year(2025))
        .reduce(Action::CommentsAnalysisRequested { request: 4 })
        .reduce(Action::CommentsAnalysisRequested { request: 5 });
    assert!(state.comments.analysing);
    let stale = state
        .clone()
        .reduce(Action::Worker(FromWorker::CommentsAnalysed {
            request: 4,
            outcome: Ok(analysed("old")),
        }));
    assert!(stale.comments.analysis.is_none() && stale.comments.analysing);
    let fresh = state.reduce(Action::Worker(FromWorker::CommentsAnalysed {
        request: 5,
        outcome: Ok(analysed("all")),
    }));
    let analysis = fresh
        .comments
        .analysis
        .clone()
        .expect("the answer to request 5");
    assert_eq!(analysis.report.groups[0].key, "all");
    assert_eq!(analysis.theme_name("waiting", Lang::ZhCn), "等候排队");
    assert!(!fresh.comments.analysing);
    // A new report wants a new analysis.
    let report = score(
        &default_instrument(),
        &Tally::new(&default_instrument()).expect("tally"),
        &ScoreOptions::new(Period::year(2025)),
    )
    .expect("an empty report");
    let rescored = fresh
        .reduce(Action::ScoreRequested {
            request: 6,
            filters: Filters::for_year(2025),
        })
        .reduce(Action::Worker(FromWorker::Scored {
            request: 6,
            outcome: Ok(scored_for(report)),
        }));
    assert!(rescored.comments.analysis.is_none());
}

#[test]
fn a_hospital_administrator_is_held_to_their_hospital() {
    let session = Session {
        username: "h001".into(),
        role: Role::HospitalAdmin,
        hospital: Some("H001".into()),
        department: None,
    };
    let state = DashboardState::new(Lang::En, Filters::for_year(2025))
        .reduce(Action::SignedIn(session.clone()));
    assert_eq!(state.filters.subset.hospital.as_deref(), Some("H001"));
    assert_eq!(state.mode, Mode::Server(session));
    assert!(state.may_see_comments());
    let out = state.reduce(Action::SignedOut);
    assert_eq!(out.filters.subset.hospital, None);
    assert!(!out.may_see_comments());
}

#[test]
fn progress_follows_the_worker_and_errors_stop_it() {
    let state = DashboardState::new(Lang::En, Filters::for_year(2025))
        .reduce(Action::ReadStarted {
            range: Some(DateRange::year(2025)),
            total: None,
        })
        .reduce(Action::ReadBytes(4096));
    assert!(matches!(
        state.activity,
        Activity::Reading { bytes: 4096, .. }
    ));
    assert!(state.busy());
    let parsing = state.reduce(Action::Worker(FromWorker::Progress(Progress {
        phase: Phase::Parsing,
        done: 10,
        total: Some(20),
    })));
    assert_eq!(
        parsing.activity,
        Activity::Parsing {
            done: 10,
            total: Some(20)
        }
    );
    let failed = parsing.reduce(Action::Worker(FromWorker::Failed {
        message: "bad".into(),
    }));
    assert_eq!(failed.activity, Activity::Failed("bad".into()));
    assert!(!failed.busy());
}

#[test]
fn a_local_file_hides_comments() {
    let state = DashboardState::new(Lang::En, Filters::for_year(2025)).reduce(Action::DataReset {
        mode: Some(Mode::LocalFile {
            name: "export.csv".into(),
        }),
        instrument: Rc::new(InstrumentText::parse(DEFAULT_INSTRUMENT_JSON).expect("instrument")),
    });
    assert!(!state.may_see_comments());
    assert!(state.session().is_none());
}

// --- Routes, numbers, scales, words ----------------------------------

#[test]
fn routes_read_back_what_they_write() {
    for route in [
        Route::Overview,
        Route::Comparison,
        Route::Stage(None),
        Route::Stage(Some("inpatient".into())),
        Route::Priorities,
        Route::Groups,
        Route::Benchmark,
        Route::Trend,
        Route::Comments,
        Route::Print,
    ] {
        assert_eq!(Route::parse(&route.to_relative()), route);
    }
    assert_eq!(
        relative_to_base("/admin/stages/inpatient", "/admin/"),
        "stages/inpatient"
    );
    assert_eq!(relative_to_base("/admin", "/admin/"), "");
    assert_eq!(Route::parse("no/such/page"), Route::Overview);
}

#[test]
fn numbers_are_written_for_people() {
    assert_eq!(nf::score(Some(72.449)), "72.4");
    assert_eq!(nf::score(None), "—");
    assert_eq!(nf::signed(Some(3.25)), "+3.2");
    assert_eq!(nf::signed(Some(-1.0)), "−1.0");
    assert_eq!(nf::signed(Some(-0.04)), "0.0");
    assert_eq!(nf::interval(Some(-0.04), Some(1.26)), "0.0 – 1.3");
    assert_eq!(nf::interval(Some(-2.0), None), "—");
    assert_eq!(nf::percent(Some(0.4167)), "41.7%");
    assert_eq!(nf::p_value(Some(0.0004)), "<0.001");
    assert_eq!(nf::p_value(Some(0.0412)), "0.041");
    assert_eq!(nf::count(1_000_000), "1,000,000");
    assert_eq!(nf::count(999), "999");
}

#[test]
fn scales_map_clamp_and_tick_roundly() {
    let x = Linear::new((0.0, 100.0), (10.0, 510.0));
    assert_eq!(x.at(50.0), 260.0);
    assert_eq!(x.at(120.0), 510.0);
    assert_eq!(x.at(-5.0), 10.0);
    assert_eq!(nice_ticks(0.0, 100.0, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
    assert_eq!(nice_ticks(0.52, 0.71, 5), [0.55, 0.6, 0.65, 0.7]);
    assert_eq!(text_width_em("门诊"), 2.0);
    assert_eq!(shorten("门诊就诊环节的满意度", 5.0), "门诊就诊…");
    assert_eq!(shorten("short", 10.0), "short");
}

#[test]
fn every_text_exists_in_every_language() {
    for key in T::ALL {
        for lang in Lang::ALL {
            assert!(
                !key.in_(lang).trim().is_empty(),
                "{key:?} in {}",
                lang.tag()
            );
        }
    }
    assert_eq!(Lang::parse("zh-Hant"), Some(Lang::ZhHant));
    assert_eq!(
        fill(T::FewerThan.in_(Lang::En), &[("n", "10")]),
        "fewer than 10 responses"
    );
    // Item titles come from the instrument in each language.
    let en = labels(Lang::En);
    let hant = labels(Lang::ZhHant);
    assert_ne!(
        en.item("outpatient.wait_time"),
        hant.item("outpatient.wait_time")
    );
    assert_eq!(
        en.item_info("overall.rating").map(|i| i.scale),
        Some(Scale::Rating11)
    );
}
