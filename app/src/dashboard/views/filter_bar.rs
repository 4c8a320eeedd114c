//! The filter bar: periods, subsets (hospital, department, visit type,
//! channel), grouping, case-mix and the suppression threshold.
//!
//! Subset and option changes re-score at once (the worker holds the data);
//! a period change waits for "Compute", which downloads what is missing.

use scoring::instrument::VisitType;
use scoring::response::Channel;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use scoring::report::GroupBy;

use crate::dashboard::filters::{DateRange, Filters};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::labels::{channel_text, visit_type_text};
use crate::dashboard::protocol::Facets;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub lang: Lang,
    pub filters: Filters,
    pub facets: Facets,
    /// Years offered in the period menus, newest first.
    pub years: Vec<i32>,
    /// A hospital administrator's hospital: the hospital menu is fixed.
    pub fixed_hospital: Option<String>,
    /// Names of hospital and department codes.
    pub places: std::rc::Rc<crate::dashboard::place_names::PlaceNames>,
    pub busy: bool,
    /// Any edit.
    pub on_change: Callback<Filters>,
    /// "Compute" pressed.
    pub on_apply: Callback<()>,
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let f = &props.filters;
    let edit = |change: fn(&mut Filters, String)| {
        let filters = f.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = filters.clone();
            change(&mut next, select_value(&e));
            on_change.emit(next);
        })
    };
    let on_period = {
        let filters = f.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |range: Option<DateRange>| {
            if let Some(range) = range {
                on_change.emit(Filters {
                    current: range,
                    ..filters.clone()
                });
            }
        })
    };
    let on_baseline = {
        let filters = f.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |range: Option<DateRange>| {
            on_change.emit(Filters {
                baseline: range,
                ..filters.clone()
            });
        })
    };
    let on_case_mix = {
        let filters = f.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_change.emit(Filters {
                case_mix: checked,
                ..filters.clone()
            });
        })
    };
    let on_suppress = {
        let filters = f.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(n) = value.parse::<u64>() {
                on_change.emit(Filters {
                    suppress_below: n.max(1),
                    ..filters.clone()
                });
            }
        })
    };
    let onsubmit = {
        let on_apply = props.on_apply.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_apply.emit(());
        })
    };
    let departments: Vec<&str> = {
        let mut d: Vec<&str> = props
            .facets
            .departments
            .iter()
            .filter(|(h, dep)| {
                !dep.is_empty()
                    && f.subset
                        .hospital
                        .as_deref()
                        .is_none_or(|chosen| chosen == h)
            })
            .map(|(_, dep)| dep.as_str())
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let option = |value: &str, text: &str, selected: bool| {
        html! { <option value={value.to_owned()} selected={selected}>{ text.to_owned() }</option> }
    };
    let name = |code: &str| props.places.name(lang, code).to_owned();
    html! {
        <form class="filter-bar no-print" aria-label={t(T::Filters)} {onsubmit}>
            <PeriodPicker id="period" label={t(T::Period)} lang={lang} value={Some(f.current.clone())}
                          allow_none={false} years={props.years.clone()} on_change={on_period} />
            <PeriodPicker id="baseline" label={t(T::Baseline)} lang={lang} value={f.baseline.clone()}
                          allow_none={true} years={props.years.clone()} on_change={on_baseline} />
            <div class="field">
                <label for="f-hospital">{ t(T::Hospital) }</label>
                if let Some(h) = &props.fixed_hospital {
                    <select id="f-hospital" disabled=true>{ option(h, &name(h), true) }</select>
                } else {
                    <select id="f-hospital" onchange={edit(|f, v| {
                        f.subset.hospital = (!v.is_empty()).then_some(v);
                        f.subset.department = None;
                    })}>
                        { option("", t(T::All), f.subset.hospital.is_none()) }
                        { for props.facets.hospitals.iter().map(|h| option(h, &name(h), f.subset.hospital.as_ref() == Some(h))) }
                    </select>
                }
            </div>
            <div class="field">
                <label for="f-department">{ t(T::Department) }</label>
                <select id="f-department" onchange={edit(|f, v| f.subset.department = (!v.is_empty()).then_some(v))}>
                    { option("", t(T::All), f.subset.department.is_none()) }
                    { for departments.iter().map(|d| option(d, &name(d), f.subset.department.as_deref() == Some(*d))) }
                </select>
            </div>
            <div class="field">
                <label for="f-visit">{ t(T::VisitType) }</label>
                <select id="f-visit" onchange={edit(|f, v| f.subset.visit_type = VisitType::parse(&v))}>
                    { option("", t(T::All), f.subset.visit_type.is_none()) }
                    { for VisitType::ALL.iter().map(|v| option(v.as_str(), visit_type_text(*v).in_(lang), f.subset.visit_type == Some(*v))) }
                </select>
            </div>
            <div class="field">
                <label for="f-channel">{ t(T::Channel) }</label>
                <select id="f-channel" onchange={edit(|f, v| f.subset.channel = Channel::parse(&v))}>
                    { option("", t(T::All), f.subset.channel.is_none()) }
                    { for Channel::ALL.iter().map(|c| option(c.as_str(), channel_text(*c).in_(lang), f.subset.channel == Some(*c))) }
                </select>
            </div>
            <div class="field">
                <label for="f-group">{ t(T::GroupBy) }</label>
                <select id="f-group" onchange={edit(|f, v| f.group_by = GroupBy::parse(&v))}>
                    { option("", t(T::NoGrouping), f.group_by.is_none()) }
                    { for GroupBy::ALL.iter().map(|g| option(g.as_str(), group_by_text(*g).in_(lang), f.group_by == Some(*g))) }
                </select>
            </div>
            <div class="field narrow">
                <label for="f-suppress">{ t(T::SuppressBelow) }</label>
                <input id="f-suppress" type="number" min="1" step="1" value={f.suppress_below.to_string()}
                       onchange={on_suppress} />
            </div>
            <div class="field check">
                <input id="f-casemix" type="checkbox" checked={f.case_mix} onchange={on_case_mix} />
                <label for="f-casemix">{ t(T::CaseMix) }</label>
            </div>
            <div class="field action">
                <button type="submit" id="apply" class="primary" disabled={props.busy}>{ t(T::Apply) }</button>
            </div>
        </form>
    }
}

