//! The fast ways of reading must give what the reference way gives:
//! - the fast path of a CSV record (`csv_fast_row`) accepts exactly the
//!   records the reference path (`csv_draft` + the validator) accepts, with
//!   the same response, and leaves the rest to it — same messages;
//! - a file cut into pieces at the boundaries `RecordBoundaries` finds, each
//!   piece read on its own (`read_piece`), gives the records, lines and
//!   messages of the whole file.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use super::*;
use crate::export::{to_jsonl_line, CsvWriter};
use crate::generate::{generate, GenerateOptions};
use crate::instrument::{default_instrument, Instrument};
use crate::response::Response;

/// Every record of `rows`, written out: a valid one as its line and
/// response, an invalid or unreadable one as its messages.
fn events<R: std::io::Read>(instrument: &Instrument, mut rows: Rows<'_, R>) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(record) = rows.next_record() {
        match record {
            Record::Valid(valid) => {
                out.push(format!(
                    "{} ok {:?}",
                    valid.line,
                    valid.to_response(instrument)
                ));
            }
            Record::Invalid(errors) => {
                out.extend(
                    errors
                        .iter()
                        .map(|e| format!("invalid {e} [{:?}]", e.field)),
                );
            }
            Record::Unreadable(errors) => {
                out.extend(errors.iter().map(|e| format!("unreadable {e}")));
            }
        }
    }
    out
}

fn generated(instrument: &Instrument, seed: u64, responses: u64) -> Vec<Response> {
    let options = GenerateOptions {
        seed,
        responses,
        ..GenerateOptions::default()
    };
    generate(instrument, &options).expect("generator").collect()
}

/// The records of an export as cells (the header first).
fn csv_cells(instrument: &Instrument, responses: &[Response]) -> Vec<Vec<Vec<u8>>> {
    let mut writer = CsvWriter::new(Vec::new(), instrument).expect("writer");
    for r in responses {
        writer.write(r).expect("write");
    }
    let bytes = writer.into_inner().expect("bytes");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    reader
        .byte_records()
        .map(|r| r.expect("record").iter().map(<[u8]>::to_vec).collect())
        .collect()
}

fn csv_bytes(records: &[Vec<Vec<u8>>], line_end: &[u8]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(record).expect("write");
    }
    let bytes = writer.into_inner().expect("bytes");
    let mut out = b"\xEF\xBB\xBF".to_vec();
    for &b in &bytes {
        if b == b'\n' && line_end != b"\n" {
            out.extend_from_slice(line_end);
        } else {
            out.push(b);
        }
    }
    out
}

/// Cell values that are valid but unusual, or invalid in every way the
/// rules know, for any column.
const ODD_CELLS: &[&[u8]] = &[
    b"",
    b" 5",
    b"05",
    b"+5",
    b"5 ",
    b"NA",
    b"na",
    b" NA",
    b"Na",
    b"n/a",
    b"11",
    b"10",
    b"-1",
    b"0",
    b"1",
    b"4",
    b"6",
    b"3.0",
    b"x",
    "中".as_bytes(),
    b"\xFF\xFE",
    b" 1",
    b"2",
    b"1 ",
    b"outpatient",
    b"Outpatient",
    b"inpatient",
    b"fax",
    b"web",
    b"kiosk",
    b"pxs-core",
    b"pxs-core ",
    b"H001",
    b"H 001",
    b"cardiology",
    b" cardiology",
    b"card\tiology",
    b"2024-02-30T08:00:00Z",
    b"2024-02-29T08:00:00Z",
    b"2023-02-29T08:00:00Z",
    b"2024-03-01T24:00:00Z",
    b"2024-03-01T08:00:00.250Z",
    b"2024-03-01 08:00:00",
    b"2024-03-01T08:00:00+08:00",
    b"18-34",
    b"99",
    b"3",
    b" 3",
    b"primary",
    b"relative",
    b"patient ",
    b"9B2F6C1E-4F1A-4C55-9D1E-2A8F0C3B7D10",
    b"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10",
    b"a,\"quoted\"\nline",
];

