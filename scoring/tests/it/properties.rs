//! Invariants of tallies (docs/scoring.md §8), as seeded property tests:
//! - the merge of the tallies of a split is the tally of the whole;
//! - a tally survives serialisation;
//! - permuting the responses changes no byte of the report.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use scoring::instrument::{Instrument, VisitType};
use scoring::report::{score, to_canonical_json, GroupBy, Period, ScoreOptions};
use scoring::response::{Answer, Channel, Respondent, Response};
use scoring::tally::Tally;

use crate::fixture;

/// SplitMix64: a tiny deterministic generator for building responses
/// from one seed (proptest picks the seeds and the sizes).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// `count` valid responses to `instrument`, from `seed`.
fn responses(instrument: &Instrument, seed: u64, count: usize) -> Vec<Response> {
    let mut g = SplitMix(seed);
    (0..count)
        .map(|i| {
            let visit_type = *g.pick(&VisitType::ALL);
            let mut answers = std::collections::BTreeMap::new();
            for stage in &instrument.stages {
                if !instrument.stages_shown(visit_type).contains(&stage.id) {
                    continue;
                }
                for item in &stage.items {
                    match g.below(10) {
                        0 => {}
                        1 if item.allow_na => {
                            answers.insert(item.id.clone(), Answer::Na);
                        }
                        _ => {
                            let v = item.scale.lo()
                                + g.below((item.scale.hi() - item.scale.lo() + 1) as u64) as i64;
                            answers.insert(item.id.clone(), Answer::Value(v));
                        }
                    }
                }
            }
            for item in &instrument.overall {
                answers.insert(item.id.clone(), Answer::Value(g.below(11) as i64));
            }
            let choice = |g: &mut SplitMix, field: &scoring::instrument::ChoiceField| {
                (g.below(4) > 0).then(|| g.pick(&field.values).value.clone())
            };
            let fields = &instrument.respondent;
            Response {
                id: format!("00000000-0000-4000-8000-{:012x}", i),
                instrument: instrument.id.clone(),
                instrument_version: instrument.version,
                hospital: g.pick(&["H001", "H002", "H003"]).to_string(),
                department: g.pick(&["", "cardiology", "儿科"]).to_string(),
                visit_type,
                channel: *g.pick(&Channel::ALL),
                submitted_at: format!(
                    "{}-{:02}-{:02}T08:00:00Z",
                    2023 + g.below(2),
                    1 + g.below(12),
                    1 + g.below(28)
                ),
                answers,
                respondent: Respondent {
                    age_band: choice(&mut g, &fields.age_band)
                        .map(|v| v.as_str().unwrap().to_string()),
                    education: choice(&mut g, &fields.education)
                        .map(|v| v.as_str().unwrap().to_string()),
                    self_rated_health: choice(&mut g, &fields.self_rated_health)
                        .map(|v| v.as_i64().unwrap()),
                    answered_by: choice(&mut g, &fields.answered_by)
                        .map(|v| v.as_str().unwrap().to_string()),
                },
                comment: String::new(),
            }
        })
        .collect()
}

/// The golden instrument, or the one with frequency4 and likert7 items
/// (thirds of a score), by the seed's parity.
fn either_instrument(seed: u64) -> Instrument {
    fixture::instrument_of(if seed.is_multiple_of(2) {
        "main"
    } else {
        "scales"
    })
}

fn config() -> Config {
    Config {
        cases: 24,
        rng_seed: RngSeed::Fixed(20_240_501),
        failure_persistence: None,
        ..Config::default()
    }
}

fn options() -> ScoreOptions {
    ScoreOptions {
        baseline: Some(Period::year(2023)),
        group_by: Some(GroupBy::Hospital),
        case_mix: true,
        suppress_below: 3,
        min_compare: 5,
        ..ScoreOptions::new(Period::year(2024))
    }
}

/// Without case-mix, where units against the rest decide on exact
/// differences (docs/scoring.md §10.1).
fn by_department() -> ScoreOptions {
    ScoreOptions {
        baseline: Some(Period::year(2023)),
        group_by: Some(GroupBy::Department),
        suppress_below: 3,
        min_compare: 5,
        min_difference: 1.0,
        ..ScoreOptions::new(Period::year(2024))
    }
}

/// The properties reach the sections of methodology version 2: with
/// enough responses both options give units and XmR charts.
#[test]
fn the_properties_cover_units_and_charts() {
    let instrument = fixture::instrument();
    let tally = fixture::tally(&instrument, &responses(&instrument, 3, 199));
    for options in [options(), by_department()] {
        let report = score(&instrument, &tally, &options).unwrap();
        let units = report.units.expect("3 units");
        assert!(units.measures.iter().any(|m| m.k >= 3));
        let charts = report.groups[0].stats.as_ref().unwrap().spc.iter();
        assert!(charts.flatten().count() > 0);
    }
}

