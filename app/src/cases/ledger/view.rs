//! The ledger page: the plans in the account's scope as a table, the
//! selected plan below it, and the form for a new one.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::{ActionPlan, Session};
use yew::prelude::*;

use super::new_plan::NewPlan;
use super::plan::PlanPanel;
use crate::cases::directory::{plan_status, plan_status_tag, Directory};
use crate::cases::i18n::{Lang, T};
use crate::services::cases_api;
use crate::services::staff_api::ApiError;

#[derive(Properties, PartialEq)]
pub struct LedgerViewProps {
    pub lang: Lang,
    pub session: Rc<Session>,
    pub directory: Rc<Directory>,
}

#[function_component]
pub fn LedgerView(props: &LedgerViewProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let plans = use_state(|| None::<Result<Vec<ActionPlan>, ApiError>>);
    let selected = use_state(|| None::<i64>);
    {
        let plans = plans.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                plans.set(Some(
                    cases_api::action_plans("", "")
                        .await
                        .map(|l| l.action_plans),
                ));
            });
        });
    }
    let on_saved = {
        let plans = plans.clone();
        Callback::from(move |saved: ActionPlan| {
            if let Some(Ok(list)) = &*plans {
                let list = list
                    .iter()
                    .map(|p| {
                        if p.id == saved.id {
                            saved.clone()
                        } else {
                            p.clone()
                        }
                    })
                    .collect();
                plans.set(Some(Ok(list)));
            }
        })
    };
    let on_created = {
        let (plans, selected) = (plans.clone(), selected.clone());
        Callback::from(move |created: ActionPlan| {
            let mut list = match &*plans {
                Some(Ok(list)) => list.clone(),
                _ => Vec::new(),
            };
            selected.set(Some(created.id));
            list.insert(0, created);
            plans.set(Some(Ok(list)));
        })
    };
    let dir = &props.directory;
    let body = match &*plans {
        None => html! { <p class="muted">{ t(T::Loading) }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
        Some(Ok(list)) if list.is_empty() => html! { <p class="muted">{ t(T::NoPlans) }</p> },
        Some(Ok(list)) => {
            let current = (*selected)
                .and_then(|id| list.iter().find(|p| p.id == id))
                .or(list.first());
            let rows = list.iter().map(|p| {
                let here = current.is_some_and(|c| c.id == p.id);
                let onclick = {
                    let (selected, id) = (selected.clone(), p.id);
                    Callback::from(move |_: MouseEvent| selected.set(Some(id)))
                };
                html! {
                    <tr class={classes!("plan-row", here.then_some("selected"))} data-plan={p.id.to_string()}>
                        <th scope="row">
                            <button type="button" class="link plan-choice" aria-pressed={if here { "true" } else { "false" }} {onclick}>{ &p.title }</button>
                        </th>
                        <td>{ dir.department(&p.hospital, &p.department, lang) }</td>
                        <td>{ dir.target(&p.target, lang) }</td>
                        <td>{ &p.owner }</td>
                        <td>{ &p.due }</td>
                        <td><span class={classes!("plan-status", plan_status_tag(p.status))}>{ plan_status(p.status).in_(lang) }</span></td>
                        <td>{ &p.started }</td>
                        <td>{ p.notes.len() }</td>
                    </tr>
                }
            });
            html! {
                <>
                    <div class="table-scroll">
                        <table class="plans-table" id="plans">
                            <caption>{ format!("{} · {}", t(T::PlansTitle), list.len()) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ t(T::PlanTitle) }</th>
                                    <th scope="col">{ t(T::Department) }</th>
                                    <th scope="col">{ t(T::Target) }</th>
                                    <th scope="col">{ t(T::Owner) }</th>
                                    <th scope="col">{ t(T::DueDate) }</th>
                                    <th scope="col">{ t(T::Status) }</th>
                                    <th scope="col">{ t(T::Started) }</th>
                                    <th scope="col">{ t(T::Notes) }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    if let Some(plan) = current {
                        <PlanPanel {lang} plan={plan.clone()} directory={dir.clone()} on_saved={on_saved.clone()} />
                    }
                </>
            }
        }
    };
    html! {
        <section aria-labelledby="plans-title">
            <h2 id="plans-title" class="page-title">{ t(T::PlansTitle) }</h2>
            <p class="muted">{ t(T::PlansHelp) }</p>
            <NewPlan {lang} session={props.session.clone()} directory={dir.clone()} {on_created} />
            { body }
        </section>
    }
}
