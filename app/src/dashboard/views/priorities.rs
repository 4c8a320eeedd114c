//! Priorities: the key-driver quadrant (importance r vs performance mean,
//! median lines) and the "fix first" list (docs/scoring.md §4).

use yew::prelude::*;

use super::{fewer_than, ViewProps};
use crate::dashboard::charts::quadrant::QuadrantChart;
use scoring::present::words::ReportWords;

use crate::dashboard::i18n::T;
use crate::dashboard::model::priorities::{priorities, Priorities};
use crate::dashboard::number_format as nf;

/// The number of the item's point in the scatter (1-based).
fn point_number(p: &Priorities, id: &str) -> String {
    p.points
        .iter()
        .position(|d| d.id == id)
        .map(|i| (i + 1).to_string())
        .unwrap_or_default()
}

#[function_component]
pub fn PrioritiesView(props: &ViewProps) -> Html {
    let data = &props.data;
    let lang = data.lang();
    let Some(all) = data.loaded.scored.report.group("all") else {
        return Html::default();
    };
    let Some(p) = priorities(all, &data.labels) else {
        return html! { <p class="notice">{ fewer_than(lang, data.loaded.filters.suppress_below) }</p> };
    };
    html! {
        <section class="view priorities" aria-labelledby="priorities-title">
            <h2 id="priorities-title">{ data.t(T::PrioritiesTitle) }</h2>
            <div class="two-columns">
                <QuadrantChart id="chart-quadrant" caption={data.t(T::PrioritiesTitle)} lang={lang}
                               priorities={p.clone()} />
                <div class="fix-first">
                    <h3>{ ReportWords::of(data.lang()).drivers }</h3>
                    <p class="muted">{ data.t(T::FixFirstHelp) }
                        { format!(" ({} r = {}, {} = {})", data.t(T::Median),
                                  nf::coefficient(p.median_r), data.t(T::Performance),
                                  nf::score(p.median_mean)) }</p>
                    if p.fix_first.is_empty() {
                        <p>{ data.t(T::NothingToFix) }</p>
                    } else {
                        <ul id="fix-first-list" class="fix-list">
                            { for p.fix_first.iter().map(|d| html! {
                                <li>
                                    <span class="point-number">{ point_number(&p, &d.id) }</span>
                                    <span class="fix-text">
                                        <span class="label">{ &d.label }</span>
                                        <span class="muted fix-numbers">{ format!("r = {} · {} {}", nf::coefficient(Some(d.r)),
                                                                      data.t(T::Performance), nf::score(Some(d.mean))) }</span>
                                    </span>
                                </li>
                            }) }
                        </ul>
                    }
                </div>
            </div>
        </section>
    }
}
