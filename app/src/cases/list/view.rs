//! The cases table: a caption that counts them, a row header per case
//! (its number, a link to it), overdue cases marked in words as well as
//! colour.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::{Case, Session};
use yew::prelude::*;

use super::filters::Filters;
use crate::cases::directory::{case_status, Directory};
use crate::cases::i18n::{Lang, T};
use crate::cases::route::Route;
use crate::dashboard::base_path::{base_path, href};
use crate::services::cases_api;
use crate::services::clock::local_minutes;
use crate::services::staff_api::ApiError;

#[derive(Properties, PartialEq)]
pub struct CasesListProps {
    pub lang: Lang,
    pub session: Rc<Session>,
    pub directory: Rc<Directory>,
    pub navigate: Callback<Route>,
}

#[function_component]
pub fn CasesList(props: &CasesListProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let base = use_memo((), |_| base_path());
    let filters = use_state(Filters::default);
    let cases = use_state(|| None::<Result<Vec<Case>, ApiError>>);
    {
        let cases = cases.clone();
        use_effect_with((*filters).clone(), move |f| {
            let f = f.clone();
            spawn_local(async move {
                let answer = cases_api::cases(&f.status, &f.hospital, &f.department).await;
                cases.set(Some(answer.map(|list| list.cases)));
            });
        });
    }
    let set = |change: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*filters).clone();
            change(&mut next, value);
            filters.set(next);
        })
    };
    let session = &props.session;
    let dir = &props.directory;
    let status_filter = html! {
        <div class="field">
            <label for="filter-status">{ t(T::Status) }</label>
            <select id="filter-status" onchange={set(|f, v| f.status = v)}>
                <option value="" selected={filters.status.is_empty()}>{ t(T::AllStatuses) }</option>
                { for Filters::statuses().map(|s| html! {
                    <option value={s.as_str()} selected={filters.status == s.as_str()}>{ case_status(s).in_(lang) }</option>
                }) }
            </select>
        </div>
    };
    let hospital_filter = Filters::picks_hospital(session).then(|| html! {
        <div class="field">
            <label for="filter-hospital">{ t(T::Hospital) }</label>
            <select id="filter-hospital" onchange={set(|f, v| { f.hospital = v; f.department.clear(); })}>
                <option value="" selected={filters.hospital.is_empty()}>{ t(T::AllHospitals) }</option>
                { for dir.registry.iter().map(|h| html! {
                    <option value={h.code.clone()} selected={filters.hospital == h.code}>{ dir.hospital(&h.code, lang) }</option>
                }) }
            </select>
        </div>
    });
    let department_filter = Filters::picks_department(session).then(|| {
        let hospital = filters.hospital_of(session).to_owned();
        html! {
            <div class="field">
                <label for="filter-department">{ t(T::Department) }</label>
                <select id="filter-department" onchange={set(|f, v| f.department = v)}>
                    <option value="" selected={filters.department.is_empty()}>{ t(T::AllDepartments) }</option>
                    { for filters.departments(session, &dir.registry).into_iter().map(|d| html! {
                        <option value={d.to_owned()} selected={filters.department == d}>{ dir.department(&hospital, d, lang) }</option>
                    }) }
                </select>
            </div>
        }
    });
    let body = match &*cases {
        None => html! { <p class="muted">{ t(T::Loading) }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="muted" id="no-cases">{ t(T::NoCases) }</p> }
        }
        Some(Ok(list)) => table(lang, list, dir, session, &base, &props.navigate),
    };
    html! {
        <section aria-labelledby="cases-title">
            <h2 id="cases-title" class="page-title">{ t(T::CasesTitle) }</h2>
            <p class="muted">{ t(T::CasesHelp) }</p>
            <form class="filters" aria-label={t(T::Filters)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { status_filter }
                { for hospital_filter }
                { for department_filter }
            </form>
            { body }
        </section>
    }
}

fn table(
    lang: Lang,
    cases: &[Case],
    dir: &Directory,
    session: &Session,
    base: &str,
    navigate: &Callback<Route>,
) -> Html {
    let t = |k: T| k.in_(lang);
    let many_hospitals = Filters::picks_hospital(session);
    let rows = cases.iter().map(|c| {
        let route = Route::Case(c.id);
        let onclick = navigate.reform(move |e: MouseEvent| {
            e.prevent_default();
            route
        });
        let status = case_status(c.status).in_(lang);
        let place = if many_hospitals {
            format!("{} · {}", dir.hospital(&c.hospital, lang), dir.department(&c.hospital, &c.department, lang))
        } else {
            dir.department(&c.hospital, &c.department, lang)
        };
        html! {
            <tr class={classes!("case-row", c.overdue.then_some("overdue"))} data-case={c.id.to_string()}>
                <th scope="row"><a href={href(base, &route.to_relative())} {onclick}>{ format!("#{}", c.id) }</a></th>
                <td>
                    <span class={classes!("case-status", c.status.as_str())}>{ status }</span>
                    if c.overdue {
                        { " " }<span class="overdue-badge">{ t(T::Overdue) }</span>
                    }
                </td>
                <td>{ place }</td>
                <td>{ local_minutes(&c.created_at) }</td>
                <td>{ local_minutes(&c.due_at) }</td>
                <td>{ c.assignee.clone().unwrap_or_else(|| t(T::Unassigned).to_owned()) }</td>
                <td><ul class="reasons">{ for c.reasons.iter().map(|r| html! { <li>{ dir.reason(r, lang) }</li> }) }</ul></td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll">
            <table class="cases-table" id="cases">
                <caption>{ format!("{} · {} {}", t(T::CasesTitle), cases.len(), t(T::CasesShown)) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(T::CaseNumber) }</th>
                        <th scope="col">{ t(T::Status) }</th>
                        <th scope="col">{ if many_hospitals { format!("{} · {}", t(T::Hospital), t(T::Department)) } else { t(T::Department).to_owned() } }</th>
                        <th scope="col">{ t(T::Opened) }</th>
                        <th scope="col">{ t(T::Due) }</th>
                        <th scope="col">{ t(T::Assignee) }</th>
                        <th scope="col">{ t(T::Reasons) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
