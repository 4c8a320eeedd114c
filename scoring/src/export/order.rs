//! The export order of docs/formats.md §3: by `submitted_at`, then `id`.

use std::cmp::Ordering;

use crate::response::Response;
use crate::timestamp::Timestamp;

/// Compares two responses in export order: by `submitted_at` as an instant
/// (so `…44.5Z` comes after `…44.10Z`), then by `id`. A `submitted_at` that
/// does not parse (an invalid response) sorts after every valid one, by text.
pub fn export_order(a: &Response, b: &Response) -> Ordering {
    let key = |r: &Response| Timestamp::parse(&r.submitted_at).ok();
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.submitted_at.cmp(&b.submitted_at),
    }
    .then_with(|| a.id.cmp(&b.id))
}

/// Sorts responses into export order.
pub fn sort_for_export(responses: &mut [Response]) {
    // The same order as `export_order`, parsing each timestamp once.
    responses.sort_by_cached_key(|r| match Timestamp::parse(&r.submitted_at) {
        Ok(t) => (false, Some(t), String::new(), r.id.clone()),
        Err(_) => (true, None, r.submitted_at.clone(), r.id.clone()),
    });
}
