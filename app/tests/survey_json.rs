//! The survey's own JSON readers and writer (`app::services::json`), run in
//! Chromium against serde's derives of the same types: both must read and
//! write the same documents, so that the server, the CLI and a device
//! updated from an older survey all agree with the bundle.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use app::services::json::{self, FromJson, JsonError, ToJson};
use app::services::outbox::{KeptAside, Outbox, SetAsideReason};
use app::survey::boot::Prefs;
use app::survey::draft::{Draft, StoredDraft};
use app::survey::entry::{parse_entry, Entry};
use app::survey::i18n::Lang;
use scoring::instrument::{default_instrument, Instrument, VisitType, DEFAULT_INSTRUMENT_JSON};
use scoring::response::{Answer, Channel, Respondent, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen_test::wasm_bindgen_test;
use wire::{BatchReply, FieldError, SubmissionResult, SubmissionStatus};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn response(id: &str) -> Response {
    Response {
        id: id.to_owned(),
        instrument: "pxs-core".to_owned(),
        instrument_version: 1,
        hospital: "H001".to_owned(),
        department: "心内科".to_owned(),
        visit_type: VisitType::Outpatient,
        channel: Channel::Phone,
        submitted_at: "2024-05-03T09:12:44Z".to_owned(),
        answers: BTreeMap::from([
            ("outpatient.wait_time".to_owned(), Answer::Value(3)),
            ("outpatient.privacy".to_owned(), Answer::Na),
            ("overall.rating".to_owned(), Answer::Value(0)),
        ]),
        respondent: Respondent {
            age_band: Some("65-74".to_owned()),
            education: None,
            self_rated_health: Some(3),
            answered_by: None,
        },
        comment: "挂号很快，\"医生\"很耐心。\n停车难\\ \u{1}".to_owned(),
    }
}

/// `value` goes through the survey's writer and serde's reader, and through
/// serde's writer and the survey's reader, unchanged both ways.
fn check_both_ways<T>(value: &T)
where
    T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = json::stringify(value);
    let by_serde: T = serde_json::from_str(&ours).expect("serde reads the survey's JSON");
    assert_eq!(&by_serde, value, "serde read back {ours}");
    let theirs = serde_json::to_string(value).unwrap();
    let by_us: T = json::parse(&theirs).expect("the survey reads serde's JSON");
    assert_eq!(&by_us, value, "the survey read back {theirs}");
}

#[wasm_bindgen_test]
fn reads_the_compiled_in_instrument_as_serde_does() {
    let instrument: Instrument = json::parse(DEFAULT_INSTRUMENT_JSON).unwrap();
    assert_eq!(instrument, default_instrument());
    assert_eq!(
        json::instrument_id_version(DEFAULT_INSTRUMENT_JSON),
        Some(("pxs-core".to_owned(), 1))
    );
}

#[wasm_bindgen_test]
fn reads_every_scale_id_as_serde_does() {
    let text = include_str!("../../scoring/test_data/instruments/scales-demo.json");
    let ours: Instrument = json::parse(text).unwrap();
    let theirs: Instrument = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs);
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["stages"][0]["items"][0]["scale"] = "likert9".into();
    assert!(json::parse::<Instrument>(&value.to_string()).is_err());
}

#[wasm_bindgen_test]
fn optional_instrument_fields_take_their_defaults() {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_INSTRUMENT_JSON).unwrap();
    let stage = &mut value["stages"][0];
    stage.as_object_mut().unwrap().remove("weight");
    let item = stage["items"][0].as_object_mut().unwrap();
    for field in ["weight", "reverse", "allow_na"] {
        item.remove(field);
    }
    item.insert("unknown_field".to_owned(), serde_json::json!([1, 2]));
    let text = value.to_string();
    let ours: Instrument = json::parse(&text).unwrap();
    let theirs: Instrument = serde_json::from_str(&text).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(ours.stages[0].weight, 1.0);
    assert!(!ours.stages[0].items[0].allow_na);
}

#[wasm_bindgen_test]
fn an_instrument_missing_a_field_is_refused_with_its_name() {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_INSTRUMENT_JSON).unwrap();
    value["stages"][1]["items"][2]
        .as_object_mut()
        .unwrap()
        .remove("scale");
    assert_eq!(
        json::parse::<Instrument>(&value.to_string()),
        Err(JsonError::Field("scale"))
    );
    assert!(matches!(
        json::parse::<Instrument>("{\"id\": "),
        Err(JsonError::Syntax(_))
    ));
}

