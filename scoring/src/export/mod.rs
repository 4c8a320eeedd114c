//! The export forms of docs/formats.md §3, written exactly.
//!
//! Both forms carry the same content in the same order. The order is the
//! caller's job (a writer writes what it is given, so it can stream):
//! docs/formats.md §3 asks for rows by `submitted_at`, then `id`; sort with
//! [`export_order`] or [`sort_for_export`] before writing.

mod csv_writer;
mod jsonl;
mod order;

pub use csv_writer::{csv_header, excel_safe_cell, CsvWriter, UTF8_BOM};
pub use jsonl::{to_jsonl_line, write_jsonl_line};
pub use order::{export_order, sort_for_export};

#[cfg(test)]
mod tests;
