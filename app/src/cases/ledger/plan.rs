//! The selected plan: its facts, its notes, a form to change its status
//! and add a note (`PATCH`), and its target's monthly series.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use wire::{ActionPlan, ActionPlanPatch, PlanStatus};
use yew::prelude::*;

use super::chart::chart;
use super::series::{months_around, point, MonthReport, Point};
use crate::cases::directory::{plan_status, plan_status_tag, Directory, PLAN_STATUSES};
use crate::cases::i18n::{Lang, T};
use crate::services::cases_api;
use crate::services::clock::{local_minutes, today_utc};
use crate::staff::field_error::FieldProblem;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub lang: Lang,
    pub plan: ActionPlan,
    pub directory: Rc<Directory>,
    pub on_saved: Callback<ActionPlan>,
}

#[function_component]
pub fn PlanPanel(props: &PlanPanelProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let plan = &props.plan;
    let dir = &props.directory;
    let points = use_state(|| None::<Vec<Point>>);
    let problem = use_state(|| None::<FieldProblem>);
    let saved = use_state(|| false);
    let (status_ref, note_ref) = (use_node_ref(), use_node_ref());
    {
        let points = points.clone();
        let key = (
            plan.id,
            plan.hospital.clone(),
            plan.department.clone(),
            plan.target.clone(),
            plan.started.clone(),
        );
        use_effect_with(key, move |(_, hospital, department, target, started)| {
            let (hospital, department, target, started) = (
                hospital.clone(),
                department.clone(),
                target.clone(),
                started.clone(),
            );
            points.set(None);
            spawn_local(async move {
                let mut series = Vec::new();
                for month in months_around(&started, &today_utc()) {
                    let report =
                        cases_api::report::<MonthReport>(&month, &hospital, !department.is_empty())
                            .await;
                    series.push(match report {
                        Ok(report) => point(&month, &report, &department, &target),
                        Err(_) => Point {
                            month,
                            n: 0,
                            mean: None,
                        },
                    });
                }
                points.set(Some(series));
            });
        });
    }
    let onsubmit = {
        let (status_ref, note_ref) = (status_ref.clone(), note_ref.clone());
        let (problem, saved, on_saved) = (problem.clone(), saved.clone(), props.on_saved.clone());
        let (id, current) = (plan.id, plan.status);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let status = status_ref
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .and_then(|v| status_of(&v))
                .filter(|s| *s != current);
            let note = note_ref
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .filter(|n| !n.trim().is_empty());
            let patch = ActionPlanPatch {
                status,
                note,
                ..ActionPlanPatch::default()
            };
            let (problem, saved, on_saved, note_ref) = (
                problem.clone(),
                saved.clone(),
                on_saved.clone(),
                note_ref.clone(),
            );
            spawn_local(async move {
                match cases_api::patch_plan(id, &patch).await {
                    Ok(plan) => {
                        if let Some(area) = note_ref.cast::<HtmlTextAreaElement>() {
                            area.set_value("");
                        }
                        problem.set(None);
                        saved.set(true);
                        on_saved.emit(plan);
                    }
                    Err(e) => {
                        saved.set(false);
                        problem.set(Some(FieldProblem::of(&e)));
                    }
                }
            });
        })
    };
    let target = dir.target(&plan.target, lang);
    let started_month: String = plan.started.chars().take(7).collect();
    let series = match &*points {
        None => html! { <p class="muted">{ t(T::Loading) }</p> },
        Some(points) if points.iter().all(|p| p.mean.is_none()) => html! {
            <p class="muted" id="no-series">{ t(T::NoSeries) }</p>
        },
        Some(points) => chart(lang, &target, points, &started_month),
    };
    html! {
        <section class="plan" aria-labelledby="plan-title" id="plan">
            <h3 id="plan-title">{ &plan.title }</h3>
            <dl class="case-facts">
                <dt>{ t(T::Department) }</dt>
                <dd>{ format!("{} · {}", dir.hospital(&plan.hospital, lang), dir.department(&plan.hospital, &plan.department, lang)) }</dd>
                <dt>{ t(T::Target) }</dt><dd>{ &target }</dd>
                <dt>{ t(T::Owner) }</dt><dd id="plan-owner">{ &plan.owner }</dd>
                <dt>{ t(T::DueDate) }</dt><dd>{ &plan.due }</dd>
                <dt>{ t(T::Status) }</dt><dd id="plan-status-now">{ plan_status(plan.status).in_(lang) }</dd>
                <dt>{ t(T::Started) }</dt><dd>{ &plan.started }</dd>
                if let Some(text) = &plan.public_text {
                    <dt>{ t(T::PublicText) }</dt><dd>{ text }</dd>
                }
            </dl>
            { series }
            <h4>{ t(T::Notes) }</h4>
            if plan.notes.is_empty() {
                <p class="muted">{ t(T::NoNotes) }</p>
            } else {
                <ol class="timeline" id="plan-notes">
                    { for plan.notes.iter().map(|n| html! {
                        <li>
                            <time datetime={n.at.clone()}>{ local_minutes(&n.at) }</time>
                            <span class="by">{ &n.by }</span>
                            <p class="text">{ &n.text }</p>
                        </li>
                    }) }
                </ol>
            }
            <form class="action" id="plan-form" {onsubmit}>
                <div class="field">
                    <label for="plan-status">{ t(T::Status) }</label>
                    <select id="plan-status" ref={status_ref}>
                        { for PLAN_STATUSES.iter().map(|s| html! {
                            <option value={plan_status_tag(*s)} selected={*s == plan.status}>{ plan_status(*s).in_(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="plan-note">{ t(T::NoteText) }</label>
                    <textarea id="plan-note" ref={note_ref} rows="2" maxlength="2000"/>
                </div>
                <button type="submit" id="update-plan">{ t(T::UpdatePlan) }</button>
                <p class="error" role="alert">{ (*problem).as_ref().map(|p| p.message.clone()).unwrap_or_default() }</p>
                <p class="saved" role="status">{ if *saved { t(T::Saved) } else { "" } }</p>
            </form>
        </section>
    }
}

/// A status the select offers, read back.
pub fn status_of(tag: &str) -> Option<PlanStatus> {
    PLAN_STATUSES
        .into_iter()
        .find(|s| plan_status_tag(*s) == tag)
}
