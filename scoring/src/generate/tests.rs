//! The synthetic data are valid, deterministic and shaped as promised.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::instrument::default_instrument;
use crate::validate::Validator;

fn sample(options: &GenerateOptions) -> Vec<Response> {
    let instrument = default_instrument();
    generate(&instrument, options)
        .expect("options are valid")
        .collect()
}

fn options(responses: u64, seed: u64) -> GenerateOptions {
    GenerateOptions {
        seed,
        responses,
        ..GenerateOptions::default()
    }
}

#[test]
fn every_response_is_valid() {
    let instrument = default_instrument();
    let validator = Validator::new(&instrument);
    for r in sample(&options(5_000, 11)) {
        assert_eq!(validator.validate(&r), Ok(()), "{r:?}");
    }
}

#[test]
fn the_same_seed_gives_the_same_responses() {
    assert_eq!(sample(&options(300, 5)), sample(&options(300, 5)));
    assert_ne!(sample(&options(300, 5)), sample(&options(300, 6)));
    let instrument = default_instrument();
    let generator = generate(&instrument, &options(300, 5)).unwrap();
    assert_eq!(generator.response(123), sample(&options(300, 5))[123]);
}

#[test]
fn responses_come_in_time_order_over_the_years() {
    let responses = sample(&GenerateOptions {
        years: 3,
        from_year: 2022,
        ..options(3_000, 2)
    });
    let times: Vec<&str> = responses.iter().map(|r| r.submitted_at.as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    let years: BTreeSet<&str> = times.iter().map(|t| &t[..4]).collect();
    assert_eq!(years, BTreeSet::from(["2022", "2023", "2024"]));
    assert!(times[0].starts_with("2022-01"), "{}", times[0]);
    assert!(times[times.len() - 1].starts_with("2024-12"));
    let ids: BTreeSet<&str> = responses.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), responses.len(), "ids are unique");
}

#[test]
fn covers_hospitals_visit_types_and_channels() {
    let responses = sample(&options(5_000, 3));
    let set =
        |f: &dyn Fn(&Response) -> String| -> BTreeSet<String> { responses.iter().map(f).collect() };
    assert_eq!(
        set(&|r| r.hospital.clone()),
        BTreeSet::from(["H001", "H002", "H003", "H004", "H005"].map(String::from))
    );
    assert_eq!(set(&|r| r.visit_type.as_str().to_owned()).len(), 3);
    assert_eq!(set(&|r| r.channel.as_str().to_owned()).len(), 4);
    assert!(set(&|r| r.department.clone()).len() > 30);
    let more = sample(&GenerateOptions {
        hospitals: 12,
        ..options(2_000, 3)
    });
    assert!(more.iter().any(|r| r.hospital == "H012"));
}

#[test]
fn has_missing_answers_na_comments_and_partial_respondents() {
    let responses = sample(&options(5_000, 4));
    let n = responses.len() as f64;
    let share =
        |f: &dyn Fn(&Response) -> bool| responses.iter().filter(|r| f(r)).count() as f64 / n;

    let commented = share(&|r| !r.comment.is_empty());
    assert!((0.37..0.43).contains(&commented), "{commented}");
    assert!(share(&|r| r.comment.contains('\n')) > 0.02);
    assert!(share(&|r| r.comment.contains('"')) > 0.005);
    assert!(share(&|r| r.comment.contains(',') || r.comment.contains('，')) > 0.05);

    assert!(share(&|r| r.answers.values().any(|a| *a == Answer::Na)) > 0.5);
    assert!(share(&|r| !r.answers.contains_key("overall.rating")) > 0.005);
    assert!(share(&|r| r.respondent.age_band.is_none()) > 0.1);
    assert!(share(&|r| r.respondent == Respondent::default()) > 0.02);
    assert!(share(&|r| r.respondent.answered_by.as_deref() == Some("relative")) > 0.1);
}

/// Mean linear score (0–100) of an item per hospital and year.
fn means(responses: &[Response], item: &str) -> BTreeMap<(String, String), f64> {
    let instrument = default_instrument();
    let scale = instrument.item(item).map(|i| i.scale).expect("known item");
    let mut sums: BTreeMap<(String, String), (f64, f64)> = BTreeMap::new();
    for r in responses {
        if let Some(Answer::Value(v)) = r.answers.get(item) {
            let s = 100.0 * (v - scale.lo()) as f64 / (scale.hi() - scale.lo()) as f64;
            let e = sums
                .entry((r.hospital.clone(), r.submitted_at[..4].to_owned()))
                .or_default();
            e.0 += s;
            e.1 += 1.0;
        }
    }
    sums.into_iter().map(|(k, (s, n))| (k, s / n)).collect()
}

#[test]
fn hospitals_change_between_the_baseline_and_the_current_year() {
    let responses = sample(&options(40_000, 9));
    let wait = means(&responses, "outpatient.wait_time");
    let change =
        |h: &str| wait[&(h.to_owned(), "2024".into())] - wait[&(h.to_owned(), "2023".into())];
    // H003 runs the campaign hardest; H004 slips.
    assert!(change("H003") > 8.0, "H003 {}", change("H003"));
    assert!(change("H004") < -1.0, "H004 {}", change("H004"));
    // Parking is a pain point everywhere; respect is not.
    let parking = means(&responses, "whole_care.parking");
    let respect = means(&responses, "whole_care.respect");
    for (key, p) in &parking {
        assert!(*p < respect[key], "{key:?}");
    }
}

#[test]
fn items_correlate_with_the_overall_rating() {
    let responses = sample(&options(5_000, 8));
    let pairs: Vec<(f64, f64)> = responses
        .iter()
        .filter_map(|r| {
            match (
                r.answers.get("whole_care.nursing"),
                r.answers.get("overall.rating"),
            ) {
                (Some(Answer::Value(a)), Some(Answer::Value(b))) => Some((*a as f64, *b as f64)),
                _ => None,
            }
        })
        .collect();
    let n = pairs.len() as f64;
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
    let cov: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let vx: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let vy: f64 = pairs.iter().map(|p| (p.1 - my) * (p.1 - my)).sum();
    let r = cov / (vx * vy).sqrt();
    assert!((0.3..0.9).contains(&r), "{r}");
}

#[test]
fn refuses_impossible_options() {
    let instrument = default_instrument();
    let bad = |o: GenerateOptions| generate(&instrument, &o).err();
    assert_eq!(
        bad(GenerateOptions {
            years: 0,
            ..Default::default()
        }),
        Some(GenerateError::NoYears)
    );
    assert_eq!(
        bad(GenerateOptions {
            hospitals: 0,
            ..Default::default()
        }),
        Some(GenerateError::Hospitals)
    );
    assert_eq!(
        bad(GenerateOptions {
            from_year: 9999,
            years: 2,
            ..Default::default()
        }),
        Some(GenerateError::YearRange {
            from: 9999,
            to: 10001
        })
    );
}
