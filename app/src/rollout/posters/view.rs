//! The posters page (see the module documentation).

use std::rc::Rc;

use scoring::instrument::VisitType;
use wire::Hospital;
use yew::prelude::*;

use super::urls::{poster_batch, poster_svg};
use crate::rollout::i18n::{Lang, T};

#[derive(Properties, PartialEq)]
pub struct PostersProps {
    pub lang: Lang,
    pub hospitals: Rc<Vec<Hospital>>,
}

pub fn visit_text(visit: VisitType) -> T {
    match visit {
        VisitType::Outpatient => T::Outpatient,
        VisitType::Emergency => T::Emergency,
        VisitType::Inpatient => T::Inpatient,
    }
}

#[function_component]
pub fn PostersView(props: &PostersProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let hospital_code = use_state(|| props.hospitals.first().map(|h| h.code.clone()));
    let visit = use_state(|| VisitType::Outpatient);
    let chosen = use_state(Vec::<String>::new);
    let Some(hospital) = hospital_code
        .as_deref()
        .and_then(|code| props.hospitals.iter().find(|h| h.code == code))
        .or_else(|| props.hospitals.first())
    else {
        return html! { <p class="muted">{ t(T::NoHospitals) }</p> };
    };
    let departments: Vec<_> = hospital.departments.iter().filter(|d| d.active).collect();
    let on_hospital = {
        let (hospital_code, chosen) = (hospital_code.clone(), chosen.clone());
        Callback::from(move |e: Event| {
            hospital_code.set(Some(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ));
            chosen.set(Vec::new());
        })
    };
    let on_visit = {
        let visit = visit.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            visit.set(VisitType::parse(&value).unwrap_or(VisitType::Outpatient));
        })
    };
    let toggle = |code: String| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let mut next: Vec<String> = (*chosen).iter().filter(|c| **c != code).cloned().collect();
            if on {
                next.push(code.clone());
            }
            chosen.set(next);
        })
    };
    let select_all = {
        let chosen = chosen.clone();
        let all: Vec<String> = departments.iter().map(|d| d.code.clone()).collect();
        Callback::from(move |_: MouseEvent| chosen.set(all.clone()))
    };
    // In the registry's order, whatever order they were ticked in.
    let picked: Vec<&str> = departments
        .iter()
        .filter(|d| chosen.contains(&d.code))
        .map(|d| d.code.as_str())
        .collect();
    let preview = picked.first().map(|code| {
        let name = hospital
            .department(code)
            .map_or(*code, |d| d.names.pick(lang));
        let alt = format!("{}{} · {}", t(T::PosterOf), hospital.names.pick(lang), name);
        html! {
            <figure class="poster-preview">
                <img src={poster_svg(&hospital.code, code, *visit)} {alt} id="poster-preview" />
                <figcaption>{ format!("{}{name}", t(T::PosterOf)) }</figcaption>
            </figure>
        }
    });
    html! {
        <>
            <h2 class="page-title">{ t(T::PostersTitle) }</h2>
            <p class="muted">{ t(T::PostersHelp) }</p>
            <div class="poster-picker">
                <div class="field">
                    <label for="poster-hospital">{ t(T::Hospital) }</label>
                    <select id="poster-hospital" onchange={on_hospital}>
                        { for props.hospitals.iter().map(|h| html! {
                            <option value={h.code.clone()} selected={h.code == hospital.code}>
                                { format!("{} · {}", h.code, h.names.pick(lang)) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="poster-visit">{ t(T::VisitType) }</label>
                    <select id="poster-visit" onchange={on_visit}>
                        { for VisitType::ALL.iter().map(|v| html! {
                            <option value={v.as_str()} selected={*visit == *v}>{ t(visit_text(*v)) }</option>
                        }) }
                    </select>
                </div>
                <fieldset class="poster-departments">
                    <legend>{ t(T::ChooseDepartments) }</legend>
                    <button type="button" id="select-all" onclick={select_all}>{ t(T::SelectAll) }</button>
                    <ul>
                        { for departments.iter().map(|d| {
                            let id = format!("poster-dept-{}", d.code);
                            html! {
                                <li>
                                    <input type="checkbox" id={id.clone()} checked={chosen.contains(&d.code)}
                                           onchange={toggle(d.code.clone())} />
                                    <label for={id}>{ d.names.pick(lang) }{ " " }<code>{ &d.code }</code></label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
            </div>
            if picked.is_empty() {
                <p class="notice" id="none-chosen">{ t(T::NoneChosen) }</p>
            } else {
                <p>
                    <a class="button primary" id="print-posters" target="_blank" rel="noopener"
                       href={poster_batch(&hospital.code, &picked, *visit)}>{ t(T::PrintBatch) }</a>
                </p>
                { for preview }
            }
        </>
    }
}