/// A long comment and a long department, just over and at their limits.
fn long_cells() -> Vec<Vec<u8>> {
    vec![
        "评".repeat(2000).into_bytes(),
        "评".repeat(2001).into_bytes(),
        "d".repeat(64).into_bytes(),
        "科".repeat(65).into_bytes(),
    ]
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(20_261_122),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Every odd value in every column of a record of each visit type, one
/// change at a time: the fast path and the reference path agree.
#[test]
fn every_odd_cell_in_every_column_reads_the_same_both_ways() {
    let instrument = default_instrument();
    let responses = generated(&instrument, 3, 60);
    let mut records = csv_cells(&instrument, &responses);
    // One record of each visit type, after the header.
    let mut picked = vec![records[0].clone()];
    for visit in ["outpatient", "emergency", "inpatient"] {
        let column = records[0]
            .iter()
            .position(|c| c == b"visit_type")
            .expect("visit_type column");
        let record = records
            .iter()
            .find(|r| r[column] == visit.as_bytes())
            .expect("a record of each visit type");
        picked.push(record.clone());
    }
    records = picked;
    let odd: Vec<Vec<u8>> = ODD_CELLS
        .iter()
        .map(|c| c.to_vec())
        .chain(long_cells())
        .collect();
    // Every change as its own record, all in one file.
    let mut changed = vec![records[0].clone()];
    for record in &records[1..] {
        for column in 0..record.len() {
            for value in &odd {
                let mut one = record.clone();
                one[column] = value.clone();
                changed.push(one);
            }
        }
    }
    let bytes = csv_bytes(&changed, b"\n");
    let fast = events(
        &instrument,
        read_rows(bytes.as_slice(), &instrument, InputFormat::Csv),
    );
    let reference = events(
        &instrument,
        Rows::Csv(CsvRows::new(bytes.as_slice(), &instrument).reference_only()),
    );
    assert_eq!(fast.len(), reference.len());
    for (f, r) in fast.iter().zip(&reference) {
        assert_eq!(f, r);
    }
    assert!(fast.iter().filter(|e| e.contains(" ok ")).count() > 1_000);
}

/// Generated exports are in the usual shape: no record needs the
/// reference path.
#[test]
fn usual_records_take_the_fast_path() {
    let instrument = default_instrument();
    let records = csv_cells(&instrument, &generated(&instrument, 11, 2_000));
    let bytes = csv_bytes(&records, b"\r\n");
    let mut rows = CsvRows::new(bytes.as_slice(), &instrument);
    let mut valid = 0;
    while let Some(record) = rows.next_record() {
        assert!(matches!(record, Record::Valid(_)));
        valid += 1;
    }
    assert_eq!(valid, 2_000);
    assert_eq!(rows.reference_reads(), 0);
}

proptest! {
    #![proptest_config(config(64))]

    /// Valid exports with cells changed at random: the fast path and the
    /// reference path agree record by record, message by message.
    #[test]
    fn fast_and_reference_paths_agree(
        seed in 0u64..1_000,
        changes in proptest::collection::vec((0usize..40, 0usize..64, 0usize..80), 0..30),
        crlf in any::<bool>(),
    ) {
        let instrument = default_instrument();
        let mut records = csv_cells(&instrument, &generated(&instrument, seed, 40));
        let odd: Vec<Vec<u8>> = ODD_CELLS
            .iter()
            .map(|c| c.to_vec())
            .chain(long_cells())
            .collect();
        let rows = records.len() - 1;
        for (row, column, value) in changes {
            let cells = &mut records[1 + row % rows];
            match value {
                // A cell too many or too few now and then.
                78 => cells.push(b"5".to_vec()),
                79 => {
                    cells.pop();
                }
                v => {
                    let column = column % cells.len();
                    cells[column] = odd[v % odd.len()].clone();
                }
            }
        }
        let bytes = csv_bytes(&records, if crlf { b"\r\n" } else { b"\n" });
        let fast = events(&instrument, read_rows(bytes.as_slice(), &instrument, InputFormat::Csv));
        let reference = events(
            &instrument,
            Rows::Csv(CsvRows::new(bytes.as_slice(), &instrument).reference_only()),
        );
        prop_assert_eq!(fast, reference);
    }

    /// Any cuts at record boundaries: the pieces read on their own give the
    /// whole file's records, lines and messages, in CSV and in JSONL.
    #[test]
    fn pieces_read_like_the_whole_file(
        seed in 0u64..1_000,
        block in 1usize..3_000,
        every in 1usize..6,
        changes in proptest::collection::vec((0usize..30, 0usize..64, 0usize..64), 0..10),
    ) {
        let instrument = default_instrument();
        let responses = generated(&instrument, seed, 30);
        let mut records = csv_cells(&instrument, &responses);
        let rows = records.len() - 1;
        for (row, column, value) in changes {
            let cells = &mut records[1 + row % rows];
            let column = column % cells.len();
            cells[column] = ODD_CELLS[value % ODD_CELLS.len()].to_vec();
        }
        let csv = csv_bytes(&records, b"\r\n");
        let mut jsonl: Vec<u8> = b"\xEF\xBB\xBF".to_vec();
        for (i, r) in responses.iter().enumerate() {
            jsonl.extend_from_slice(to_jsonl_line(r).as_bytes());
            if i % 7 == 3 {
                jsonl.extend_from_slice(b"\r\n{\"id\": 5}\n\n");
            }
        }
        for (format, bytes) in [(InputFormat::Csv, csv), (InputFormat::Jsonl, jsonl)] {
            let whole = events(&instrument, read_rows(bytes.as_slice(), &instrument, format));
            prop_assert_eq!(in_pieces(&instrument, &bytes, format, block, every), whole);
        }
    }
}

/// Reads `bytes` as the CLI does on several threads: scanned `block` bytes
/// at a time, cut at every `every`-th scan that found a boundary, the CSV
/// header read first.
fn in_pieces(
    instrument: &Instrument,
    bytes: &[u8],
    format: InputFormat,
    block: usize,
    every: usize,
) -> Vec<String> {
    let mut boundaries = RecordBoundaries::new(format);
    let mut cuts = Vec::new();
    for (i, chunk) in bytes.chunks(block).enumerate() {
        boundaries.scan(chunk);
        if i % every == 0 {
            cuts.extend(boundaries.last_cut());
        }
    }
    let mut out = Vec::new();
    let (shape, mut start) = match format {
        InputFormat::Csv => {
            let end = boundaries
                .first_record_end()
                .map_or(bytes.len(), |e| e.offset as usize);
            match CsvColumns::read(&bytes[..end], instrument) {
                Ok(columns) => (FileShape::Csv(columns), end),
                Err(errors) => {
                    out.extend(errors.iter().map(|e| format!("unreadable {e}")));
                    return out;
                }
            }
        }
        InputFormat::Jsonl => (FileShape::Jsonl, 0),
    };
    cuts.push(Cut {
        offset: bytes.len() as u64,
        line: 0,
    });
    let mut first_line = 1 + lines_in(&bytes[..start]);
    for cut in cuts {
        let (line, cut) = (cut.line, cut.offset as usize);
        if cut <= start {
            continue;
        }
        out.extend(events(
            instrument,
            read_piece(&bytes[start..cut], instrument, &shape, first_line),
        ));
        assert!(cut == bytes.len() || line == 1 + lines_in(&bytes[..cut]));
        (start, first_line) = (cut, line);
    }
    out
}

#[test]
fn a_header_alone_or_nothing_reads_the_same_in_pieces() {
    let instrument = default_instrument();
    let header = csv_bytes(&csv_cells(&instrument, &[])[..1], b"\n");
    for bytes in [&header[..], b"", b"\n\n", b"id,remarks\n"] {
        let whole = events(&instrument, read_rows(bytes, &instrument, InputFormat::Csv));
        assert_eq!(
            in_pieces(&instrument, bytes, InputFormat::Csv, 5, 1),
            whole,
            "{bytes:?}"
        );
    }
}