#[wasm_bindgen_test]
fn responses_read_and_write_as_serde_does() {
    check_both_ways(&response("9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10"));
    let mut bare = response("b");
    bare.respondent = Respondent::default();
    bare.department = String::new();
    bare.comment = String::new();
    check_both_ways(&bare);
    // Optional fields may be absent; unknown ones are ignored.
    let minimal = r#"{"id":"b","instrument":"pxs-core","instrument_version":1,"hospital":"H001",
        "visit_type":"outpatient","channel":"phone","submitted_at":"2024-05-03T09:12:44Z",
        "answers":{"outpatient.wait_time":3,"outpatient.privacy":"na","overall.rating":0},
        "extra":true}"#;
    let mut expected = bare.clone();
    expected.department = String::new();
    assert_eq!(json::parse::<Response>(minimal), Ok(expected));
}

#[wasm_bindgen_test]
fn answers_are_integers_or_na_only() {
    let text = serde_json::to_string(&response("a")).unwrap();
    for bad in ["4.5", "\"n/a\"", "true", "null"] {
        let edited = text.replace(
            "\"outpatient.wait_time\":3",
            &format!("\"outpatient.wait_time\":{bad}"),
        );
        assert_eq!(
            json::parse::<Response>(&edited),
            Err(JsonError::Field("answers")),
            "{bad}"
        );
        assert!(
            serde_json::from_str::<Response>(&edited).is_err(),
            "serde agrees on {bad}"
        );
    }
}

#[wasm_bindgen_test]
fn the_outbox_reads_and_writes_as_serde_does() {
    let mut outbox = Outbox::default();
    check_both_ways(&outbox);
    outbox.enqueue(response("a"));
    outbox.enqueue(response("b"));
    outbox.enqueue(response("c"));
    outbox.set_aside("b", SetAsideReason::TooLarge, "413");
    outbox.kept_aside.push(KeptAside {
        response: response("d"),
        reason: SetAsideReason::Rejected,
        message: String::new(),
        errors: vec![FieldError::new(
            "answers.x",
            "is not an item of pxs-core version 1",
        )],
    });
    check_both_ways(&outbox);
    assert_eq!(json::parse::<Outbox>("{}"), Ok(Outbox::default()));
    assert!(json::parse::<Outbox>("{\"pending\": [{\"id\": 1}]}").is_err());
}

