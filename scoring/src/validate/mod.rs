//! Is a response valid against its instrument? (docs/formats.md §2)
//!
//! "A response is valid only if every field checks against the instrument
//! … An invalid response is rejected whole with a message that names the
//! field; it is never stored half." So validation never stops at the first
//! problem: it returns every [`FieldError`], each naming the field the way
//! the CSV export names its column (`hospital`, `outpatient.wait_time`,
//! `respondent.age_band`, …), so a message points at a cell.

mod field_error;
mod identifiers;
mod validator;

pub use field_error::FieldError;
pub use identifiers::{is_hospital_code, is_uuid};
pub(crate) use validator::{department_problem, ResponseView};
pub use validator::{ProblemFields, Problems, Validator, COMMENT_MAX_CHARS, DEPARTMENT_MAX_CHARS};

use crate::instrument::Instrument;
use crate::response::Response;

/// Checks every field of `response` against `instrument`.
///
/// Builds a [`Validator`] each call; to check many responses, make one
/// [`Validator`] and reuse it.
pub fn validate(instrument: &Instrument, response: &Response) -> Result<(), Vec<FieldError>> {
    Validator::new(instrument).validate(response)
}

#[cfg(test)]
mod tests;
