//! The pages of the dashboard and the pieces around them. Each view takes
//! the loaded report and lays out a view model from `model/`.

pub mod benchmark;
pub mod comments;
pub mod comparison;
pub mod export_bar;
pub mod filter_bar;
pub mod groups;
pub mod login;
pub mod overview;
pub mod print;
pub mod priorities;
pub mod progress;
pub mod stages;
pub mod tabs;
pub mod top_bar;
pub mod top_complaints;
pub mod trend;

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{fill, Lang, T};
use super::labels::Labels;
use super::model::Change;
use super::number_format as nf;
use super::state::LoadedReport;
use scoring::present::words;
use scoring::report::Verdict;

/// What every report view receives. Compared by pointer: a new report or
/// a new language is a new `Rc`.
#[derive(Clone)]
pub struct ViewData {
    pub labels: Rc<Labels>,
    pub loaded: Rc<LoadedReport>,
}

impl PartialEq for ViewData {
    fn eq(&self, other: &ViewData) -> bool {
        Rc::ptr_eq(&self.labels, &other.labels) && Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

impl ViewData {
    pub fn lang(&self) -> Lang {
        self.labels.lang
    }

    pub fn t(&self, key: T) -> &'static str {
        key.in_(self.labels.lang)
    }

    /// The name of a period for legends: `2024`, or `from – to`.
    pub fn current_name(&self) -> String {
        let p = &self.loaded.scored.report.periods.current;
        period_name(&p.from, &p.to)
    }

    pub fn baseline_name(&self) -> Option<String> {
        self.loaded
            .scored
            .report
            .periods
            .baseline
            .as_ref()
            .map(|p| period_name(&p.from, &p.to))
    }
}

pub fn period_name(from: &str, to: &str) -> String {
    match super::filters::DateRange::new(from, to)
        .ok()
        .and_then(|r| r.as_year())
    {
        Some(year) => year.to_string(),
        None => format!("{from} – {to}"),
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub data: ViewData,
}

/// A verdict as a word with a shape (▲ ▼ = ?), never by colour alone.
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub verdict: Verdict,
    pub lang: Lang,
}

#[function_component]
pub fn VerdictBadge(props: &VerdictProps) -> Html {
    let class = match props.verdict {
        Verdict::Improved => "verdict improved",
        Verdict::Declined => "verdict declined",
        Verdict::NoChange => "verdict no-change",
        Verdict::Insufficient => "verdict insufficient",
    };
    html! {
        <span class={class}>
            <span aria-hidden="true">{ super::charts::paired_bars::verdict_mark(props.verdict) }{ " " }</span>
            { words::verdict(props.lang, props.verdict) }
        </span>
    }
}

/// "+3.2 [1.0, 5.4] ▲ Improved", or nothing without a baseline.
#[derive(Properties, PartialEq)]
pub struct ChangeProps {
    pub change: Option<Change>,
    pub lang: Lang,
}

#[function_component]
pub fn ChangeCell(props: &ChangeProps) -> Html {
    match props.change {
        None => html! { <span class="muted">{ nf::MISSING }</span> },
        Some(c) => html! {
            <span class="change">
                <span class="num">{ nf::signed(c.diff) }</span>{ " " }
                <span class="ci">{ nf::interval(c.ci_low, c.ci_high) }</span>{ " " }
                <VerdictBadge verdict={c.verdict} lang={props.lang} />
            </span>
        },
    }
}

/// The notice shown in place of a suppressed group's numbers.
pub fn fewer_than(lang: Lang, threshold: u64) -> String {
    fill(T::FewerThan.in_(lang), &[("n", &threshold.to_string())])
}

/// One line saying what the report shown was computed with: periods,
/// subsets, grouping, case-mix, threshold, responses. It heads every view
/// and the printed page, since the filter bar may already show other
/// choices.
#[function_component]
pub fn ReportSummary(props: &ViewProps) -> Html {
    use super::labels::{channel_text, visit_type_text};
    let data = &props.data;
    let f = &data.loaded.filters;
    let t = |k: T| data.t(k);
    let mut parts = vec![format!("{} {}", t(T::Period), data.current_name())];
    if let Some(b) = data.baseline_name() {
        parts.push(format!("{} {b}", t(T::Baseline)));
    }
    if let Some(h) = &f.subset.hospital {
        parts.push(format!("{} {h}", t(T::Hospital)));
    }
    if let Some(d) = &f.subset.department {
        parts.push(format!("{} {d}", t(T::Department)));
    }
    if let Some(v) = f.subset.visit_type {
        parts.push(format!("{} {}", t(T::VisitType), t(visit_type_text(v))));
    }
    if let Some(c) = f.subset.channel {
        parts.push(format!("{} {}", t(T::Channel), t(channel_text(c))));
    }
    if f.case_mix {
        parts.push(format!("{} {}", t(T::CaseMix), t(T::On)));
    }
    parts.push(format!("{} {}", t(T::SuppressBelow), f.suppress_below));
    let report = &data.loaded.scored.report;
    if report.units.is_some() {
        let w = words::ReportWords::of(data.lang());
        let o = &report.options;
        parts.push(format!("{} {}", w.target_reliability, o.target_reliability));
        parts.push(format!("{} {}", w.min_difference, o.min_difference));
    }
    let n = data
        .loaded
        .scored
        .report
        .group("all")
        .and_then(|g| g.stats.as_ref())
        .map_or(0, |s| s.n);
    parts.push(format!("{} {}", nf::count(n), t(T::Responses)));
    html! {
        <p class="report-summary" id="report-summary">
            <strong>{ t(T::ReportShown) }</strong>{ parts.join(" · ") }
        </p>
    }
}

/// The plain-language note beside a chart ("what this means").
pub fn what_this_means(lang: Lang, text: &str) -> Html {
    html! {
        <p class="explain">
            <strong>{ T::WhatThisMeans.in_(lang) }{ lang.choose("：", "：", ": ") }</strong>{ text.to_owned() }
        </p>
    }
}

/// A unit's reliability with, below the target, the mark and the
/// responses it needs (docs/scoring.md §10.3).
/// `still_needed` is `scoring::present::units::still_needed`.
pub fn reliability_cell(
    lang: Lang,
    row: &scoring::report::UnitRow,
    still_needed: Option<u64>,
) -> Html {
    if scoring::present::units::below_target(row) {
        let mut note = T::BelowTarget.in_(lang).to_owned();
        if let Some(n) = still_needed {
            note.push_str(&format!(" · {} {}", T::StillNeeded.in_(lang), nf::count(n)));
        }
        html! {
            <span class="unreliable">{ nf::coefficient(row.reliability) }{ " " }
                <span class="mark">{ "* " }{ note }</span></span>
        }
    } else {
        html! { nf::coefficient(row.reliability) }
    }
}

/// A unit's funnel band as its shape and word.
pub fn band_badge(lang: Lang, band: Option<scoring::report::Band>) -> Html {
    use super::charts::funnel::{band_colour, band_mark};
    match band {
        None => html! { <span class="muted">{ nf::MISSING }</span> },
        Some(b) => html! {
            <span class="band">
                <span aria-hidden="true" style={format!("color:{}", band_colour(band))}>{ band_mark(band) }{ " " }</span>
                { words::band(lang, b) }
            </span>
        },
    }
}