#[wasm_bindgen_test]
fn reads_the_servers_answer_to_a_batch() {
    let body = r#"{"results":[
        {"id":"a","status":"stored"},
        {"id":"b","status":"duplicate"},
        {"id":"c","status":"conflict","message":"same id, different content"},
        {"id":"d","status":"rejected","errors":[{"field":"answers.x","message":"unknown item"}]},
        {"id":null,"status":"rejected","errors":[{"field":"visit_type","message":"missing field"}]}
    ]}"#;
    let ours: BatchReply = json::parse(body).unwrap();
    let theirs: BatchReply = serde_json::from_str(body).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(ours.results[4].id, None);
    assert!(json::parse::<BatchReply>(r#"{"results":[{"id":"a","status":"lost"}]}"#).is_err());
    assert!(json::parse::<BatchReply>(r#"{"results":[{"id":7,"status":"stored"}]}"#).is_err());
}

/// Every shape the server writes (with serde, from the `wire` types),
/// a rejection without an id included, reads back the same here.
#[wasm_bindgen_test]
fn reads_every_result_the_server_writes() {
    let result = |id: Option<&str>, status, errors: Vec<FieldError>, message: Option<&str>| {
        SubmissionResult {
            id: id.map(str::to_owned),
            status,
            errors,
            message: message.map(str::to_owned),
        }
    };
    let reply = BatchReply {
        results: vec![
            result(Some("a"), SubmissionStatus::Stored, Vec::new(), None),
            result(Some("a"), SubmissionStatus::Duplicate, Vec::new(), None),
            result(
                Some("c"),
                SubmissionStatus::Conflict,
                Vec::new(),
                Some("a different response was already stored with this id"),
            ),
            result(
                Some("d"),
                SubmissionStatus::Rejected,
                vec![
                    FieldError::new("outpatient.wait_time", "value 6 is outside 1..5"),
                    FieldError::new("submitted_at", "must end in Z"),
                ],
                None,
            ),
            result(
                None,
                SubmissionStatus::Rejected,
                vec![FieldError::new("", "expected a response object")],
                None,
            ),
        ],
    };
    let written = serde_json::to_string(&reply).unwrap();
    assert!(written.contains(r#""id":null"#), "{written}");
    assert_eq!(json::parse::<BatchReply>(&written), Ok(reply.clone()));
    for one in &reply.results {
        let written = serde_json::to_string(one).unwrap();
        assert_eq!(json::parse::<SubmissionResult>(&written).as_ref(), Ok(one));
    }
}

#[wasm_bindgen_test]
fn drafts_entries_and_preferences_read_and_write_as_serde_does() {
    let mut draft = Draft::new(
        "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10".to_owned(),
        &default_instrument(),
        VisitType::Emergency,
    );
    draft.step = 3;
    draft
        .answers
        .insert("emergency.triage".to_owned(), Answer::Value(2));
    draft.respondent.answered_by = Some("relative".to_owned());
    draft.comment = "护士\"很好\"".to_owned();
    check_both_ways(&StoredDraft {
        saved_ms: 1_714_727_564_000.0,
        draft: draft.clone(),
    });
    check_both_ways(&draft);
    for url in [
        "/s/H001?kiosk=1&dept=急诊&lang=zh-Hant&idle=30&visit=emergency",
        "/",
    ] {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let entry: Entry = parse_entry(path, query).0;
        check_both_ways(&entry);
    }
    check_both_ways(&Prefs::default());
    check_both_ways(&Prefs {
        lang: Some(Lang::ZhHant),
        large_text: true,
    });
}

#[wasm_bindgen_test]
fn the_heartbeat_is_written_as_serde_writes_it() {
    use wire::Heartbeat;
    for beat in [
        Heartbeat {
            app_version: "0.1.0".to_owned(),
            outbox_pending: 3,
            outbox_rejected: 1,
            last_delivered_at: Some("2025-06-01T08:30:00Z".to_owned()),
            oldest_pending_seconds: Some(2_400),
        },
        Heartbeat {
            app_version: "0.1.0".to_owned(),
            outbox_pending: 0,
            outbox_rejected: 0,
            last_delivered_at: None,
            oldest_pending_seconds: None,
        },
    ] {
        let ours = json::stringify(&beat);
        assert_eq!(ours, serde_json::to_string(&beat).unwrap());
        assert_eq!(serde_json::from_str::<Heartbeat>(&ours).unwrap(), beat);
    }
}

#[wasm_bindgen_test]
fn a_claimed_kiosk_keeps_its_id_and_secret() {
    use app::services::kiosk::KioskDevice;
    let claimed = wire::KioskClaimed {
        id: "k-7".to_owned(),
        hospital: "H001".to_owned(),
        department: Some("er".to_owned()),
        name: "门诊大厅 1号机".to_owned(),
        location: None,
        secret: "s3cr3t".to_owned(),
    };
    let device: KioskDevice = json::parse(&serde_json::to_string(&claimed).unwrap()).unwrap();
    assert_eq!(
        (device.id.as_str(), device.secret.as_str()),
        ("k-7", "s3cr3t")
    );
    let back: KioskDevice = json::parse(&json::stringify(&device)).unwrap();
    assert_eq!(back, device);
}

#[wasm_bindgen_test]
fn reads_the_names_of_the_public_hospital_as_serde_writes_them() {
    use wire::{Names, PublicDepartment, PublicHospital};
    let names = |zh_cn: &str, en: &str| Names {
        zh_cn: zh_cn.to_owned(),
        zh_hant: String::new(),
        en: en.to_owned(),
    };
    let public = PublicHospital {
        code: "H001".to_owned(),
        names: names("市第一人民医院", "First \"People's\" Hospital"),
        departments: vec![
            PublicDepartment {
                code: "er".to_owned(),
                names: names("急诊科", ""),
            },
            PublicDepartment {
                code: "cardiology".to_owned(),
                names: names("心内科", "Cardiology"),
            },
        ],
    };
    let text = serde_json::to_string(&public).unwrap();
    let place = json::place_names(&text, "cardiology").unwrap();
    assert_eq!(place.code, public.code);
    assert_eq!(place.hospital, public.names);
    assert_eq!(place.department, Some(public.departments[1].names.clone()));
    assert_eq!(json::place_names(&text, "icu").unwrap().department, None);
    // A language left out reads as serde reads it: not given.
    let partial = r#"{"code":"H2","names":{"zh-CN":"二院"},"departments":[]}"#;
    assert_eq!(
        json::place_names(partial, "").unwrap().hospital,
        serde_json::from_str::<PublicHospital>(partial)
            .unwrap()
            .names
    );
    assert_eq!(json::place_names("[1]", "er"), None);
}

#[wasm_bindgen_test]
fn reads_the_registrys_names_as_serde_writes_them() {
    use wire::Hospital;
    let text = r#"[{"code":"H001","names":{"zh-CN":"一院","en":"First"},"level":"三级",
        "departments":[{"code":"er","names":{"zh-CN":"急诊科"},"active":false},
                       {"code":"icu","names":{"en":"ICU"}}]},
        {"code":"H002","names":{"zh-Hant":"二院"},"departments":[]}]"#;
    let registry: Vec<Hospital> = serde_json::from_str(text).unwrap();
    let written = serde_json::to_string(&registry).unwrap();
    let names = json::registry_names(&written).unwrap();
    let expected = vec![
        ("H001".to_owned(), registry[0].names.clone()),
        ("H002".to_owned(), registry[1].names.clone()),
        ("er".to_owned(), registry[0].departments[0].names.clone()),
        ("icu".to_owned(), registry[0].departments[1].names.clone()),
    ];
    assert_eq!(names, expected);
    assert_eq!(json::registry_names("{}"), None);
    assert_eq!(json::registry_names(r#"[{"names":{}}]"#), None);
}

#[wasm_bindgen_test]
fn reads_you_said_we_did_as_serde_writes_it() {
    use wire::{PlanStatus, PublicAction, PublicActions};
    let action = |department: &str, title: &str, status| PublicAction {
        department: department.to_owned(),
        title: title.to_owned(),
        public_text: "您说候诊太久：我们增开了\"午间门诊\"。".to_owned(),
        status,
        started: "2025-06-01".to_owned(),
    };
    let public = PublicActions {
        actions: vec![
            action("cardiology", "缩短候诊时间", PlanStatus::InProgress),
            action("", "停车场扩建", PlanStatus::Done),
            action("er", "分诊提速", PlanStatus::Planned),
        ],
        callback_offered: true,
    };
    let text = serde_json::to_string(&public).unwrap();
    assert_eq!(json::parse::<PublicActions>(&text).unwrap(), public);
    // An older server's answer: no department, no offer.
    let older =
        r#"{"actions":[{"title":"t","public_text":"p","status":"done","started":"2025-01-02"}]}"#;
    assert_eq!(
        json::parse::<PublicActions>(older).unwrap(),
        serde_json::from_str::<PublicActions>(older).unwrap()
    );
    assert!(json::parse::<PublicActions>(r#"{"actions":[{"title":"t"}]}"#).is_err());

    // The device's copy is the server's text with its hospital.
    let kept = json::kept_actions("H001", &text);
    assert_eq!(json::actions_of(&kept, "H001"), Some(public));
    assert_eq!(json::actions_of(&kept, "H002"), None);
    assert_eq!(json::actions_of(&text, "H001"), None);
}

#[wasm_bindgen_test]
fn call_back_numbers_are_kept_apart_and_sent_beside_their_response() {
    use app::services::outbox::Contacts;
    let mut contacts = Contacts::default();
    contacts.add("a", "138 0013 8000", 1_714_727_564_000.0);
    let back: Contacts = json::parse(&json::stringify(&contacts)).unwrap();
    assert_eq!(back, contacts);
    assert!(json::parse::<Contacts>(r#"[{"response_id":"a"}]"#).is_err());

    let r = response("a");
    let sent = json::stringify(&json::Submission {
        response: &r,
        phone: contacts.phone_for("a"),
    });
    let read: serde_json::Value = serde_json::from_str(&sent).unwrap();
    assert_eq!(read["contact"]["phone"], "138 0013 8000");
    // Without its contact it is exactly the stored response.
    let stored: Response = serde_json::from_str(&sent).unwrap();
    assert_eq!(stored, r);
}
