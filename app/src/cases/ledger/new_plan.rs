//! A new action plan: what it targets (an item, a stage or the index),
//! who owns it, when it is due, and optionally the words shown to
//! patients. A department head's plan is its department's (the server
//! sets it); an administrator names the hospital.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use wire::{ActionPlan, NewActionPlan, Role, Session, Target, TargetScope};
use yew::prelude::*;

use crate::cases::directory::{colon, Directory};
use crate::cases::i18n::{Lang, T};
use crate::services::cases_api;
use crate::staff::field_error::{message_id, FieldProblem};

#[derive(Properties, PartialEq)]
pub struct NewPlanProps {
    pub lang: Lang,
    pub session: Rc<Session>,
    pub directory: Rc<Directory>,
    pub on_created: Callback<ActionPlan>,
}

/// `item:outpatient.wait_time`, `stage:outpatient`, `index:index`.
pub fn target_of(value: &str) -> Option<Target> {
    let (scope, id) = value.split_once(':')?;
    let scope = match scope {
        "item" => TargetScope::Item,
        "stage" => TargetScope::Stage,
        "index" => TargetScope::Index,
        _ => return None,
    };
    Some(Target {
        scope,
        id: id.to_owned(),
    })
}

fn input(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn select(r: &NodeRef) -> String {
    r.cast::<HtmlSelectElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component]
pub fn NewPlan(props: &NewPlanProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let dir = &props.directory;
    let session = &props.session;
    let problem = use_state(|| None::<FieldProblem>);
    let hospital_pick = use_state(String::new);
    let refs = use_memo((), |_| <[NodeRef; 7]>::default());
    let [title, target, owner, due, hospital, department, public_text] = (*refs).clone();
    let onsubmit = {
        let (problem, on_created) = (problem.clone(), props.on_created.clone());
        let refs = refs.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [title, target, owner, due, hospital, department, public_text] = (*refs).clone();
            let Some(target) = target_of(&select(&target)) else {
                return;
            };
            let public = public_text
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .filter(|t| !t.trim().is_empty());
            let plan = NewActionPlan {
                hospital: Some(select(&hospital)).filter(|h| !h.is_empty()),
                department: department.cast::<HtmlSelectElement>().map(|s| s.value()),
                title: input(&title),
                target,
                owner: input(&owner),
                due: input(&due),
                status: None,
                started: None,
                public_text: public,
            };
            let (problem, on_created, form_refs) =
                (problem.clone(), on_created.clone(), (*refs).clone());
            spawn_local(async move {
                match cases_api::create_plan(&plan).await {
                    Ok(plan) => {
                        for r in &form_refs {
                            if let Some(i) = r.cast::<HtmlInputElement>() {
                                i.set_value("");
                            }
                        }
                        problem.set(None);
                        on_created.emit(plan);
                    }
                    Err(e) => problem.set(Some(FieldProblem::of(&e))),
                }
            });
        })
    };
    let field = |id: &str, name: &str, label: T, node: &NodeRef, kind: &str| {
        let message = (*problem)
            .as_ref()
            .and_then(|p| p.for_field(name))
            .map(str::to_owned);
        let described = message.as_ref().map(|_| message_id(name));
        html! {
            <div class="field">
                <label for={id.to_owned()}>{ t(label) }</label>
                <input id={id.to_owned()} ref={node.clone()} type={kind.to_owned()} required=true
                       aria-describedby={described.clone()} aria-invalid={message.as_ref().map(|_| "true")} />
                if let (Some(m), Some(d)) = (message, described) { <p class="error field-error" id={d}>{ m }</p> }
            </div>
        }
    };
    let targets = {
        let mut options = vec![("index:index".to_owned(), t(T::ScopeIndex).to_owned())];
        if let Some(instrument) = &dir.instrument {
            for stage in &instrument.stages {
                options.push((
                    format!("stage:{}", stage.id),
                    format!(
                        "{}{}{}",
                        t(T::ScopeStage),
                        colon(lang),
                        lang.pick(&stage.title)
                    ),
                ));
                for item in &stage.items {
                    options.push((
                        format!("item:{}", item.id),
                        format!(
                            "{}{}{}",
                            t(T::ScopeItem),
                            colon(lang),
                            lang.pick(&item.text)
                        ),
                    ));
                }
            }
        }
        options
    };
    let is_admin = session.role == Role::Admin;
    let hospital_code = session
        .hospital
        .clone()
        .unwrap_or_else(|| (*hospital_pick).clone());
    let departments: Vec<String> = dir
        .registry
        .iter()
        .find(|h| h.code == hospital_code)
        .map(|h| h.departments.iter().map(|d| d.code.clone()).collect())
        .unwrap_or_default();
    let on_hospital = {
        let hospital_pick = hospital_pick.clone();
        Callback::from(move |e: Event| {
            hospital_pick.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let unplaced = (*problem).as_ref().and_then(|p| {
        p.unplaced(&["title".to_owned(), "owner".to_owned(), "due".to_owned()])
            .map(str::to_owned)
    });
    html! {
        <details class="new-plan">
            <summary>{ t(T::NewPlan) }</summary>
            <form class="action" id="new-plan-form" {onsubmit}>
                { field("new-plan-title", "title", T::PlanTitle, &title, "text") }
                <div class="field">
                    <label for="new-plan-target">{ t(T::Target) }</label>
                    <select id="new-plan-target" ref={target}>
                        { for targets.into_iter().map(|(value, label)| html! { <option {value}>{ label }</option> }) }
                    </select>
                </div>
                { field("new-plan-owner", "owner", T::Owner, &owner, "text") }
                { field("new-plan-due", "due", T::DueDate, &due, "date") }
                if is_admin {
                    <div class="field">
                        <label for="new-plan-hospital">{ t(T::Hospital) }</label>
                        <select id="new-plan-hospital" ref={hospital} onchange={on_hospital}>
                            <option value="">{ "—" }</option>
                            { for dir.registry.iter().map(|h| html! { <option value={h.code.clone()}>{ dir.hospital(&h.code, lang) }</option> }) }
                        </select>
                    </div>
                }
                if session.role != Role::DepartmentHead {
                    <div class="field">
                        <label for="new-plan-department">{ t(T::Department) }</label>
                        <select id="new-plan-department" ref={department}>
                            <option value="">{ t(T::WholeHospital) }</option>
                            { for departments.iter().map(|d| html! { <option value={d.clone()}>{ dir.department(&hospital_code, d, lang) }</option> }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label for="new-plan-public">{ format!("{} {}", t(T::PublicText), t(T::Optional)) }</label>
                    <textarea id="new-plan-public" ref={public_text} rows="2" maxlength="500"/>
                </div>
                <button type="submit" class="primary" id="create-plan">{ t(T::CreatePlan) }</button>
                <p class="error" role="alert">{ unplaced.unwrap_or_default() }</p>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_back() {
        assert_eq!(
            target_of("item:outpatient.wait_time"),
            Some(Target {
                scope: TargetScope::Item,
                id: "outpatient.wait_time".to_owned()
            })
        );
        assert_eq!(
            target_of("index:index").map(|t| t.scope),
            Some(TargetScope::Index)
        );
        assert_eq!(target_of("ward:x"), None);
        assert_eq!(target_of("item"), None);
    }
}
