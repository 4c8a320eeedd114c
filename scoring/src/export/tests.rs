//! The export bytes, and that reading them back gives the same responses.

use proptest::prelude::*;

use super::*;
use crate::input::{read_responses, InputFormat};
use crate::instrument::{default_instrument, Instrument, VisitType};
use crate::response::{Answer, Channel, Respondent, Response};

fn example() -> Response {
    serde_json::from_str(
        r#"{"id":"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10","instrument":"pxs-core","instrument_version":1,
            "hospital":"H001","department":"心内科","visit_type":"outpatient","channel":"kiosk",
            "submitted_at":"2024-05-03T09:12:44Z",
            "answers":{"pre_visit.booking_ease":5,"outpatient.wait_time":3,"outpatient.privacy":"na",
                       "overall.rating":9,"overall.recommend":10},
            "respondent":{"age_band":"65-74","self_rated_health":3},
            "comment":"医生很好，\"耐心\"。\n谢谢"}"#,
    )
    .expect("example parses")
}

#[test]
fn csv_has_bom_header_and_rfc4180_rows() {
    let instrument = default_instrument();
    let mut writer = CsvWriter::new(Vec::new(), &instrument).unwrap();
    writer.write(&example()).unwrap();
    let bytes = writer.into_inner().unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    let (header, row) = text.split_once("\r\n").expect("CRLF after the header");
    assert_eq!(header, csv_header(&instrument).join(","));
    assert!(header.starts_with(
        "id,instrument,instrument_version,hospital,department,visit_type,channel,submitted_at,\
         pre_visit.booking_ease,pre_visit.slot_kept,"
    ));
    assert!(header.ends_with(
        "overall.rating,overall.recommend,respondent.age_band,respondent.education,\
         respondent.self_rated_health,respondent.answered_by,comment"
    ));
    // 5 pre_visit items, then outpatient: registration_payment, wait_time,
    // doctor_listening, tests_flow, privacy, …
    let expected = [
        "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10,pxs-core,1,H001,心内科,outpatient,kiosk,2024-05-03T09:12:44Z,",
        "5,,,,,",
        ",3,,,NA,,,,",
        ",,,,,,",
        ",,,,,,,",
        ",,,,,,",
        ",,,,,,,",
        "9,10,",
        "65-74,,3,,",
        "\"医生很好，\"\"耐心\"\"。\n谢谢\"\r\n",
    ]
    .concat();
    assert_eq!(row, expected);
}

#[test]
fn the_excel_safe_variant_quotes_formula_starts_and_nothing_else() {
    let instrument = default_instrument();
    let mut risky = example();
    risky.comment = "=HYPERLINK(\"http://x\",\"click\")".into();
    risky.department = "@sum".into();
    risky.respondent.answered_by = Some("-1".into());
    let plain = |r: &Response| {
        let mut w = CsvWriter::new(Vec::new(), &instrument).unwrap();
        w.write(r).unwrap();
        w.into_inner().unwrap()
    };
    let safe = |r: &Response| {
        let mut w = CsvWriter::excel_safe(Vec::new(), &instrument).unwrap();
        w.write(r).unwrap();
        w.into_inner().unwrap()
    };
    // Nothing formula-like: both variants are the same bytes.
    assert_eq!(plain(&example()), safe(&example()));
    let text = String::from_utf8(safe(&risky)).unwrap();
    assert!(text.contains(",'@sum,"), "{text}");
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""),
        "{text}"
    );
    assert!(text.contains(",'-1,"), "{text}");
    let unchanged = String::from_utf8(plain(&risky)).unwrap();
    assert!(unchanged.contains(",@sum,"), "{unchanged}");
    for (cell, expected) in [
        ("+1", "'+1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        ("挂号", "挂号"),
    ] {
        assert_eq!(excel_safe_cell(cell), expected);
    }
}

#[test]
fn jsonl_is_one_response_object_per_line() {
    assert_eq!(
        to_jsonl_line(&example()),
        concat!(
            r#"{"id":"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10","instrument":"pxs-core","instrument_version":1,"#,
            r#""hospital":"H001","department":"心内科","visit_type":"outpatient","channel":"kiosk","#,
            r#""submitted_at":"2024-05-03T09:12:44Z","answers":{"outpatient.privacy":"na","outpatient.wait_time":3,"#,
            r#""overall.rating":9,"overall.recommend":10,"pre_visit.booking_ease":5},"#,
            r#""respondent":{"age_band":"65-74","self_rated_health":3},"comment":"医生很好，\"耐心\"。\n谢谢"}"#,
            "\n"
        )
    );
    let mut bytes = Vec::new();
    write_jsonl_line(&mut bytes, &example()).unwrap();
    assert_eq!(bytes, to_jsonl_line(&example()).into_bytes());
}

