//! Reading the Excel-like fixtures of `test_data/input/` and JSONL.

use super::*;
use crate::instrument::default_instrument;
use crate::response::Answer;

// Test fixtures are files; the code under test never sees them.
#[allow(clippy::disallowed_methods)]
fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/test_data/input/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads `bytes` and renders each item as `ok <id>` or the error's Display.
fn read(bytes: &[u8], format: InputFormat) -> Vec<String> {
    let instrument = default_instrument();
    read_responses(bytes, &instrument, format)
        .map(|r| match r {
            Ok(response) => format!("ok {}", response.id),
            Err(e) => e.to_string(),
        })
        .collect()
}

#[test]
fn reads_excel_csv_with_bom_crlf_and_quoted_line_breaks() {
    let instrument = default_instrument();
    let responses: Vec<_> = read_responses(
        fixture("excel-bom-crlf.csv").as_slice(),
        &instrument,
        InputFormat::Csv,
    )
    .collect::<Result<_, _>>()
    .expect("every row is valid");
    assert_eq!(responses.len(), 3);
    let first = &responses[0];
    assert_eq!(first.id, "0b1e6f0a-3c1d-4e2f-8a9b-0c1d2e3f4a01");
    assert_eq!(
        first.comment,
        "排队太久了，挂号用了\"一个多小时\"。\n希望多开几个窗口，谢谢！"
    );
    assert_eq!(first.answers["outpatient.wait_time"], Answer::Value(2));
    assert_eq!(first.answers["outpatient.privacy"], Answer::Na);
    assert!(!first.answers.contains_key("outpatient.environment"));
    assert_eq!(first.respondent.self_rated_health, Some(3));
    assert_eq!(responses[1].department, "");
    assert_eq!(responses[1].respondent, Default::default());
    assert_eq!(responses[2].department, "骨科");
    assert_eq!(responses[2].comment, "护士很好, 饭菜一般");
}

#[test]
fn tells_the_line_of_each_valid_record() {
    let instrument = default_instrument();
    let bytes = fixture("invalid-rows.csv");
    let mut records = read_responses(bytes.as_slice(), &instrument, InputFormat::Csv);
    let mut lines = Vec::new();
    while let Some(record) = records.next() {
        if record.is_ok() {
            lines.push(records.line());
        }
    }
    assert_eq!(lines, [2, 5, 9]);
}

#[test]
fn a_csv_without_bom_and_with_lf_reads_the_same() {
    let instrument = default_instrument();
    let excel: Vec<_> = read_responses(
        fixture("excel-bom-crlf.csv").as_slice(),
        &instrument,
        InputFormat::Csv,
    )
    .collect();
    let plain: Vec<_> = read_responses(
        fixture("plain-lf.csv").as_slice(),
        &instrument,
        InputFormat::Csv,
    )
    .collect();
    assert_eq!(excel, plain);
}

#[test]
fn invalid_rows_are_reported_at_their_physical_line_and_cell() {
    assert_eq!(
        read(&fixture("invalid-rows.csv"), InputFormat::Csv),
        [
            "ok 0b1e6f0a-3c1d-4e2f-8a9b-0c1d2e3f4a01",
            "line 4, column 15: field outpatient.wait_time: value 6 is outside 1..5",
            "ok 0b1e6f0a-3c1d-4e2f-8a9b-0c1d2e3f4a05",
            "line 8, column 1: field id: \"not-a-uuid\" is not a UUID like \
             9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10 (lower-case hex)",
            "line 8, column 7: field channel: \"fax\" is not a channel (kiosk, phone, web, paper)",
            "line 8, column 8: field submitted_at: \"2024-03-03 09:10\" is not a UTC time like \
             2024-05-03T09:12:44Z",
            "line 8, column 18: field outpatient.privacy: \"maybe\" is not an integer or NA",
            "ok 0b1e6f0a-3c1d-4e2f-8a9b-0c1d2e3f4a02",
        ]
    );
}

#[test]
fn a_bad_header_names_the_missing_and_unknown_columns_and_stops() {
    let instrument = default_instrument();
    let errors: Vec<RecordError> = read_responses(
        fixture("bad-header.csv").as_slice(),
        &instrument,
        InputFormat::Csv,
    )
    .filter_map(Result::err)
    .collect();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "line 1, column 54: unknown column \"remarks\"",
            "line 1: field overall.recommend: missing column \"overall.recommend\"",
        ]
    );
    assert!(errors.iter().all(|e| e.fatal));
}

#[test]
fn an_empty_csv_has_no_header() {
    assert_eq!(
        read(b"", InputFormat::Csv),
        ["line 1: the file is empty: expected the header row of the CSV export"]
    );
}

