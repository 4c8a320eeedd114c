//! Each rule of docs/formats.md §2, as a response edited from a valid one and
//! the field errors it must produce.

use serde_json::json;

use super::*;
use crate::instrument::default_instrument;

/// A valid outpatient response to `pxs-core`.
fn valid() -> serde_json::Value {
    json!({
        "id": "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10",
        "instrument": "pxs-core", "instrument_version": 1,
        "hospital": "H001", "department": "cardiology",
        "visit_type": "outpatient", "channel": "kiosk",
        "submitted_at": "2024-05-03T09:12:44Z",
        "answers": { "pre_visit.booking_ease": 5, "outpatient.wait_time": 3,
                     "outpatient.privacy": "na", "outpatient.back_and_forth": 0,
                     "whole_care.parking": "na",
                     "overall.rating": 9, "overall.recommend": 10 },
        "respondent": { "age_band": "65-74", "self_rated_health": 3 },
        "comment": "挂号很快，\"医生\"很耐心。\n谢谢"
    })
}

/// Applies `edit` to the valid response and returns its errors as
/// `field: message` lines.
fn check(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut value = valid();
    edit(&mut value);
    let response: Response = serde_json::from_value(value).expect("edit keeps the JSON shape");
    match validate(&default_instrument(), &response) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_example_response_is_valid() {
    assert_eq!(check(|_| {}), Vec::<String>::new());
}

#[test]
fn each_rule_names_its_field() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "id",
            json!("not-a-uuid"),
            "id: \"not-a-uuid\" is not a UUID",
        ),
        (
            "id",
            json!("9B2F6C1E-4F1A-4C55-9D1E-2A8F0C3B7D10"),
            "id: \"9B2F6C1E-4F1A-4C55-9D1E-2A8F0C3B7D10\" is not a UUID",
        ),
        (
            "instrument",
            json!("pxs-lite"),
            "instrument: \"pxs-lite\" is not this instrument (pxs-core)",
        ),
        (
            "instrument_version",
            json!(2),
            "instrument_version: 2 is not this instrument's version (1)",
        ),
        (
            "hospital",
            json!(""),
            "hospital: \"\" is not a hospital code",
        ),
        (
            "hospital",
            json!("H 001"),
            "hospital: \"H 001\" is not a hospital code",
        ),
        (
            "department",
            json!("心".repeat(65)),
            "department: has 65 characters; at most 64",
        ),
        (
            "department",
            json!("cardio\nlogy"),
            "department: contains a control character",
        ),
        (
            "department",
            json!(" cardiology"),
            "department: \" cardiology\" starts or ends with spaces",
        ),
        (
            "submitted_at",
            json!("2024-05-03 09:12:44"),
            "submitted_at: \"2024-05-03 09:12:44\" is not a UTC time",
        ),
        (
            "submitted_at",
            json!("2024-05-03T09:12:44+08:00"),
            "submitted_at: \"2024-05-03T09:12:44+08:00\" is not a UTC time",
        ),
        (
            "submitted_at",
            json!("2023-02-29T09:12:44Z"),
            "submitted_at: day 29 is outside 1..28 for 2023-02",
        ),
        (
            "comment",
            json!("好".repeat(2001)),
            "comment: has 2001 characters; at most 2000 are allowed",
        ),
    ];
    for (field, value, expected) in cases {
        let errors = check(|r| r[field] = value.clone());
        assert_eq!(errors.len(), 1, "{field} = {value}: {errors:?}");
        assert!(
            errors[0].starts_with(expected),
            "{field} = {value}: {errors:?}"
        );
    }
}

#[test]
fn department_may_be_empty_and_comment_may_hold_2000_characters() {
    assert!(check(|r| r["department"] = json!("")).is_empty());
    assert!(check(|r| r["comment"] = json!("好".repeat(2000))).is_empty());
    assert!(check(|r| r["department"] = json!("心血管内科")).is_empty());
}

#[test]
fn answers_are_checked_against_their_item() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "outpatient.wait_time",
            json!(6),
            "outpatient.wait_time: value 6 is outside 1..5",
        ),
        (
            "outpatient.wait_time",
            json!(0),
            "outpatient.wait_time: value 0 is outside 1..5",
        ),
        (
            "overall.rating",
            json!(11),
            "overall.rating: value 11 is outside 0..10",
        ),
        (
            "outpatient.back_and_forth",
            json!(2),
            "outpatient.back_and_forth: value 2 is outside 0..1",
        ),
        (
            "outpatient.wait_time",
            json!("na"),
            "outpatient.wait_time: not applicable is not offered",
        ),
        (
            "outpatient.waiting",
            json!(3),
            "outpatient.waiting: is not an item of pxs-core version 1",
        ),
        (
            "inpatient.pain",
            json!(4),
            "inpatient.pain: stage inpatient is not shown to outpatient visits",
        ),
        (
            "emergency.triage",
            json!(4),
            "emergency.triage: stage emergency is not shown to outpatient visits",
        ),
    ];
    for (item, value, expected) in cases {
        let errors = check(|r| r["answers"][item] = value.clone());
        assert_eq!(errors.len(), 1, "{item} = {value}: {errors:?}");
        assert!(
            errors[0].starts_with(expected),
            "{item} = {value}: {errors:?}"
        );
    }
}

#[test]
fn stages_follow_the_visit_type() {
    let emergency = check(|r| {
        r["visit_type"] = json!("emergency");
        r["answers"] = json!({"emergency.triage": 4, "post_visit.instructions": 5,
                              "whole_care.nursing": 5, "overall.rating": 8});
    });
    assert!(emergency.is_empty(), "{emergency:?}");
    let inpatient_with_outpatient_item = check(|r| r["visit_type"] = json!("inpatient"));
    assert_eq!(
        inpatient_with_outpatient_item,
        [
            "outpatient.back_and_forth: stage outpatient is not shown to inpatient visits",
            "outpatient.privacy: stage outpatient is not shown to inpatient visits",
            "outpatient.wait_time: stage outpatient is not shown to inpatient visits",
        ]
    );
}

#[test]
fn respondent_values_come_from_the_instrument() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "age_band",
            json!("90+"),
            "respondent.age_band: \"90+\" is not one of 18-34, 35-49, 50-64, 65-74, 75+",
        ),
        (
            "education",
            json!("phd"),
            "respondent.education: \"phd\" is not one of primary, secondary, tertiary",
        ),
        (
            "self_rated_health",
            json!(6),
            "respondent.self_rated_health: 6 is not one of 1, 2, 3, 4, 5",
        ),
        (
            "answered_by",
            json!("nurse"),
            "respondent.answered_by: \"nurse\" is not one of patient, relative",
        ),
    ];
    for (field, value, expected) in cases {
        let errors = check(|r| r["respondent"][field] = value.clone());
        assert_eq!(errors, [expected.to_string()], "{field}");
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let errors = check(|r| {
        r["id"] = json!("x");
        r["hospital"] = json!("");
        r["answers"]["overall.rating"] = json!(-1);
        r["respondent"]["answered_by"] = json!("nurse");
    });
    let fields: Vec<&str> = errors.iter().filter_map(|e| e.split(':').next()).collect();
    assert_eq!(
        fields,
        ["id", "hospital", "overall.rating", "respondent.answered_by"]
    );
}
