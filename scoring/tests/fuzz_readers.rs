//! Fuzzing the readers of untrusted bytes: a response's JSON (what the
//! server and the JSONL reader parse), the CSV export, the JSONL export and
//! the `.tally` file. Whatever the bytes, a reader returns values or errors:
//! it never panics, and never allocates without bound (the allocator below
//! refuses more than [`MEMORY_CAP`] in all, which aborts the test).
//!
//! Inputs are random bytes and, more usefully, valid files with random
//! bytes changed, inserted, deleted or cut off. The run in `cargo xtask
//! test` is short (`PROPTEST_CASES`, 64 a reader by default); a long run is
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release -p scoring --test fuzz_readers
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::System;

use cap::Cap;
use proptest::prelude::*;
use scoring::export::{to_jsonl_line, CsvWriter};
use scoring::generate::{generate, GenerateOptions};
use scoring::input::{read_responses, read_rows, CsvColumns, InputFormat, Record};
use scoring::instrument::{default_instrument, Instrument};
use scoring::response::Response;
use scoring::tally::Tally;

/// Far above what any input here needs (each is under 64 KiB), far below
/// what an unbounded allocation from a length field would take.
const MEMORY_CAP: usize = 1 << 30;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, MEMORY_CAP);

fn instrument() -> &'static Instrument {
    static INSTRUMENT: std::sync::OnceLock<Instrument> = std::sync::OnceLock::new();
    INSTRUMENT.get_or_init(default_instrument)
}

fn responses() -> Vec<Response> {
    let options = GenerateOptions {
        seed: 11,
        responses: 12,
        from_year: 2024,
        years: 2,
        hospitals: 2,
    };
    generate(instrument(), &options)
        .expect("generator options")
        .collect()
}

fn valid_csv() -> Vec<u8> {
    let mut writer = CsvWriter::new(Vec::new(), instrument()).expect("header");
    for response in responses() {
        writer.write(&response).expect("row");
    }
    writer.into_inner().expect("bytes")
}

fn valid_jsonl() -> Vec<u8> {
    responses()
        .iter()
        .flat_map(|r| {
            let mut line = to_jsonl_line(r).into_bytes();
            if !line.ends_with(b"\n") {
                line.push(b'\n');
            }
            line
        })
        .collect()
}

fn valid_tally() -> Vec<u8> {
    let mut tally = Tally::new(instrument()).expect("a tally");
    for response in responses() {
        tally.add(&response).expect("added");
    }
    tally.to_json().into_bytes()
}

/// One change to a file.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to the formats, and any byte.
    let byte = prop_oneof![
        prop::sample::select(b",\"\r\n{}[]:-0123456789eE+.naN \\\xef\xbb\xbf\x00".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), prop::collection::vec(byte, 1..16))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Replace(at, b) => {
                if !bytes.is_empty() {
                    bytes[at % len] = *b;
                }
            }
            Edit::Insert(at, more) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, more.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

/// A valid file with a few edits, or random bytes.
fn mangled(valid: fn() -> Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::collection::vec(edit(), 1..8).prop_map(move |edits| apply(valid(), &edits)),
        1 => prop::collection::vec(any::<u8>(), 0..2048),
    ]
}

/// Reads every record both ways (the reference reader and the fast rows);
/// only outcomes, never a panic.
fn read_all(bytes: &[u8], format: InputFormat) {
    let mut read = 0usize;
    for outcome in read_responses(bytes, instrument(), format) {
        read += usize::from(outcome.is_ok());
    }
    let mut rows = read_rows(bytes, instrument(), format);
    let mut valid = 0usize;
    while let Some(record) = rows.next_record() {
        match record {
            Record::Valid(_) => valid += 1,
            Record::Invalid(errors) => assert!(!errors.is_empty()),
            Record::Unreadable(_) => break,
        }
    }
    // Both readers see the same file; neither may find more valid records
    // than it has lines.
    let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    assert!(read <= lines && valid <= lines, "{read} {valid} {lines}");
}

/// `PROPTEST_CASES` for a long run, else a short one (the test reads its
/// environment, as the fixture readers read files).
#[allow(clippy::disallowed_methods)]
fn cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn the_response_json_reader_never_panics(bytes in mangled(valid_jsonl)) {
        let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
        let _ = serde_json::from_slice::<Response>(first_line);
        let _ = serde_json::from_slice::<Vec<Response>>(&bytes);
    }

    #[test]
    fn the_csv_reader_never_panics(bytes in mangled(valid_csv)) {
        read_all(&bytes, InputFormat::Csv);
        let _ = CsvColumns::read(&bytes, instrument());
    }

    #[test]
    fn the_jsonl_reader_never_panics(bytes in mangled(valid_jsonl)) {
        read_all(&bytes, InputFormat::Jsonl);
    }

    #[test]
    fn the_tally_reader_never_panics(bytes in mangled(valid_tally)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(tally) = Tally::from_json(instrument(), &text) {
            // What it accepts, it can write again and merge.
            let again = Tally::from_json(instrument(), &tally.to_json());
            prop_assert!(again.is_ok());
            let mut merged = tally.clone();
            let _ = merged.merge(&tally);
        }
    }
}

#[test]
fn the_unmangled_files_are_read_whole() {
    let csv = valid_csv();
    let n = read_responses(&csv[..], instrument(), InputFormat::Csv)
        .filter(Result::is_ok)
        .count();
    assert_eq!(n, 12);
    let jsonl = valid_jsonl();
    let n = read_responses(&jsonl[..], instrument(), InputFormat::Jsonl)
        .filter(Result::is_ok)
        .count();
    assert_eq!(n, 12);
    assert!(Tally::from_json(instrument(), &String::from_utf8(valid_tally()).unwrap()).is_ok());
}
