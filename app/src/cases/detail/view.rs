//! The page of one case. Each action is a small form; the server's answer
//! (the updated case) replaces the page's copy, and a refusal is shown by
//! the field it names (`root_cause: is required`).

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use wire::{Assignee, CaseAction, CaseDetail};
use yew::prelude::*;

use super::actions::allowed;
use super::answers::answer_rows;
use super::timeline::timeline;
use crate::cases::directory::{case_status, channel, visit_type, Directory};
use crate::cases::i18n::{Lang, T};
use crate::cases::route::Route;
use crate::services::cases_api;
use crate::services::clock::local_minutes;
use crate::services::staff_api::ApiError;
use crate::staff::field_error::{message_id, FieldProblem};

#[derive(Properties, PartialEq)]
pub struct CaseViewProps {
    pub lang: Lang,
    pub id: i64,
    /// Offered first as the assignee of an unassigned case.
    pub me: AttrValue,
    pub directory: Rc<Directory>,
    pub navigate: Callback<Route>,
}

/// What the last action did: nothing yet, done, or refused.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    None,
    Done,
    Refused(FieldProblem),
}

fn value_of_input(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn value_of_area(r: &NodeRef) -> String {
    r.cast::<HtmlTextAreaElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component]
pub fn CaseView(props: &CaseViewProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let id = props.id;
    let detail = use_state(|| None::<Result<CaseDetail, ApiError>>);
    let assignees = use_state(Vec::<Assignee>::new);
    let outcome = use_state(|| Outcome::None);
    let busy = use_state(|| false);
    {
        let (detail, assignees) = (detail.clone(), assignees.clone());
        use_effect_with(id, move |id| {
            let id = *id;
            spawn_local(async move {
                detail.set(Some(cases_api::case(id).await));
                if let Ok(list) = cases_api::assignees(id).await {
                    assignees.set(list.assignees);
                }
            });
        });
    }
    let refs = (*use_memo((), |_| Refs::default())).clone();
    let act = {
        let (detail, outcome, busy) = (detail.clone(), outcome.clone(), busy.clone());
        let refs = refs.clone();
        Callback::from(move |action: CaseAction| {
            let (detail, outcome, busy) = (detail.clone(), outcome.clone(), busy.clone());
            let refs = refs.clone();
            busy.set(true);
            spawn_local(async move {
                match cases_api::act(id, &action).await {
                    Ok(updated) => {
                        detail.set(Some(Ok(updated)));
                        refs.clear();
                        outcome.set(Outcome::Done);
                    }
                    Err(e) => outcome.set(Outcome::Refused(FieldProblem::of(&e))),
                }
                busy.set(false);
            });
        })
    };
    let back = {
        let onclick = props.navigate.reform(|e: MouseEvent| {
            e.prevent_default();
            Route::List
        });
        html! { <a href="./" class="back" id="back-to-cases" {onclick}>{ t(T::BackToCases) }</a> }
    };
    let detail = match &*detail {
        None => return html! { <>{ back }<p class="muted">{ t(T::Loading) }</p></> },
        Some(Err(e)) => {
            return html! { <>{ back }<p class="error" role="alert">{ e.to_string() }</p></> }
        }
        Some(Ok(d)) => d,
    };
    let dir = &props.directory;
    let case = &detail.case;
    let problem = match &*outcome {
        Outcome::Refused(p) => Some(p.clone()),
        _ => None,
    };
    html! {
        <article class="case" aria-labelledby="case-title">
            { back }
            <h2 id="case-title" class="page-title">{ format!("{} #{}", t(T::CaseTitle), case.id) }</h2>
            <dl class="case-facts">
                <dt>{ t(T::Status) }</dt>
                <dd id="case-status">
                    <span class={classes!("case-status", case.status.as_str())}>{ case_status(case.status).in_(lang) }</span>
                    if case.overdue { { " " }<span class="overdue-badge">{ t(T::Overdue) }</span> }
                </dd>
                <dt>{ t(T::Department) }</dt>
                <dd>{ format!("{} · {}", dir.hospital(&case.hospital, lang), dir.department(&case.hospital, &case.department, lang)) }</dd>
                <dt>{ t(T::Opened) }</dt><dd>{ local_minutes(&case.created_at) }</dd>
                <dt>{ t(T::Due) }</dt><dd>{ local_minutes(&case.due_at) }</dd>
                <dt>{ t(T::Assignee) }</dt>
                <dd id="case-assignee">{ case.assignee.clone().unwrap_or_else(|| t(T::Unassigned).to_owned()) }</dd>
                <dt>{ t(T::Reasons) }</dt>
                <dd><ul class="reasons" id="case-reasons">{ for case.reasons.iter().map(|r| html! { <li>{ dir.reason(r, lang) }</li> }) }</ul></dd>
                if let Some(callback) = &case.callback {
                    <dt>{ t(T::Callback) }</dt>
                    <dd><a href={format!("tel:{}", callback.phone)} id="callback-phone">{ &callback.phone }</a>
                        <span class="muted small">{ " " }{ t(T::CallbackForgotten) }</span></dd>
                }
            </dl>
            <div class="case-columns">
                <div>
                    { response(lang, detail, dir) }
                    { timeline(lang, detail) }
                </div>
                { actions_panel(lang, detail, &Candidates { me: &props.me, all: &assignees }, &refs, problem.as_ref(), *busy, &act) }
            </div>
            <p class="saved" role="status" id="action-done">
                { if *outcome == Outcome::Done { t(T::Done) } else { "" } }
            </p>
        </article>
    }
}

fn response(lang: Lang, detail: &CaseDetail, dir: &Directory) -> Html {
    let t = |k: T| k.in_(lang);
    let Some(r) = &detail.response else {
        return Html::default();
    };
    let rows = answer_rows(&r.answers, dir, lang);
    html! {
        <section aria-labelledby="response-title">
            <h3 id="response-title">{ t(T::TheResponse) }</h3>
            <p class="muted">
                { format!("{} {} · {} {} · {} {}", t(T::Submitted), local_minutes(&r.submitted_at),
                          t(T::VisitType), visit_type(&r.visit_type, lang), t(T::Channel), channel(&r.channel, lang)) }
            </p>
            <h4>{ t(T::Comment) }</h4>
            <blockquote class="comment" id="case-comment">
                { if r.comment.is_empty() { t(T::NoComment).to_owned() } else { r.comment.clone() } }
            </blockquote>
            <div class="table-scroll">
                <table class="answers" id="case-answers">
                    <caption class="visually-hidden">{ t(T::AnswersTable) }</caption>
                    <thead><tr><th scope="col">{ t(T::Question) }</th><th scope="col">{ t(T::Answer) }</th></tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|(q, a)| html! { <tr><th scope="row">{ q }</th><td>{ a }</td></tr> }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The forms' inputs, read when a form is sent and emptied after an
/// action went through.
#[derive(Clone, Default, PartialEq)]
struct Refs {
    assign_to: NodeRef,
    note: NodeRef,
    root_cause: NodeRef,
    resolve_text: NodeRef,
    close_text: NodeRef,
    reopen_text: NodeRef,
}

impl Refs {
    fn clear(&self) {
        for r in [
            &self.note,
            &self.resolve_text,
            &self.close_text,
            &self.reopen_text,
        ] {
            if let Some(area) = r.cast::<HtmlTextAreaElement>() {
                area.set_value("");
            }
        }
        if let Some(input) = self.root_cause.cast::<HtmlInputElement>() {
            input.set_value("");
        }
    }
}

/// Who a case may be assigned to, and who is signed in (offered first
/// for an unassigned case).
struct Candidates<'a> {
    me: &'a str,
    all: &'a [Assignee],
}

/// A labelled text field with the server's message about `field`.
fn text_field(
    id: &str,
    label: String,
    field: &str,
    node: &NodeRef,
    problem: Option<&FieldProblem>,
    area: bool,
    required: bool,
) -> Html {
    let message = problem.and_then(|p| p.for_field(field));
    let described = message.map(|_| message_id(field));
    let invalid = message.map(|_| "true");
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            if area {
                <textarea id={id.to_owned()} ref={node.clone()} rows="2" maxlength="2000" {required}
                          aria-describedby={described.clone()} aria-invalid={invalid}/>
            } else {
                <input id={id.to_owned()} ref={node.clone()} maxlength="2000" {required}
                       aria-describedby={described.clone()} aria-invalid={invalid} />
            }
            if let (Some(m), Some(d)) = (message, described) {
                <p class="error field-error" id={d}>{ m }</p>
            }
        </div>
    }
}

fn actions_panel(
    lang: Lang,
    detail: &CaseDetail,
    candidates: &Candidates<'_>,
    refs: &Refs,
    problem: Option<&FieldProblem>,
    busy: bool,
    act: &Callback<CaseAction>,
) -> Html {
    let t = |k: T| k.in_(lang);
    let can = allowed(detail.case.status);
    let optional = |k: T| format!("{} {}", t(k), t(T::Optional));
    let submit = |build: Rc<dyn Fn() -> CaseAction>| {
        act.reform(move |e: SubmitEvent| {
            e.prevent_default();
            build()
        })
    };
    let assign = can.assign.then(|| {
        let node = refs.assign_to.clone();
        let onsubmit = submit(Rc::new(move || CaseAction::Assign {
            to: node
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        }));
        html! {
            <form class="action" id="assign-form" {onsubmit}>
                <div class="field">
                    <label for="assign-to">{ t(T::AssignTo) }</label>
                    <select id="assign-to" ref={refs.assign_to.clone()}>
                        { for candidates.all.iter().map(|a| html! {
                            <option value={a.username.clone()} selected={detail.case.assignee.as_deref().unwrap_or(candidates.me) == a.username}>{ &a.username }</option>
                        }) }
                    </select>
                </div>
                <button type="submit" id="assign" disabled={busy}>{ t(T::AssignButton) }</button>
            </form>
        }
    });
    let note = {
        let node = refs.note.clone();
        let onsubmit = submit(Rc::new(move || CaseAction::Note {
            text: value_of_area(&node),
        }));
        html! {
            <form class="action" id="note-form" {onsubmit}>
                { text_field("note-text", t(T::NoteText).to_owned(), "text", &refs.note, problem, true, true) }
                <button type="submit" id="add-note" disabled={busy}>{ t(T::AddNote) }</button>
            </form>
        }
    };
    let resolve = can.resolve.then(|| {
        let (cause, text) = (refs.root_cause.clone(), refs.resolve_text.clone());
        let onsubmit = submit(Rc::new(move || CaseAction::Resolve {
            root_cause: value_of_input(&cause),
            text: value_of_area(&text),
        }));
        html! {
            <form class="action" id="resolve-form" {onsubmit}>
                { text_field("root-cause", t(T::RootCause).to_owned(), "root_cause", &refs.root_cause, problem, false, true) }
                { text_field("resolve-text", optional(T::WhatWasDone), "resolve.text", &refs.resolve_text, problem, true, false) }
                <button type="submit" class="primary" id="resolve" disabled={busy}>{ t(T::ResolveButton) }</button>
            </form>
        }
    });
    let close = can.close.then(|| {
        let text = refs.close_text.clone();
        let onsubmit = submit(Rc::new(move || CaseAction::Close {
            text: value_of_area(&text),
        }));
        html! {
            <form class="action" id="close-form" {onsubmit}>
                { text_field("close-text", optional(T::CloseText), "close.text", &refs.close_text, problem, true, false) }
                <button type="submit" id="close-case" disabled={busy}>{ t(T::CloseButton) }</button>
            </form>
        }
    });
    let reopen = can.reopen.then(|| {
        let text = refs.reopen_text.clone();
        let onsubmit = submit(Rc::new(move || CaseAction::Reopen {
            text: value_of_area(&text),
        }));
        html! {
            <form class="action" id="reopen-form" {onsubmit}>
                { text_field("reopen-text", optional(T::ReopenText), "reopen.text", &refs.reopen_text, problem, true, false) }
                <button type="submit" id="reopen" disabled={busy}>{ t(T::ReopenButton) }</button>
            </form>
        }
    });
    let unplaced = problem.and_then(|p| p.unplaced(&["text".to_owned(), "root_cause".to_owned()]));
    html! {
        <section class="actions" aria-labelledby="actions-title">
            <h3 id="actions-title">{ t(T::Actions) }</h3>
            { for assign }
            { for resolve }
            { note }
            { for close }
            { for reopen }
            <p class="error" role="alert" id="action-error">{ unplaced.unwrap_or_default() }</p>
        </section>
    }
}