#[test]
fn a_row_with_too_few_cells_is_reported() {
    let mut bytes = fixture("excel-bom-crlf.csv");
    bytes.extend_from_slice(b"0b1e6f0a-3c1d-4e2f-8a9b-0c1d2e3f4a09,pxs-core,1\r\n");
    let read = read(&bytes, InputFormat::Csv);
    assert_eq!(
        read.last().map(String::as_str),
        Some("line 6: the row has 3 cells but the header has 54")
    );
}

#[test]
fn non_utf8_cells_are_named() {
    let mut bytes = fixture("plain-lf.csv");
    // "骨科" in GBK, as Excel's plain "CSV" would save it on a Chinese Windows.
    let at = bytes
        .windows("骨科".len())
        .position(|w| w == "骨科".as_bytes())
        .expect("fixture has 骨科");
    bytes.splice(at..at + "骨科".len(), [0xB9, 0xC7, 0xBF, 0xC6]);
    let read = read(&bytes, InputFormat::Csv);
    assert!(
        read.contains(
            &"line 5, column 5: field department: is not UTF-8 text (save the file as \"CSV UTF-8\")"
                .to_owned()
        ),
        "{read:?}"
    );
}

const JSONL: &str = concat!(
    "\u{feff}{\"id\":\"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10\",\"instrument\":\"pxs-core\",\"instrument_version\":1,",
    "\"hospital\":\"H001\",\"department\":\"cardiology\",\"visit_type\":\"outpatient\",\"channel\":\"kiosk\",",
    "\"submitted_at\":\"2024-05-03T09:12:44Z\",\"answers\":{\"outpatient.wait_time\":3,\"outpatient.privacy\":\"na\"},",
    "\"respondent\":{\"age_band\":\"65-74\"},\"comment\":\"好，\\\"很好\\\"\\n谢谢\"}\r\n",
    "\r\n",
    "{\"id\":\"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d11\",\"instrument\":\"pxs-core\",\"instrument_version\":1,",
    "\"hospital\":\"H001\",\"visit_type\":\"outpatients\",\"channel\":\"kiosk\",",
    "\"submitted_at\":\"2024-05-03T09:12:44Z\",\"answers\":{\"outpatient.wait_time\":3.5,\"overall.rating\":\"10\"},",
    "\"respondent\":{\"self_rated_health\":\"good\"}}\n",
    "{\"id\":\"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d12\",\"instrument\":\"pxs-core\"\n",
    "{\"id\":\"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d13\",\"instrument\":\"pxs-core\",\"instrument_version\":1,",
    "\"hospital\":\"H001\",\"visit_type\":\"emergency\",\"channel\":\"web\",",
    "\"submitted_at\":\"2024-05-03T09:12:44Z\",\"answers\":{\"outpatient.wait_time\":3}}\n",
    "[1,2]\n",
);

#[test]
fn reads_jsonl_and_names_each_fault() {
    assert_eq!(
        read(JSONL.as_bytes(), InputFormat::Jsonl),
        [
            "ok 9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10",
            "line 3: field visit_type: \"outpatients\" is not a visit type (outpatient, emergency, inpatient)",
            "line 3: field outpatient.wait_time: 3.5 is not an integer or \"na\"",
            "line 3: field overall.rating: \"10\" is not an integer or \"na\"",
            "line 3: field respondent.self_rated_health: \"good\" is not an integer",
            "line 4, column 68: not valid JSON: EOF while parsing an object",
            "line 5: field outpatient.wait_time: stage outpatient is not shown to emergency visits",
            "line 6: a response must be a JSON object {…}",
        ]
    );
}

#[test]
fn detects_the_format_from_the_first_bytes() {
    assert_eq!(
        InputFormat::detect(b"\xEF\xBB\xBFid,instrument"),
        Some(InputFormat::Csv)
    );
    assert_eq!(
        InputFormat::detect(b"\n  {\"id\":1}"),
        Some(InputFormat::Jsonl)
    );
    assert_eq!(
        InputFormat::detect(b"\xEF\xBB\xBF{\"id\":1}"),
        Some(InputFormat::Jsonl)
    );
    assert_eq!(InputFormat::detect(b" \r\n"), None);
    assert_eq!(
        InputFormat::from_file_name("2024.CSV"),
        Some(InputFormat::Csv)
    );
    assert_eq!(
        InputFormat::from_file_name("a.b.jsonl"),
        Some(InputFormat::Jsonl)
    );
    assert_eq!(InputFormat::from_file_name("report.json"), None);
}
