//! Tallying and scoring synthetic responses (`scoring::generate`) with the
//! default instrument: `cargo bench -p scoring --bench score`.
//! Figures are recorded in BENCHMARKS.md, "Scoring (native and wasm)".

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BatchSize, Criterion, Throughput};
    use scoring::export::CsvWriter;
    use scoring::generate::{generate, GenerateOptions};
    use scoring::input::{read_responses, read_rows, InputFormat, Record};
    use scoring::instrument::default_instrument;
    use scoring::report::{score, to_canonical_json, GroupBy, Period, ScoreOptions};
    use scoring::response::{Answer, Response};
    use scoring::tally::{RespondentRef, ResponseRow, Tally, TallyBuilder};
    use std::hint::black_box;

    const RESPONSES: u64 = 100_000;

    fn responses() -> Vec<Response> {
        let instrument = default_instrument();
        let options = GenerateOptions {
            responses: RESPONSES,
            ..GenerateOptions::default()
        };
        generate(&instrument, &options)
            .expect("generator")
            .collect()
    }

    fn options(case_mix: bool) -> ScoreOptions {
        ScoreOptions {
            baseline: Some(Period::year(2023)),
            group_by: Some(GroupBy::Hospital),
            case_mix,
            ..ScoreOptions::new(Period::year(2024))
        }
    }

    pub(crate) fn benches(c: &mut Criterion) {
        let instrument = default_instrument();
        let rs = responses();
        let mut group = c.benchmark_group("tally");
        group.throughput(Throughput::Elements(RESPONSES));
        group.sample_size(10);
        group.bench_function("add 100k responses", |b| {
            b.iter(|| {
                let mut tally = Tally::new(&instrument).unwrap();
                for r in &rs {
                    tally.add(black_box(r)).unwrap();
                }
                tally
            })
        });
        // The same responses as positional rows (what a CSV reader has).
        let ids: Vec<&str> = instrument.items().map(|i| i.id.as_str()).collect();
        let answers: Vec<Vec<Option<Answer>>> = rs
            .iter()
            .map(|r| ids.iter().map(|id| r.answers.get(*id).copied()).collect())
            .collect();
        let rows: Vec<ResponseRow<'_>> = rs
            .iter()
            .zip(&answers)
            .map(|(r, a)| ResponseRow {
                instrument: &r.instrument,
                instrument_version: r.instrument_version,
                hospital: &r.hospital,
                department: &r.department,
                visit_type: r.visit_type,
                channel: r.channel,
                submitted_at: &r.submitted_at,
                answers: a,
                respondent: RespondentRef::of(&r.respondent),
            })
            .collect();
        group.bench_function("add_row 100k rows", |b| {
            b.iter(|| {
                let mut tally = Tally::new(&instrument).unwrap();
                for row in &rows {
                    tally.add_row(black_box(row)).unwrap();
                }
                tally
            })
        });
        group.bench_function("TallyBuilder::add_row 100k rows", |b| {
            b.iter(|| {
                let mut tally = TallyBuilder::new(Tally::new(&instrument).unwrap());
                for row in &rows {
                    tally.add_row(black_box(row)).unwrap();
                }
                tally.finish().unwrap()
            })
        });
        group.finish();

        // The same responses as a CSV export, read and tallied: the fast
        // path (what `tiyan score` and the dashboard do) and the reference
        // path (owned responses, then `Tally::add`).
        let mut writer = CsvWriter::new(Vec::new(), &instrument).unwrap();
        for r in &rs {
            writer.write(r).unwrap();
        }
        let csv = writer.into_inner().unwrap();
        let mut group = c.benchmark_group("read CSV and tally");
        group.throughput(Throughput::Elements(RESPONSES));
        group.sample_size(10);
        group.bench_function("read_rows + TallyBuilder, 100k", |b| {
            b.iter(|| {
                let mut tally = TallyBuilder::new(Tally::new(&instrument).unwrap());
                let mut records =
                    read_rows(black_box(csv.as_slice()), &instrument, InputFormat::Csv);
                while let Some(record) = records.next_record() {
                    if let Record::Valid(valid) = record {
                        tally.add_row(&valid.row).unwrap();
                    }
                }
                tally.finish().unwrap()
            })
        });
        group.bench_function("read_responses + Tally::add, 100k", |b| {
            b.iter(|| {
                let mut tally = Tally::new(&instrument).unwrap();
                for r in read_responses(black_box(csv.as_slice()), &instrument, InputFormat::Csv) {
                    tally.add(&r.unwrap()).unwrap();
                }
                tally
            })
        });
        group.finish();

        let mut tally = Tally::new(&instrument).unwrap();
        for r in &rs {
            tally.add(r).unwrap();
        }
        let mut group = c.benchmark_group("score");
        group.sample_size(10);
        for case_mix in [false, true] {
            let name = format!("by hospital, baseline, case_mix={case_mix}");
            group.bench_function(name, |b| {
                b.iter(|| score(&instrument, black_box(&tally), &options(case_mix)).unwrap())
            });
        }
        let report = score(&instrument, &tally, &options(true)).unwrap();
        group.bench_function("to_canonical_json", |b| {
            b.iter(|| to_canonical_json(black_box(&report)))
        });
        group.bench_function("tally to_json + from_json", |b| {
            b.iter_batched(
                || tally.to_json(),
                |json| Tally::from_json(&instrument, &json).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }

    criterion_group!(score_benches, benches);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::score_benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