fn group_by_text(g: GroupBy) -> T {
    match g {
        GroupBy::Hospital => T::Hospital,
        GroupBy::Department => T::Department,
        GroupBy::VisitType => T::VisitType,
        GroupBy::Channel => T::Channel,
    }
}

#[derive(Properties, PartialEq)]
pub struct PeriodPickerProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub lang: Lang,
    pub value: Option<DateRange>,
    pub allow_none: bool,
    pub years: Vec<i32>,
    pub on_change: Callback<Option<DateRange>>,
}

/// A year menu with "custom dates" (and "no baseline" where allowed).
#[function_component]
pub fn PeriodPicker(props: &PeriodPickerProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let year = props.value.as_ref().and_then(DateRange::as_year);
    let custom = use_state(|| props.value.is_some() && year.is_none());
    let from = use_state(|| {
        props
            .value
            .as_ref()
            .map(|r| r.from.clone())
            .unwrap_or_default()
    });
    let to = use_state(|| {
        props
            .value
            .as_ref()
            .map(|r| r.to.clone())
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let selected = if *custom {
        "custom".to_owned()
    } else {
        year.map(|y| y.to_string()).unwrap_or_default()
    };
    let on_select = {
        let custom = custom.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            if v == "custom" {
                custom.set(true);
            } else {
                custom.set(false);
                on_change.emit(v.parse::<i32>().ok().map(DateRange::year));
            }
        })
    };
    let on_date = |is_from: bool| {
        let (from, to, error) = (from.clone(), to.clone(), error.clone());
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let (f, t) = if is_from {
                (value.clone(), (*to).clone())
            } else {
                ((*from).clone(), value.clone())
            };
            if is_from {
                from.set(value);
            } else {
                to.set(value);
            }
            match DateRange::new(&f, &t) {
                Ok(range) => {
                    error.set(None);
                    on_change.emit(Some(range));
                }
                Err(e) if !f.is_empty() && !t.is_empty() => error.set(Some(e.to_string())),
                Err(_) => {}
            }
        })
    };
    let select_id = format!("f-{}", props.id);
    html! {
        <div class="field period">
            <label for={select_id.clone()}>{ props.label.clone() }</label>
            <select id={select_id.clone()} onchange={on_select}>
                if props.allow_none {
                    <option value="" selected={!*custom && props.value.is_none()}>{ t(T::NoBaseline) }</option>
                }
                { for props.years.iter().map(|y| html! {
                    <option value={y.to_string()} selected={selected == y.to_string()}>{ y }</option>
                }) }
                <option value="custom" selected={*custom}>{ t(T::CustomRange) }</option>
            </select>
            if *custom {
                <span class="dates">
                    <label for={format!("{select_id}-from")}>{ t(T::From) }</label>
                    <input id={format!("{select_id}-from")} type="date" value={(*from).clone()} onchange={on_date(true)} />
                    <label for={format!("{select_id}-to")}>{ t(T::ToExclusive) }</label>
                    <input id={format!("{select_id}-to")} type="date" value={(*to).clone()} onchange={on_date(false)} />
                </span>
                if let Some(e) = &*error { <span class="error" role="alert">{ e }</span> }
            }
        </div>
    }
}
