//! The units section and the XmR charts over a real report: the golden
//! data set of docs/scoring.md §10–§11 (seven hospitals with bands, verdicts
//! and signals), scored the way `tiyan score --group-by hospital` does.

use std::path::Path;

use scoring::input::{read_responses, InputFormat};
use scoring::instrument::Instrument;
use scoring::lang::Lang;
use scoring::present::words::{band, signal, ReportWords};
use scoring::report::{score, Band, GroupBy, Period, Report, Scope, ScoreOptions, Side};
use scoring::tally::Tally;

use super::escape::html as esc;
use super::render;
use super::unit_tables::band_class;
use crate::args::ReportFormat;

fn golden(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../scoring/test_data/golden")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `units` data set by hospital, 2024 against 2023, with a reliability
/// target that some stages miss.
fn report(target_reliability: f64) -> (Report, Instrument) {
    let instrument: Instrument = serde_json::from_str(&golden("instrument.json")).unwrap();
    let text = golden("responses/units.jsonl");
    let mut tally = Tally::new(&instrument).unwrap();
    for response in read_responses(text.as_bytes(), &instrument, InputFormat::Jsonl) {
        tally.add(&response.unwrap()).unwrap();
    }
    let mut options = ScoreOptions::new(Period::year(2024));
    options.baseline = Some(Period::year(2023));
    options.group_by = Some(GroupBy::Hospital);
    options.suppress_below = 10;
    options.target_reliability = target_reliability;
    let report = score(&instrument, &tally, &options).unwrap();
    (report, instrument)
}

fn rendered(report: &Report, instrument: &Instrument, format: ReportFormat, lang: Lang) -> String {
    render(format, report, instrument, lang, None).unwrap()
}

/// Each unit with a band is one point of the index's funnel, coloured by
/// that band, and a unit without a mean is not drawn.
#[test]
fn the_funnel_has_one_point_per_unit_in_its_band() {
    let (report, instrument) = report(0.7);
    let html = rendered(&report, &instrument, ReportFormat::Html, Lang::En);
    let units = report.units.as_ref().expect("units");
    let index = &units.measures[0];
    assert_eq!(index.scope, Scope::Index);
    let start = html.find(r#"<svg class="chart funnel""#).expect("a funnel");
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    let banded: Vec<_> = index.units.iter().filter(|u| u.band.is_some()).collect();
    assert!(banded.len() >= 3);
    assert_eq!(svg.matches(r#"<g class="unit "#).count(), banded.len());
    for u in &banded {
        let b = u.band.unwrap();
        let point = format!(
            r#"<g class="unit {}"><title>{}: n = {},"#,
            band_class(b),
            u.key,
            u.n
        );
        assert!(svg.contains(&point), "{point}");
        // The table says the same, in words.
        assert!(html.contains(&format!(
            r#"<span class="{}">{}</span>"#,
            band_class(b),
            band(Lang::En, b)
        )));
    }
    // Not every unit is as expected, or the colours would prove nothing.
    assert!(banded.iter().any(|u| u.band != banded[0].band));
    assert!(svg.contains("<title id=\"funnel-0-title\">") && svg.contains("<desc"));
    for external in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "HTML loads nothing: {external}");
    }
}

/// Every month of a signal is marked on its side; no other month is.
#[test]
fn xmr_charts_mark_the_months_of_their_signals() {
    let (report, instrument) = report(0.7);
    let html = rendered(&report, &instrument, ReportFormat::Html, Lang::En);
    let mut checked = 0;
    for group in report.groups.iter().filter(|g| g.key != "all") {
        let Some(Some(chart)) = group.stats.as_ref().and_then(|s| s.spc.first()) else {
            continue;
        };
        if chart.signals.is_empty() {
            continue;
        }
        let section = &html[html.find(&format!("<h2>{} <small>", group.key)).unwrap()..];
        let start = section.find(r#"<svg class="chart xmr""#).unwrap();
        let svg = &section[start..start + section[start..].find("</svg>").unwrap()];
        for point in &chart.points {
            let at = svg
                .find(&format!(r#"<g data-month="{}">"#, point.month))
                .unwrap_or_else(|| panic!("{} {}", group.key, point.month));
            let circle = &svg[at..at + svg[at..].find("</g>").unwrap()];
            let first = chart
                .signals
                .iter()
                .find(|s| s.months.contains(&point.month));
            match first {
                Some(s) => {
                    let side = if s.side == Side::High { "high" } else { "low" };
                    assert!(
                        circle.contains(&format!("point signal signal-{side}")),
                        "{circle}"
                    );
                }
                None => assert!(!circle.contains("signal"), "{circle}"),
            }
        }
        // The legend names each signal's rule, with its first month.
        for s in &chart.signals {
            let legend = &section[section.find("<ul class=\"signals\">").unwrap()..];
            let legend = &legend[..legend.find("</ul>").unwrap()];
            assert!(
                legend.contains(s.months[0].as_str())
                    && legend.contains(signal(Lang::En, s.rule, s.side))
            );
        }
        // One chart for the index and one for each stage with a series.
        let whole = &section[..section.find("</section>").unwrap()];
        let spc = &group.stats.as_ref().unwrap().spc;
        let charts = spc.iter().flatten().count();
        assert!(charts > 1, "{}: stages have charts too", group.key);
        assert_eq!(whole.matches(r#"<svg class="chart xmr""#).count(), charts);
        checked += 1;
    }
    assert!(checked > 0, "the data set has signals");
}

/// Units below the reliability target carry the mark and the legend says
/// what it means; at a target every unit reaches, nothing is marked.
#[test]
fn units_below_the_reliability_target_are_marked() {
    let w = ReportWords::of(Lang::ZhCn);
    let (strict, instrument) = report(0.95);
    let below = strict
        .units
        .as_ref()
        .unwrap()
        .measures
        .iter()
        .filter(|m| m.scope != Scope::Item)
        .flat_map(|m| &m.units)
        .filter(|u| u.reliable == Some(false))
        .count();
    assert!(below > 0);
    let md = rendered(&strict, &instrument, ReportFormat::Md, Lang::ZhCn);
    let marked_rows = md
        .lines()
        .filter(|l| l.starts_with("| H") && l.contains(" †"))
        .count();
    // Each marked unit row of a measure table, plus the overview's rows of
    // index units below the target.
    assert!(marked_rows >= below, "{marked_rows} < {below}");
    assert!(md.contains(&format!("† {}", w.below_target)));

    let (lenient, instrument) = report(0.5);
    let md = rendered(&lenient, &instrument, ReportFormat::Md, Lang::ZhCn);
    let reliable =
        |m: &&scoring::report::UnitMeasure| m.units.iter().all(|u| u.reliable != Some(false));
    let measures = &lenient.units.as_ref().unwrap().measures;
    assert!(measures
        .iter()
        .filter(|m| m.scope != Scope::Item)
        .all(|m| reliable(&m)));
    // The index and stage tables come before the items table.
    let tables = &md[..md.find(&format!("### {}", w.items_by_unit)).unwrap()];
    assert!(!tables.contains('†'));
    assert!(!tables.contains(w.below_target));
}

/// The section's words follow `--lang`, and the what-this-means texts are
/// there in each language.
#[test]
fn every_language_explains_the_charts() {
    let (report, instrument) = report(0.7);
    for lang in Lang::ALL {
        let w = ReportWords::of(lang);
        for format in [ReportFormat::Md, ReportFormat::Html] {
            let text = rendered(&report, &instrument, format, lang);
            for word in [
                w.units,
                w.control_charts,
                w.means_verdict,
                w.means_reliability,
                w.means_xmr,
            ] {
                // The HTML page escapes apostrophes like any text.
                let word = match format {
                    ReportFormat::Html => esc(word),
                    _ => word.to_owned(),
                };
                assert!(text.contains(&word), "{lang:?} {format:?}: {word}");
            }
        }
        let html = rendered(&report, &instrument, ReportFormat::Html, lang);
        assert!(html.contains(&esc(w.means_funnel)), "{lang:?}");
    }
}

/// The items table has a row per item and a column per unit, and each
/// cell carries its unit's band mark on that item.
#[test]
fn the_items_table_marks_each_unit_by_its_band() {
    let (report, instrument) = report(0.7);
    let md = rendered(&report, &instrument, ReportFormat::Md, Lang::En);
    let units = report.units.as_ref().unwrap();
    let keys: Vec<&str> = units.measures[0]
        .units
        .iter()
        .map(|u| u.key.as_str())
        .collect();
    let header = format!("| Item | {} |", keys.join(" | "));
    let at = md.find(&header).expect("the items table");
    let rows: Vec<&str> = md[at..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let items: Vec<_> = units
        .measures
        .iter()
        .filter(|m| m.scope == Scope::Item)
        .collect();
    assert_eq!(rows.len(), items.len());
    let mut marks = 0;
    for (row, m) in rows.iter().zip(&items) {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        assert!(cells[0].ends_with(&format!("`{}`", m.id)), "{row}");
        for (cell, key) in cells[1..].iter().zip(&keys) {
            let u = m.units.iter().find(|u| u.key == *key).unwrap();
            let arrows = match u.band {
                Some(Band::MuchBetter) => "▲▲",
                Some(Band::Better) => "▲",
                Some(Band::Worse) => "▼",
                Some(Band::MuchWorse) => "▼▼",
                _ => "",
            };
            let shown: String = cell.chars().filter(|c| matches!(c, '▲' | '▼')).collect();
            assert_eq!(shown, arrows, "{} {key}: {cell}", m.id);
            marks += usize::from(!arrows.is_empty());
        }
    }
    assert!(marks > 0, "some item is outside its funnel");
}
