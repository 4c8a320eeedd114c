//! The words of the md and html reports (shared with the dashboard, in
//! `scoring::present::words`) and the instrument's own texts for stages
//! and items, in the chosen language.

use scoring::instrument::Instrument;
use scoring::lang::Lang;
use scoring::present::words::{self, ReportWords};
use scoring::report::{Band, GroupBy, Quadrant, Report, Rule, Side, UnitVerdict, Verdict};

use super::registry_names::CodeNames;
use crate::registry::Registry;

/// Words and instrument texts in one language.
pub(crate) struct Labels<'a> {
    pub(crate) instrument: &'a Instrument,
    pub(crate) lang: Lang,
    pub(crate) words: &'static ReportWords,
    /// Names for the report's codes, from a registry file.
    names: CodeNames,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(instrument: &'a Instrument, lang: Lang) -> Labels<'a> {
        Labels {
            instrument,
            lang,
            words: ReportWords::of(lang),
            names: CodeNames::default(),
        }
    }

    /// Also names the hospitals and departments of `report` from `registry`.
    pub(crate) fn with_registry(mut self, registry: &Registry, report: &Report) -> Labels<'a> {
        self.names = CodeNames::new(registry, report, self.lang);
        self
    }

    /// An item's question in the chosen language ([`Lang::pick`]; its id
    /// if it has no text at all).
    pub(crate) fn item<'s>(&'s self, id: &'s str) -> &'s str {
        self.instrument
            .item(id)
            .map(|item| self.lang.pick(&item.text))
            .filter(|text| !text.is_empty())
            .unwrap_or(id)
    }

    /// A stage's title in the chosen language ([`Lang::pick`]; its id if it
    /// has no title at all).
    pub(crate) fn stage<'s>(&'s self, id: &'s str) -> &'s str {
        self.instrument
            .stage(id)
            .map(|stage| self.lang.pick(&stage.title))
            .filter(|text| !text.is_empty())
            .unwrap_or(id)
    }

    /// A group's name: `all`, a value of the grouping (named from the
    /// registry when one is given), or "not given" for the empty value (a
    /// response without a department).
    pub(crate) fn group_key<'k>(&'k self, key: &'k str) -> &'k str {
        match key {
            "all" => self.words.all,
            "" => self.words.not_given,
            key => self.names.groups.get(key).map_or(key, String::as_str),
        }
    }

    /// The hospital a report is restricted to, named from the registry.
    pub(crate) fn hospital_filter<'k>(&'k self, code: &'k str) -> &'k str {
        self.names.hospital_filter.as_deref().unwrap_or(code)
    }

    /// The department a report is restricted to, named from the registry.
    pub(crate) fn department_filter<'k>(&'k self, code: &'k str) -> &'k str {
        self.names.department_filter.as_deref().unwrap_or(code)
    }

    pub(crate) fn group_by(&self, by: GroupBy) -> &'static str {
        words::group_by(self.lang, by)
    }

    pub(crate) fn verdict(&self, verdict: Verdict) -> &'static str {
        words::verdict(self.lang, verdict)
    }

    pub(crate) fn quadrant(&self, quadrant: Quadrant) -> &'static str {
        words::quadrant(self.lang, quadrant)
    }

    pub(crate) fn band(&self, band: Band) -> &'static str {
        words::band(self.lang, band)
    }

    pub(crate) fn unit_verdict(&self, verdict: UnitVerdict) -> &'static str {
        words::unit_verdict(self.lang, verdict)
    }

    pub(crate) fn signal(&self, rule: Rule, side: Side) -> &'static str {
        words::signal(self.lang, rule, side)
    }
}
