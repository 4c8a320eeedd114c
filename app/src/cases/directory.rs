//! What the pages name things by: the instrument (item texts, stage
//! titles) and the registry (hospital and department names). Either may
//! be missing; then the codes are shown as they are.

use scoring::instrument::Instrument;
use wire::{CaseStatus, Hospital, PlanStatus, Reason, Target, TargetScope};

use super::i18n::{Lang, T};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub instrument: Option<Instrument>,
    pub registry: Vec<Hospital>,
}

impl Directory {
    /// An item's question, or its id.
    pub fn item(&self, id: &str, lang: Lang) -> String {
        self.instrument
            .as_ref()
            .and_then(|i| i.item(id))
            .map(|item| lang.pick(&item.text).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }

    /// A stage's title, or its id.
    pub fn stage(&self, id: &str, lang: Lang) -> String {
        self.instrument
            .as_ref()
            .and_then(|i| i.stage(id))
            .map(|stage| lang.pick(&stage.title).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }

    /// An answer as its scale's word (`很差`), or the number.
    pub fn answer(&self, item: &str, value: i64, lang: Lang) -> String {
        self.instrument
            .as_ref()
            .and_then(|i| i.item(item))
            .map(|item| item.scale.def().label(value, lang))
            .unwrap_or_else(|| value.to_string())
    }

    /// What an action plan targets, with its kind (`条目：候诊时间`).
    pub fn target(&self, target: &Target, lang: Lang) -> String {
        match target.scope {
            TargetScope::Item => format!(
                "{}{}{}",
                T::ScopeItem.in_(lang),
                colon(lang),
                self.item(&target.id, lang)
            ),
            TargetScope::Stage => format!(
                "{}{}{}",
                T::ScopeStage.in_(lang),
                colon(lang),
                self.stage(&target.id, lang)
            ),
            TargetScope::Index => T::ScopeIndex.in_(lang).to_owned(),
        }
    }

    pub fn hospital(&self, code: &str, lang: Lang) -> String {
        self.registry
            .iter()
            .find(|h| h.code == code)
            .map(|h| h.names.pick(lang))
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| code.to_owned())
    }

    /// A department's name; `""` is the whole hospital.
    pub fn department(&self, hospital: &str, code: &str, lang: Lang) -> String {
        if code.is_empty() {
            return T::WholeHospital.in_(lang).to_owned();
        }
        self.registry
            .iter()
            .find(|h| h.code == hospital)
            .and_then(|h| h.department(code))
            .map(|d| d.names.pick(lang))
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| code.to_owned())
    }

    /// Why a case was opened, in words.
    pub fn reason(&self, reason: &Reason, lang: Lang) -> String {
        match reason {
            Reason::OverallRating => T::ReasonRating.in_(lang).to_owned(),
            Reason::ItemLowest { item } => {
                format!(
                    "{}：{}",
                    T::ReasonItemLowest.in_(lang),
                    self.item(item, lang)
                )
            }
            Reason::Keyword { keyword } => {
                format!("{}：{keyword}", T::ReasonKeyword.in_(lang))
            }
            Reason::Callback => T::ReasonCallback.in_(lang).to_owned(),
        }
    }
}

/// The colon between a label and its text: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    lang.choose("：", "：", ": ")
}

/// A visit type as responses spell it (docs/formats.md §2), in words.
pub fn visit_type(code: &str, lang: Lang) -> String {
    match code {
        "outpatient" => T::Outpatient.in_(lang).to_owned(),
        "emergency" => T::Emergency.in_(lang).to_owned(),
        "inpatient" => T::Inpatient.in_(lang).to_owned(),
        other => other.to_owned(),
    }
}

/// A channel as responses spell it (docs/formats.md §2), in words.
pub fn channel(code: &str, lang: Lang) -> String {
    match code {
        "kiosk" => T::Kiosk.in_(lang).to_owned(),
        "phone" => T::Phone.in_(lang).to_owned(),
        "web" => T::Web.in_(lang).to_owned(),
        "paper" => T::Paper.in_(lang).to_owned(),
        other => other.to_owned(),
    }
}

pub fn case_status(status: CaseStatus) -> T {
    match status {
        CaseStatus::Open => T::StatusOpen,
        CaseStatus::InProgress => T::StatusInProgress,
        CaseStatus::Resolved => T::StatusResolved,
        CaseStatus::Closed => T::StatusClosed,
    }
}

pub fn plan_status(status: PlanStatus) -> T {
    match status {
        PlanStatus::Planned => T::PlanPlanned,
        PlanStatus::InProgress => T::PlanInProgress,
        PlanStatus::Done => T::PlanDone,
    }
}

pub const PLAN_STATUSES: [PlanStatus; 3] = [
    PlanStatus::Planned,
    PlanStatus::InProgress,
    PlanStatus::Done,
];

pub fn plan_status_tag(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Planned => "planned",
        PlanStatus::InProgress => "in_progress",
        PlanStatus::Done => "done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoring::instrument::default_instrument;

    #[test]
    fn names_from_the_instrument_and_codes_without_it() {
        let with = Directory {
            instrument: Some(default_instrument()),
            registry: Vec::new(),
        };
        let without = Directory::default();
        let id = "outpatient.wait_time";
        assert_ne!(with.item(id, Lang::ZhCn), id);
        assert_eq!(without.item(id, Lang::ZhCn), id);
        let reason = Reason::ItemLowest {
            item: id.to_owned(),
        };
        assert!(without
            .reason(&reason, Lang::En)
            .starts_with("Worst answer"));
        assert_eq!(without.department("H001", "", Lang::En), "Whole hospital");
        assert_eq!(
            without.department("H001", "cardiology", Lang::En),
            "cardiology"
        );
        let index = Target {
            scope: TargetScope::Index,
            id: "index".to_owned(),
        };
        assert_eq!(with.target(&index, Lang::En), "Overall index");
        assert_eq!(visit_type("inpatient", Lang::ZhCn), "住院");
        assert_eq!(channel("kiosk", Lang::En), "Kiosk");
        assert_eq!(channel("fax", Lang::En), "fax");
    }
}
