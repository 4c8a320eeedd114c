//! A patient's response (docs/formats.md §2).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::instrument::VisitType;

/// One completed survey. `id` is the idempotency key: the same id stored
/// twice is one response. Field order is the export order (docs/formats.md §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: String,
    pub instrument: String,
    pub instrument_version: u32,
    pub hospital: String,
    #[serde(default)]
    pub department: String,
    pub visit_type: VisitType,
    pub channel: Channel,
    /// UTC, RFC 3339 with a `Z` suffix, e.g. `2024-05-03T09:12:44Z`.
    pub submitted_at: String,
    /// Item id → answer. An item left out was not answered.
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub respondent: Respondent,
    #[serde(default)]
    pub comment: String,
}

/// An answer: an integer in the item's scale, or "not applicable".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Value(i64),
    /// `"na"` in JSON, `NA` in CSV; only where the item `allow_na`.
    Na,
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Value(v) => s.serialize_i64(*v),
            Answer::Na => s.serialize_str("na"),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;
        impl Visitor<'_> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer or \"na\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::Value(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                i64::try_from(v)
                    .map(Answer::Value)
                    .map_err(|_| E::custom("answer out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Answer, E> {
                Err(E::custom(format!("answer {v} is not an integer")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                if v == "na" {
                    Ok(Answer::Na)
                } else {
                    Err(E::custom(format!(
                        "answer {v:?} is not an integer or \"na\""
                    )))
                }
            }
        }
        d.deserialize_any(AnswerVisitor)
    }
}

/// How the response was collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Kiosk,
    Phone,
    Web,
    /// Keyed in later from a paper form.
    Paper,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Kiosk, Channel::Phone, Channel::Web, Channel::Paper];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kiosk => "kiosk",
            Channel::Phone => "phone",
            Channel::Web => "web",
            Channel::Paper => "paper",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Optional respondent characteristics, used only for case-mix adjustment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_band: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rated_health: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_integers_and_na() {
        let a: BTreeMap<String, Answer> =
            serde_json::from_str(r#"{"a.x": 5, "a.y": "na"}"#).unwrap();
        assert_eq!(a["a.x"], Answer::Value(5));
        assert_eq!(a["a.y"], Answer::Na);
        assert!(serde_json::from_str::<Answer>(r#""n/a""#).is_err());
        assert!(serde_json::from_str::<Answer>("4.5").is_err());
    }
}
