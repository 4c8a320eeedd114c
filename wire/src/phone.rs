//! What a call-back number may be (docs/formats.md §6, "Opt-in call-back"):
//! one rule for the survey, which checks the number before it leaves the
//! device, and the server, which refuses a response whose `contact.phone`
//! breaks it. Were they to differ, a survey could queue a number the server
//! then refuses, and the patient's answers would be kept aside with it.

use std::fmt;

/// Fewest digits of a number.
pub const PHONE_MIN_DIGITS: usize = 5;
/// Most characters of a number, spaces and signs included.
pub const PHONE_MAX_CHARS: usize = 32;

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    TooLong,
    /// A character other than a digit, a space or `+ - ( )`.
    NotAllowed(char),
    TooFewDigits,
}

impl fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneProblem::TooLong => write!(f, "longer than {PHONE_MAX_CHARS} characters"),
            PhoneProblem::NotAllowed(c) => write!(f, "{c:?} is not part of a phone number"),
            PhoneProblem::TooFewDigits => write!(f, "fewer than {PHONE_MIN_DIGITS} digits"),
        }
    }
}

/// The number `text` holds, without surrounding spaces: digits, with
/// spaces and `+ - ( )`, at least [`PHONE_MIN_DIGITS`] digits and at most
/// [`PHONE_MAX_CHARS`] characters.
pub fn check_phone(text: &str) -> Result<&str, PhoneProblem> {
    let text = text.trim();
    if text.chars().count() > PHONE_MAX_CHARS {
        return Err(PhoneProblem::TooLong);
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')')))
    {
        return Err(PhoneProblem::NotAllowed(bad));
    }
    if text.chars().filter(char::is_ascii_digit).count() < PHONE_MIN_DIGITS {
        return Err(PhoneProblem::TooFewDigits);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_numbers_as_people_write_them() {
        for (text, number) in [
            (" 138 0013 8000 ", "138 0013 8000"),
            ("+86 (10) 6552-9988", "+86 (10) 6552-9988"),
            ("12345", "12345"),
        ] {
            assert_eq!(check_phone(text), Ok(number));
        }
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(check_phone("1234"), Err(PhoneProblem::TooFewDigits));
        assert_eq!(check_phone(""), Err(PhoneProblem::TooFewDigits));
        assert_eq!(
            check_phone("138 0013 800O"),
            Err(PhoneProblem::NotAllowed('O'))
        );
        assert_eq!(
            check_phone("１３８００１３８０００"),
            Err(PhoneProblem::NotAllowed('１'))
        );
        assert_eq!(check_phone(&"1".repeat(33)), Err(PhoneProblem::TooLong));
        assert_eq!(
            PhoneProblem::NotAllowed('x').to_string(),
            "'x' is not part of a phone number"
        );
        assert_eq!(
            PhoneProblem::TooFewDigits.to_string(),
            "fewer than 5 digits"
        );
    }
}