#[test]
fn take_bytes_streams_the_same_file_in_chunks() {
    let instrument = default_instrument();
    let mut whole = CsvWriter::new(Vec::new(), &instrument).unwrap();
    let mut chunked = CsvWriter::new(Vec::new(), &instrument).unwrap();
    let mut chunks = chunked.take_bytes().unwrap();
    for i in 0..3 {
        let mut r = example();
        r.id = format!("9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d1{i}");
        whole.write(&r).unwrap();
        chunked.write(&r).unwrap();
        chunks.extend(chunked.take_bytes().unwrap());
    }
    chunks.extend(chunked.into_inner().unwrap());
    assert_eq!(chunks, whole.into_inner().unwrap());
}

#[test]
fn export_order_is_by_instant_then_id() {
    let at = |id: &str, t: &str| Response {
        id: id.into(),
        submitted_at: t.into(),
        ..example()
    };
    let mut rows = vec![
        at("c", "2024-05-03T09:12:44.5Z"),
        at("b", "2024-05-03T09:12:44.10Z"),
        at("a", "2024-05-03T09:12:44.5Z"),
        at("d", "2023-12-31T23:59:59Z"),
    ];
    let mut by_compare = rows.clone();
    sort_for_export(&mut rows);
    by_compare.sort_by(export_order);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["d", "b", "a", "c"]);
    assert_eq!(rows, by_compare);
}

/// Any valid response of the default instrument.
fn response(instrument: &Instrument) -> impl Strategy<Value = Response> {
    let items: Vec<_> = instrument.items().cloned().collect();
    let shown: Vec<(VisitType, Vec<String>)> = VisitType::ALL
        .iter()
        .map(|v| (*v, instrument.stages_shown(*v).to_vec()))
        .collect();
    let text = "[a-z0-9 ,\"\r\n\t好医生，。“”'=;-]{0,40}";
    (
        0..3usize,
        prop::sample::select(Channel::ALL.to_vec()),
        prop::collection::vec((any::<bool>(), 0i64..11, any::<bool>()), items.len()),
        (any::<u128>(), 0i64..3000 * 86_400),
        prop::option::of(prop::sample::select(vec![
            "18-34", "35-49", "50-64", "65-74", "75+",
        ])),
        prop::option::of(1i64..=5),
        prop::option::of(prop::sample::select(vec!["patient", "relative"])),
        (text, "[a-z心内科骨 ]{0,10}"),
    )
        .prop_map(
            move |(v, channel, picks, (id, seconds), age, health, who, (comment, dept))| {
                let (visit_type, stages) = &shown[v];
                let mut answers = std::collections::BTreeMap::new();
                for (item, (answered, value, na)) in items.iter().zip(picks) {
                    let stage = item.stage_id();
                    if !answered || (stage != "overall" && !stages.iter().any(|s| s == stage)) {
                        continue;
                    }
                    let answer = if na && item.allow_na {
                        Answer::Na
                    } else {
                        let span = item.scale.hi() - item.scale.lo() + 1;
                        Answer::Value(item.scale.lo() + value % span)
                    };
                    answers.insert(item.id.clone(), answer);
                }
                let days = seconds / 86_400 + 19_000;
                let date = crate::timestamp::Date::from_days_since_epoch(days).unwrap();
                let s = seconds % 86_400;
                let hex = format!("{id:032x}");
                Response {
                    id: format!(
                        "{}-{}-{}-{}-{}",
                        &hex[..8],
                        &hex[8..12],
                        &hex[12..16],
                        &hex[16..20],
                        &hex[20..]
                    ),
                    instrument: "pxs-core".into(),
                    instrument_version: 1,
                    hospital: "H003".into(),
                    department: dept.trim().to_owned(),
                    visit_type: *visit_type,
                    channel,
                    submitted_at: format!(
                        "{date}T{:02}:{:02}:{:02}Z",
                        s / 3600,
                        s / 60 % 60,
                        s % 60
                    ),
                    answers,
                    respondent: Respondent {
                        age_band: age.map(str::to_owned),
                        education: None,
                        self_rated_health: health,
                        answered_by: who.map(str::to_owned),
                    },
                    comment,
                }
            },
        )
}

proptest! {
    // A fixed seed: the same cases on every run and machine.
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: prop::test_runner::RngSeed::Fixed(0x74_6979_616e),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn writing_then_reading_gives_the_same_responses(
        responses in prop::collection::vec(response(&default_instrument()), 0..8)
    ) {
        let instrument = default_instrument();
        for r in &responses {
            prop_assert_eq!(crate::validate::validate(&instrument, r), Ok(()));
        }

        let mut csv = CsvWriter::new(Vec::new(), &instrument).unwrap();
        let mut jsonl = Vec::new();
        for r in &responses {
            csv.write(r).unwrap();
            write_jsonl_line(&mut jsonl, r).unwrap();
        }
        let csv = csv.into_inner().unwrap();

        let from_csv: Result<Vec<Response>, _> =
            read_responses(csv.as_slice(), &instrument, InputFormat::Csv).collect();
        let from_jsonl: Result<Vec<Response>, _> =
            read_responses(jsonl.as_slice(), &instrument, InputFormat::Jsonl).collect();
        prop_assert_eq!(from_csv.as_ref(), Ok(&responses));
        prop_assert_eq!(from_jsonl.as_ref(), Ok(&responses));
    }
}
