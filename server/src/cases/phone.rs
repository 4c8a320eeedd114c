//! The phone number a patient chooses to leave for a call-back
//! (docs/domain.md, Privacy): read from beside the response, never part of
//! it, and kept out of every log line by its `Debug`.

use std::fmt;

use scoring::validate::FieldError;
use serde::Deserialize;
use serde_json::value::RawValue;

/// A contact is forgotten this many days after its case opened, if the
/// case has not been resolved or closed before.
pub const CONTACT_DAYS: i64 = 30;

/// A checked phone number (`wire::check_phone`, the rule the survey
/// checks too): digits, with `+`, spaces, `-`, `(`, `)`.
#[derive(Clone, PartialEq, Eq)]
pub struct Phone(String);

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Phone(***)")
    }
}

impl Phone {
    pub fn parse(text: &str) -> Result<Phone, String> {
        wire::check_phone(text)
            .map(|number| Phone(number.to_owned()))
            .map_err(|problem| problem.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The `contact` beside a submitted response (`"contact": {"phone": "…"}`),
/// if any: `Ok(None)` without one, an error naming `contact.phone` for one
/// that is not a phone number. An empty or absent phone is no contact.
pub fn read_contact(raw: &RawValue) -> Result<Option<Phone>, FieldError> {
    #[derive(Deserialize)]
    struct Beside<'a> {
        #[serde(default, borrow)]
        contact: Option<&'a RawValue>,
    }
    let beside: Beside<'_> = serde_json::from_str(raw.get())
        .map_err(|e| FieldError::new("contact", format!("expected {{\"phone\": \"…\"}}: {e}")))?;
    read_contact_value(beside.contact)
}

/// The `contact` value itself (`{"phone": "…"}`, `null` or absent), as
/// [`read_contact`] reads it.
pub fn read_contact_value(contact: Option<&RawValue>) -> Result<Option<Phone>, FieldError> {
    #[derive(Deserialize)]
    struct ContactField {
        #[serde(default)]
        phone: Option<String>,
    }
    let Some(contact) = contact else {
        return Ok(None);
    };
    let contact: Option<ContactField> = serde_json::from_str(contact.get())
        .map_err(|e| FieldError::new("contact", format!("expected {{\"phone\": \"…\"}}: {e}")))?;
    match contact.and_then(|c| c.phone) {
        Some(phone) if !phone.trim().is_empty() => Phone::parse(&phone)
            .map(Some)
            .map_err(|m| FieldError::new("contact.phone", m)),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn reads_the_contact_beside_the_response() {
        let phone = read_contact(&raw(r#"{"id":"x","contact":{"phone":" 138-0013-8000 "}}"#))
            .unwrap()
            .unwrap();
        assert_eq!(phone.as_str(), "138-0013-8000");
        assert_eq!(read_contact(&raw(r#"{"id":"x"}"#)).unwrap(), None);
        assert_eq!(read_contact(&raw(r#"{"contact":null}"#)).unwrap(), None);
        assert_eq!(
            read_contact(&raw(r#"{"contact":{"phone":""}}"#)).unwrap(),
            None
        );
    }

    #[test]
    fn refuses_what_is_not_a_phone_number_naming_the_field() {
        for body in [
            r#"{"contact":{"phone":"call me"}}"#,
            r#"{"contact":{"phone":"123"}}"#,
            r#"{"contact":{"phone":"1234567890123456789012345678901234"}}"#,
        ] {
            assert_eq!(
                read_contact(&raw(body)).unwrap_err().field,
                "contact.phone",
                "{body}"
            );
        }
        assert_eq!(
            read_contact(&raw(r#"{"contact":"138"}"#))
                .unwrap_err()
                .field,
            "contact"
        );
    }

    #[test]
    fn debug_never_shows_the_number() {
        let phone = Phone::parse("13800138000").unwrap();
        assert_eq!(format!("{phone:?}"), "Phone(***)");
        assert_eq!(format!("{:?}", Some(phone)), "Some(Phone(***))");
    }
}