#[test]
fn refuses_version_2_options_outside_their_range() {
    let instrument = fixture::instrument();
    let tally = fixture::tally(&instrument, &responses(&instrument, 5, 20));
    for (min_difference, target_reliability) in [
        (-0.5, 0.7),
        (f64::NAN, 0.7),
        (3.0, 0.0),
        (3.0, 1.0),
        (3.0, f64::NAN),
    ] {
        let options = ScoreOptions {
            min_difference,
            target_reliability,
            ..options()
        };
        let err = score(&instrument, &tally, &options).unwrap_err();
        assert!(
            matches!(err, scoring::report::ScoreError::BadOption { .. }),
            "{err}"
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn merging_the_tallies_of_a_split_gives_the_tally_of_the_whole(
        seed in any::<u64>(), count in 0usize..150, cut in 0.0f64..1.0,
    ) {
        let instrument = either_instrument(seed);
        let all = responses(&instrument, seed, count);
        let at = ((count as f64) * cut) as usize;
        let mut left = fixture::tally(&instrument, &all[..at]);
        let right = fixture::tally(&instrument, &all[at..]);
        left.merge(&right).unwrap();
        let whole = fixture::tally(&instrument, &all);
        prop_assert!(left == whole);
        prop_assert_eq!(left.to_json(), whole.to_json());
        prop_assert_eq!(left.responses(), count as u64);
        for options in [options(), by_department()] {
            prop_assert_eq!(
                to_canonical_json(&score(&instrument, &left, &options).unwrap()),
                to_canonical_json(&score(&instrument, &whole, &options).unwrap())
            );
        }
    }

    #[test]
    fn a_tally_survives_serialisation(seed in any::<u64>(), count in 0usize..80) {
        let instrument = either_instrument(seed);
        let tally = fixture::tally(&instrument, &responses(&instrument, seed, count));
        let back = Tally::from_json(&instrument, &tally.to_json()).unwrap();
        prop_assert!(back == tally);
        let a = score(&instrument, &tally, &options()).unwrap();
        let b = score(&instrument, &back, &options()).unwrap();
        prop_assert_eq!(to_canonical_json(&a), to_canonical_json(&b));
    }

    #[test]
    fn permuting_the_responses_changes_no_byte_of_the_report(
        seed in any::<u64>(), count in 1usize..200, shuffle in any::<u64>(),
    ) {
        let instrument = either_instrument(seed);
        let mut rs = responses(&instrument, seed, count);
        let before = to_canonical_json(
            &score(&instrument, &fixture::tally(&instrument, &rs), &options()).unwrap(),
        );
        // Fisher–Yates with its own seed.
        let mut g = SplitMix(shuffle);
        for i in (1..rs.len()).rev() {
            rs.swap(i, g.below(i as u64 + 1) as usize);
        }
        let after = to_canonical_json(
            &score(&instrument, &fixture::tally(&instrument, &rs), &options()).unwrap(),
        );
        prop_assert_eq!(before, after);
        let tally = fixture::tally(&instrument, &rs);
        let grouped = to_canonical_json(&score(&instrument, &tally, &by_department()).unwrap());
        rs.reverse();
        let reversed = fixture::tally(&instrument, &rs);
        prop_assert_eq!(
            grouped,
            to_canonical_json(&score(&instrument, &reversed, &by_department()).unwrap())
        );
    }
}

#[test]
fn generated_responses_are_valid() {
    let instrument = fixture::instrument();
    for r in responses(&instrument, 7, 300) {
        assert_eq!(
            scoring::validate::validate(&instrument, &r),
            Ok(()),
            "{}",
            r.id
        );
    }
}

/// `add_row` (positional answers, as a CSV reader has them) counts a
/// response exactly as `add` does.
#[test]
fn rows_and_responses_tally_the_same() {
    use scoring::tally::{RespondentRef, ResponseRow};
    let instrument = fixture::instrument();
    let rs = responses(&instrument, 11, 400);
    let ids: Vec<&str> = instrument.items().map(|i| i.id.as_str()).collect();
    let mut by_row = Tally::new(&instrument).unwrap();
    for r in &rs {
        let answers: Vec<Option<Answer>> =
            ids.iter().map(|id| r.answers.get(*id).copied()).collect();
        let row = ResponseRow {
            instrument: &r.instrument,
            instrument_version: r.instrument_version,
            hospital: &r.hospital,
            department: &r.department,
            visit_type: r.visit_type,
            channel: r.channel,
            submitted_at: &r.submitted_at,
            answers: &answers,
            respondent: RespondentRef::of(&r.respondent),
        };
        assert!(by_row.add_row(&row).unwrap());
    }
    assert!(by_row == fixture::tally(&instrument, &rs));
}
