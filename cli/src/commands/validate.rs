//! `tiyan validate`: check every record, list each invalid one.

use std::collections::HashMap;

use anyhow::{anyhow, Result};
use scoring::input::{read_rows, Record};

use super::read::plural;
use crate::args::ValidateArgs;
use crate::files::{load_instrument, open_input};
use crate::progress::Progress;

pub(crate) fn run(args: &ValidateArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    let progress = Progress::bytes();
    let file = &args.input;
    let input = open_input(&file.input, file.format.map(Into::into), &progress)?;
    let name = file.input.display();
    let (mut valid_records, mut invalid) = (0u64, 0u64);
    // The line of each id seen: the same id twice is one response counted
    // twice (docs/formats.md §2: the id is the idempotency key).
    let mut first_seen: HashMap<u128, u64> = HashMap::new();
    let mut rows = read_rows(input.reader, &instrument, input.format);
    while let Some(record) = rows.next_record() {
        match record {
            Record::Valid(valid) => match uuid_bits(valid.id).and_then(|bits| {
                first_seen
                    .insert(bits, valid.line)
                    .map(|first| (bits, first))
            }) {
                Some((bits, first)) => {
                    first_seen.insert(bits, first);
                    invalid += 1;
                    progress.println(&format!(
                        "line {}: field id: {} is also the id of the record on line {first}",
                        valid.line, valid.id
                    ));
                }
                None => valid_records += 1,
            },
            Record::Invalid(errors) => {
                invalid += 1;
                for e in errors {
                    progress.println(&e.to_string());
                }
            }
            Record::Unreadable(errors) => {
                progress.finish();
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                return Err(anyhow!("{name} cannot be read:\n{}", list.join("\n")));
            }
        }
    }
    progress.finish();
    let total = valid_records + invalid;
    println!(
        "{name}: {total} record{}, {valid_records} valid, {invalid} invalid",
        plural(total)
    );
    if invalid > 0 {
        return Err(anyhow!(
            "{name} has {invalid} invalid record{}",
            plural(invalid)
        ));
    }
    Ok(())
}

/// The 128 bits of a canonical UUID (validated records have one).
fn uuid_bits(id: &str) -> Option<u128> {
    let hex: String = id.chars().filter(|c| *c != '-').collect();
    u128::from_str_radix(&hex, 16).ok()
}
