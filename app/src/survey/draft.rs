//! The survey in progress, and the response it becomes.

use std::collections::BTreeMap;

use scoring::instrument::{Instrument, VisitType};
use scoring::response::{Answer, Respondent, Response};
use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::steps::items_for;

/// Longest comment, in characters (docs/formats.md §2).
pub const MAX_COMMENT_CHARS: usize = 2_000;
/// A phone draft older than this is not resumed.
pub const PHONE_DRAFT_TTL_MS: f64 = 24.0 * 3_600_000.0;

/// Answers so far. The id is made when the survey starts, so a response
/// re-sent after a crash or a flaky network is recognised by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub instrument: String,
    pub instrument_version: u32,
    pub visit_type: VisitType,
    /// Index of the current step.
    pub step: usize,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub respondent: Respondent,
    #[serde(default)]
    pub comment: String,
}

/// A draft as stored, with the time it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDraft {
    pub saved_ms: f64,
    pub draft: Draft,
}

impl Draft {
    pub fn new(id: String, instrument: &Instrument, visit_type: VisitType) -> Self {
        Draft {
            id,
            instrument: instrument.id.clone(),
            instrument_version: instrument.version,
            visit_type,
            step: 0,
            answers: BTreeMap::new(),
            respondent: Respondent::default(),
            comment: String::new(),
        }
    }

    /// Whether this draft was made for the instrument `(id, version)`.
    pub fn fits(&self, (id, version): &(String, u32)) -> bool {
        &self.instrument == id && self.instrument_version == *version
    }

    /// The response to submit. Only items of this visit type are carried;
    /// the comment is trimmed and cut to [`MAX_COMMENT_CHARS`].
    pub fn to_response(
        &self,
        instrument: &Instrument,
        entry: &Entry,
        submitted_at: String,
    ) -> Response {
        // Inserted one by one: collecting into a map would sort, and a sort
        // costs bundle size for what is already in order.
        let mut answers = BTreeMap::new();
        for item in items_for(instrument, self.visit_type) {
            if let Some(answer) = self.answers.get(&item.id) {
                answers.insert(item.id.clone(), *answer);
            }
        }
        Response {
            id: self.id.clone(),
            instrument: self.instrument.clone(),
            instrument_version: self.instrument_version,
            hospital: entry.hospital.clone().unwrap_or_default(),
            department: entry.department.clone(),
            visit_type: self.visit_type,
            channel: entry.channel,
            submitted_at,
            answers,
            respondent: self.respondent.clone(),
            comment: limit_comment(self.comment.trim()),
        }
    }
}

/// Cut a comment to [`MAX_COMMENT_CHARS`] characters.
pub fn limit_comment(text: &str) -> String {
    text.chars().take(MAX_COMMENT_CHARS).collect()
}

/// Whether a stored draft may be resumed: on a kiosk only within the
/// inactivity window (a later reload is a new patient, who must not see
/// the previous answers); on a phone within a day.
pub fn may_resume(stored: &StoredDraft, now_ms: f64, kiosk: bool, idle_secs: u32) -> bool {
    let age = now_ms - stored.saved_ms;
    let limit = if kiosk {
        f64::from(idle_secs) * 1_000.0
    } else {
        PHONE_DRAFT_TTL_MS
    };
    (0.0..limit).contains(&age) && crate::services::uuid::is_uuid_v4(&stored.draft.id)
}

#[cfg(test)]
mod tests {
    use scoring::instrument::default_instrument;
    use scoring::validate::validate;

    use super::*;
    use crate::survey::entry::parse_entry;

    const ID: &str = "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10";

    #[test]
    fn becomes_a_valid_response_with_the_entry_fields() {
        let instrument = default_instrument();
        let entry = parse_entry("/s/H001", "dept=cardiology&channel=phone").0;
        let mut draft = Draft::new(ID.to_owned(), &instrument, VisitType::Outpatient);
        draft
            .answers
            .insert("outpatient.wait_time".to_owned(), Answer::Value(3));
        draft
            .answers
            .insert("whole_care.parking".to_owned(), Answer::Na);
        draft
            .answers
            .insert("overall.rating".to_owned(), Answer::Value(9));
        // An answer of a stage this visit type does not show never leaves.
        draft
            .answers
            .insert("emergency.triage".to_owned(), Answer::Value(5));
        draft.respondent.age_band = Some("65-74".to_owned());
        draft.comment = "  挂号很快，\n医生很耐心。  ".to_owned();
        let response = draft.to_response(&instrument, &entry, "2024-05-03T09:12:44Z".to_owned());
        assert_eq!(validate(&instrument, &response), Ok(()));
        assert_eq!(
            (
                response.hospital.as_str(),
                response.department.as_str(),
                response.channel.as_str()
            ),
            ("H001", "cardiology", "phone")
        );
        assert_eq!(response.answers.len(), 3);
        assert!(!response.answers.contains_key("emergency.triage"));
        assert_eq!(response.comment, "挂号很快，\n医生很耐心。");
    }

    #[test]
    fn kiosks_resume_only_within_the_idle_window_phones_within_a_day() {
        let instrument = default_instrument();
        let stored = StoredDraft {
            saved_ms: 1_000_000.0,
            draft: Draft::new(ID.to_owned(), &instrument, VisitType::Inpatient),
        };
        assert!(may_resume(&stored, 1_000_000.0 + 80_000.0, true, 90));
        assert!(!may_resume(&stored, 1_000_000.0 + 91_000.0, true, 90));
        assert!(may_resume(&stored, 1_000_000.0 + 3_600_000.0, false, 90));
        assert!(!may_resume(
            &stored,
            1_000_000.0 + 25.0 * 3_600_000.0,
            false,
            90
        ));
        // A clock that went backwards, or a tampered id: start afresh.
        assert!(!may_resume(&stored, 0.0, false, 90));
        let mut bad = stored.clone();
        bad.draft.id = "x".to_owned();
        assert!(!may_resume(&bad, 1_000_001.0, false, 90));
    }
}
