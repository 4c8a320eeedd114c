//! What the survey keeps on the device between page loads, as JSON: the
//! draft (`tiyan.draft.v1`), a kiosk's entry (`tiyan.kiosk.v1`) and a
//! phone's display choices (`tiyan.prefs.v1`). The shapes are those of the
//! types' serde derives (the tests check both agree), so a device keeps
//! its draft across an update of the app.

use scoring::instrument::VisitType;
use scoring::response::Channel;

use super::boot::Prefs;
use super::draft::{Draft, StoredDraft};
use super::entry::Entry;
use super::i18n::Lang;
use crate::services::json::{answer, FromJson, JsonError, JsonWriter, Node, ToJson};

impl FromJson for StoredDraft {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(StoredDraft {
            saved_ms: n.number("saved_ms")?,
            draft: n.object("draft")?,
        })
    }
}

impl ToJson for StoredDraft {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        // Whole milliseconds (`Date.now()` gives no fractions): the writer
        // formats integers only, which keeps float printing out of the bundle.
        w.key("saved_ms");
        w.int(self.saved_ms as i64);
        w.field("draft", &self.draft);
        w.close_object();
    }
}

impl FromJson for Draft {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Draft {
            id: n.string("id")?,
            instrument: n.string("instrument")?,
            instrument_version: n.u32("instrument_version")?,
            visit_type: n.word("visit_type", VisitType::parse)?,
            step: n.u32("step")? as usize,
            answers: n.map("answers", true, Some, answer)?,
            respondent: n.opt_object("respondent")?.unwrap_or_default(),
            comment: n.opt_string("comment")?.unwrap_or_default(),
        })
    }
}

impl ToJson for Draft {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("id", &self.id);
        w.field("instrument", &self.instrument);
        w.field("instrument_version", &self.instrument_version);
        w.field("visit_type", &self.visit_type);
        w.field("step", &self.step);
        w.field("answers", &self.answers);
        w.field("respondent", &self.respondent);
        w.field("comment", &self.comment);
        w.close_object();
    }
}

impl FromJson for Entry {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Entry {
            hospital: n.opt_string("hospital")?,
            department: n.string("department")?,
            visit: n.optional("visit", |v| VisitType::parse(&v.as_str()?))?,
            channel: n.word("channel", Channel::parse)?,
            kiosk: n.boolean("kiosk")?,
            lang: n.optional("lang", |v| lang(&v.as_str()?))?,
            idle_secs: n.u32("idle_secs")?,
        })
    }
}

impl ToJson for Entry {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("hospital", &self.hospital);
        w.field("department", &self.department);
        w.field("visit", &self.visit);
        w.field("channel", &self.channel);
        w.field("kiosk", &self.kiosk);
        w.field("lang", &self.lang);
        w.field("idle_secs", &self.idle_secs);
        w.close_object();
    }
}

impl FromJson for Prefs {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Prefs {
            lang: n.optional("lang", |v| lang(&v.as_str()?))?,
            large_text: n.boolean("large_text")?,
        })
    }
}

impl ToJson for Prefs {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("lang", &self.lang);
        w.field("large_text", &self.large_text);
        w.close_object();
    }
}

/// Exactly a language's tag (`Lang::parse` also takes spellings of URLs).
fn lang(tag: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.tag() == tag)
}

impl ToJson for Lang {
    fn to_json(&self, w: &mut JsonWriter) {
        w.string(self.tag());
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use scoring::instrument::default_instrument;
    use scoring::response::Answer;

    use super::*;
    use crate::services::json::stringify;
    use crate::survey::entry::parse_entry;

    /// Values of every stored shape, using every field.
    pub(crate) fn samples() -> (StoredDraft, Vec<Entry>, Vec<Prefs>) {
        let mut draft = Draft::new(
            "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10".to_owned(),
            &default_instrument(),
            VisitType::Emergency,
        );
        draft.step = 3;
        draft
            .answers
            .insert("emergency.triage".to_owned(), Answer::Value(2));
        draft
            .answers
            .insert("whole_care.parking".to_owned(), Answer::Na);
        draft.respondent.self_rated_health = Some(4);
        draft.comment = "护士\"很好\"\n".to_owned();
        let stored = StoredDraft {
            saved_ms: 1_714_727_564_000.0,
            draft,
        };
        let entries = vec![
            parse_entry(
                "/s/H001",
                "kiosk=1&dept=急诊&lang=zh-Hant&idle=30&visit=emergency",
            )
            .0,
            parse_entry("/", "").0,
        ];
        let prefs = vec![
            Prefs::default(),
            Prefs {
                lang: Some(Lang::En),
                large_text: true,
            },
        ];
        (stored, entries, prefs)
    }

    #[test]
    fn serde_reads_what_the_survey_writes() {
        let (stored, entries, prefs) = samples();
        let back: StoredDraft = serde_json::from_str(&stringify(&stored)).unwrap();
        assert_eq!(back, stored);
        for entry in entries {
            assert_eq!(stringify(&entry), serde_json::to_string(&entry).unwrap());
        }
        for p in prefs {
            assert_eq!(stringify(&p), serde_json::to_string(&p).unwrap());
        }
    }
}
