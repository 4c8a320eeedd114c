//! Responses as JSON (docs/formats.md §2): read from the outbox, written to the
//! outbox and to `POST /api/v1/responses` (there with a call-back number
//! beside them, docs/formats.md §6).

use scoring::instrument::VisitType;
use scoring::response::{Answer, Channel, Respondent, Response};

use super::read::{FromJson, JsonError, Node};
use super::write::{JsonWriter, ToJson};

impl FromJson for Response {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Response {
            id: n.string("id")?,
            instrument: n.string("instrument")?,
            instrument_version: n.u32("instrument_version")?,
            hospital: n.string("hospital")?,
            department: n.opt_string("department")?.unwrap_or_default(),
            visit_type: n.word("visit_type", VisitType::parse)?,
            channel: n.word("channel", Channel::parse)?,
            submitted_at: n.string("submitted_at")?,
            answers: n.map("answers", false, Some, answer)?,
            respondent: n.opt_object("respondent")?.unwrap_or_default(),
            comment: n.opt_string("comment")?.unwrap_or_default(),
        })
    }
}

/// An integer, or `"na"`.
pub fn answer(n: &Node) -> Option<Answer> {
    match n.as_i64() {
        Some(v) => Some(Answer::Value(v)),
        None => (n.as_str()? == "na").then_some(Answer::Na),
    }
}

impl FromJson for Respondent {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Respondent {
            age_band: n.opt_string("age_band")?,
            education: n.opt_string("education")?,
            self_rated_health: n.optional("self_rated_health", Node::as_i64)?,
            answered_by: n.opt_string("answered_by")?,
        })
    }
}

impl ToJson for Response {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        members(self, w);
        w.close_object();
    }
}

/// A response with the call-back number its patient left, as
/// `POST /responses` takes it: `"contact": {"phone": "…"}` beside the
/// response's own fields (docs/formats.md §6). Only the request carries
/// both; the outbox stores the response alone.
pub struct Submission<'a> {
    pub response: &'a Response,
    pub phone: Option<&'a str>,
}

impl ToJson for Submission<'_> {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        members(self.response, w);
        if let Some(phone) = self.phone {
            w.key("contact");
            w.open_object();
            w.field("phone", phone);
            w.close_object();
        }
        w.close_object();
    }
}

/// The fields of a response, in serde's order, inside an open object.
fn members(r: &Response, w: &mut JsonWriter) {
    w.field("id", &r.id);
    w.field("instrument", &r.instrument);
    w.field("instrument_version", &r.instrument_version);
    w.field("hospital", &r.hospital);
    w.field("department", &r.department);
    w.field("visit_type", &r.visit_type);
    w.field("channel", &r.channel);
    w.field("submitted_at", &r.submitted_at);
    w.field("answers", &r.answers);
    w.field("respondent", &r.respondent);
    w.field("comment", &r.comment);
}

impl ToJson for VisitType {
    fn to_json(&self, w: &mut JsonWriter) {
        w.string(self.as_str());
    }
}

impl ToJson for Channel {
    fn to_json(&self, w: &mut JsonWriter) {
        w.string(self.as_str());
    }
}

impl ToJson for Answer {
    fn to_json(&self, w: &mut JsonWriter) {
        match self {
            Answer::Value(v) => w.int(*v),
            Answer::Na => w.string("na"),
        }
    }
}

/// Unset characteristics are left out.
impl ToJson for Respondent {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        if let Some(v) = &self.age_band {
            w.field("age_band", v);
        }
        if let Some(v) = &self.education {
            w.field("education", v);
        }
        if let Some(v) = &self.self_rated_health {
            w.field("self_rated_health", v);
        }
        if let Some(v) = &self.answered_by {
            w.field("answered_by", v);
        }
        w.close_object();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::services::json::stringify;

    /// A response using every field, with text that needs escaping.
    pub(crate) fn full_response() -> Response {
        Response {
            id: "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10".to_owned(),
            instrument: "pxs-core".to_owned(),
            instrument_version: 1,
            hospital: "H001".to_owned(),
            department: "心内科".to_owned(),
            visit_type: VisitType::Inpatient,
            channel: Channel::Kiosk,
            submitted_at: "2024-05-03T09:12:44Z".to_owned(),
            answers: BTreeMap::from([
                ("overall.rating".to_owned(), Answer::Value(9)),
                ("whole_care.parking".to_owned(), Answer::Na),
                ("inpatient.noise".to_owned(), Answer::Value(0)),
            ]),
            respondent: Respondent {
                age_band: Some("65-74".to_owned()),
                education: None,
                self_rated_health: Some(3),
                answered_by: Some("relative".to_owned()),
            },
            comment: "挂号很快，\"医生\"很耐心。\n停车难\\".to_owned(),
        }
    }

    #[test]
    fn a_submission_is_the_response_with_its_contact_beside_it() {
        let r = full_response();
        let plain = Submission {
            response: &r,
            phone: None,
        };
        assert_eq!(stringify(&plain), stringify(&r));
        let with_phone = Submission {
            response: &r,
            phone: Some("138 0013 8000"),
        };
        let mut expected = serde_json::to_value(&r).unwrap();
        expected["contact"] = serde_json::json!({"phone": "138 0013 8000"});
        let written: serde_json::Value = serde_json::from_str(&stringify(&with_phone)).unwrap();
        assert_eq!(written, expected);
    }

    #[test]
    fn writes_what_serde_writes() {
        let mut bare = full_response();
        bare.respondent = Respondent::default();
        bare.answers.clear();
        for r in [full_response(), bare] {
            assert_eq!(stringify(&r), serde_json::to_string(&r).unwrap());
        }
    }
}
