//! The opt-in call-back of the last screen (docs/formats.md §6): asked
//! only where the hospital offers it, "no" until the patient says yes, and
//! a phone number only then. The answer lives in the survey's state alone:
//! never in the draft the device keeps, never in the response.

use wire::{check_phone, PhoneProblem};

/// What the patient said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallbackAnswer {
    /// "Yes, contact me"; `false` is the default.
    pub wanted: bool,
    /// As typed.
    pub phone: String,
    /// The last submit found the number unusable: the field says so.
    pub refused: bool,
}

impl CallbackAnswer {
    /// The number to send beside the response: none unless the patient
    /// said yes; on yes, the number as the server will take it
    /// (`wire::check_phone`), full-width digits and signs (typed with a
    /// Chinese input method) made ASCII first.
    pub fn phone_to_send(&self) -> Result<Option<String>, PhoneProblem> {
        if !self.wanted {
            return Ok(None);
        }
        let ascii = half_width(&self.phone);
        check_phone(&ascii).map(|number| Some(number.to_owned()))
    }
}

/// Full-width digits, `＋－（）` and the ideographic space as their ASCII
/// forms; everything else unchanged.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '０'..='９' | '＋' | '－' | '（' | '）' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(wanted: bool, phone: &str) -> CallbackAnswer {
        CallbackAnswer {
            wanted,
            phone: phone.to_owned(),
            refused: false,
        }
    }

    #[test]
    fn no_number_leaves_without_a_yes() {
        assert_eq!(CallbackAnswer::default().phone_to_send(), Ok(None));
        assert_eq!(answer(false, "13800138000").phone_to_send(), Ok(None));
    }

    #[test]
    fn a_yes_sends_the_number_as_the_server_takes_it() {
        assert_eq!(
            answer(true, " 138 0013 8000 ").phone_to_send(),
            Ok(Some("138 0013 8000".to_owned()))
        );
        assert_eq!(
            answer(true, "＋８６（１０）６５５２－９９８８").phone_to_send(),
            Ok(Some("+86(10)6552-9988".to_owned()))
        );
        assert_eq!(
            answer(true, "１３８\u{3000}００１３").phone_to_send(),
            Ok(Some("138 0013".to_owned()))
        );
    }

    #[test]
    fn a_yes_without_a_usable_number_is_refused() {
        assert_eq!(
            answer(true, "").phone_to_send(),
            Err(PhoneProblem::TooFewDigits)
        );
        assert_eq!(
            answer(true, "call me").phone_to_send(),
            Err(PhoneProblem::NotAllowed('c'))
        );
    }
}
