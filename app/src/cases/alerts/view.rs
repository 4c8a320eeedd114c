//! The alert settings form. A department head sees the settings without
//! being able to change them (the server would answer 403).

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use wire::Session;
use yew::prelude::*;

use super::draft::Draft;
use crate::cases::app::edits_alerts;
use crate::cases::directory::Directory;
use crate::cases::i18n::{Lang, T};
use crate::services::cases_api;
use crate::services::staff_api::ApiError;
use crate::staff::field_error::{message_id, FieldProblem};

#[derive(Properties, PartialEq)]
pub struct AlertsViewProps {
    pub lang: Lang,
    pub session: Rc<Session>,
    pub directory: Rc<Directory>,
}

/// The message about `field` or one of its entries (`rules.keywords[3]`).
fn message_for<'a>(problem: Option<&'a FieldProblem>, field: &str) -> Option<&'a str> {
    let p = problem?;
    let named = p.field.as_deref()?;
    let entry = named
        .strip_prefix(field)
        .is_some_and(|rest| rest.starts_with('['));
    (named == field || entry).then_some(p.message.as_str())
}

#[function_component]
pub fn AlertsView(props: &AlertsViewProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let session = &props.session;
    let dir = &props.directory;
    let chosen = use_state(|| session.hospital.clone().unwrap_or_default());
    let hospital = if chosen.is_empty() {
        dir.registry
            .first()
            .map(|h| h.code.clone())
            .unwrap_or_default()
    } else {
        (*chosen).clone()
    };
    let draft = use_state(|| None::<Result<Draft, ApiError>>);
    let problem = use_state(|| None::<FieldProblem>);
    let saved = use_state(|| false);
    {
        let (draft, problem, saved) = (draft.clone(), problem.clone(), saved.clone());
        use_effect_with(hospital.clone(), move |hospital| {
            let hospital = hospital.clone();
            draft.set(None);
            problem.set(None);
            saved.set(false);
            if !hospital.is_empty() {
                spawn_local(async move {
                    draft.set(Some(
                        cases_api::alert_settings(&hospital)
                            .await
                            .map(|s| Draft::of(&s)),
                    ));
                });
            }
        });
    }
    let editable = edits_alerts(session.role);
    let hospital_pick = (session.hospital.is_none()).then(|| {
        let chosen = chosen.clone();
        let onchange = Callback::from(move |e: Event| {
            chosen.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
        });
        html! {
            <div class="field">
                <label for="alerts-hospital">{ t(T::Hospital) }</label>
                <select id="alerts-hospital" {onchange}>
                    { for dir.registry.iter().map(|h| html! {
                        <option value={h.code.clone()} selected={h.code == hospital}>{ dir.hospital(&h.code, lang) }</option>
                    }) }
                </select>
            </div>
        }
    });
    let current = match &*draft {
        None => {
            return html! {
                <section><h2 class="page-title">{ t(T::AlertsTitle) }</h2>{ for hospital_pick }<p class="muted">{ t(T::Loading) }</p></section>
            }
        }
        Some(Err(e)) => {
            return html! {
                <section><h2 class="page-title">{ t(T::AlertsTitle) }</h2>{ for hospital_pick }<p class="error" role="alert">{ e.to_string() }</p></section>
            }
        }
        Some(Ok(d)) => d.clone(),
    };
    let update = |change: fn(&mut Draft, String)| {
        let (draft, saved) = (draft.clone(), saved.clone());
        let base = current.clone();
        move |value: String| {
            let mut next = base.clone();
            change(&mut next, value);
            saved.set(false);
            draft.set(Some(Ok(next)));
        }
    };
    let text_input = |id: &str,
                      field: &str,
                      label: String,
                      value: &str,
                      kind: &str,
                      change: fn(&mut Draft, String)| {
        let message = message_for((*problem).as_ref(), field);
        let described = message.map(|_| message_id(field));
        let set = update(change);
        let oninput = Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! {
            <div class="field">
                <label for={id.to_owned()}>{ label }</label>
                <input id={id.to_owned()} type={kind.to_owned()} value={value.to_owned()} {oninput} disabled={!editable}
                       aria-describedby={described.clone()} aria-invalid={message.map(|_| "true")} />
                if let (Some(m), Some(d)) = (message, described) { <p class="error field-error" id={d}>{ m }</p> }
            </div>
        }
    };
    let check_box = |id: &str, label: T, checked: bool, change: fn(&mut Draft, String)| {
        let set = update(change);
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            set(if on { "1".to_owned() } else { String::new() })
        });
        html! {
            <div class="field check">
                <input id={id.to_owned()} type="checkbox" {checked} {onchange} disabled={!editable} />
                <label for={id.to_owned()}>{ t(label) }</label>
            </div>
        }
    };
    let keywords_message = message_for((*problem).as_ref(), "rules.keywords");
    let keywords_described = keywords_message.map(|_| message_id("rules.keywords"));
    let on_keywords = {
        let set = update(|d, v| d.keywords = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onsubmit = {
        let (problem, saved, draft) = (problem.clone(), saved.clone(), draft.clone());
        let (current, hospital) = (current.clone(), hospital.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let settings = match current.settings() {
                Ok(s) => s,
                Err(p) => {
                    problem.set(Some(p));
                    return;
                }
            };
            let (problem, saved, draft, hospital) = (
                problem.clone(),
                saved.clone(),
                draft.clone(),
                hospital.clone(),
            );
            spawn_local(async move {
                match cases_api::save_alert_settings(&hospital, &settings).await {
                    Ok(stored) => {
                        problem.set(None);
                        draft.set(Some(Ok(Draft::of(&stored))));
                        saved.set(true);
                    }
                    Err(e) => {
                        saved.set(false);
                        problem.set(Some(FieldProblem::of(&e)));
                    }
                }
            });
        })
    };
    let shown = [
        "rules.overall_rating_at_most",
        "rules.keywords",
        "sla_hours",
        "webhook.url",
        "webhook.secret",
    ]
    .map(str::to_owned);
    let unplaced = (*problem).as_ref().and_then(|p| {
        let placed = shown.iter().any(|f| message_for(Some(p), f).is_some());
        (!placed).then(|| p.message.clone())
    });
    html! {
        <section aria-labelledby="alerts-title">
            <h2 id="alerts-title" class="page-title">{ t(T::AlertsTitle) }</h2>
            <p class="muted">{ t(T::AlertsHelp) }</p>
            { for hospital_pick }
            if !editable { <p class="notice" id="alerts-read-only">{ t(T::ReadOnly) }</p> }
            <form class="alerts-form" id="alerts-form" {onsubmit}>
                { text_input("rating-at-most", "rules.overall_rating_at_most", t(T::RatingAtMost).to_owned(), &current.rating_at_most, "number", |d, v| d.rating_at_most = v) }
                { check_box("item-lowest", T::ItemLowest, current.item_lowest, |d, v| d.item_lowest = !v.is_empty()) }
                <div class="field">
                    <label for="keywords">{ t(T::Keywords) }</label>
                    <textarea id="keywords" rows="7" value={current.keywords.clone()} oninput={on_keywords} disabled={!editable}
                              aria-describedby={keywords_described.clone()} aria-invalid={keywords_message.map(|_| "true")}/>
                    if let (Some(m), Some(d)) = (keywords_message, keywords_described) { <p class="error field-error" id={d}>{ m }</p> }
                </div>
                { text_input("sla-hours", "sla_hours", t(T::SlaHours).to_owned(), &current.sla_hours, "number", |d, v| d.sla_hours = v) }
                <fieldset>
                    <legend>{ t(T::Webhook) }</legend>
                    { check_box("webhook-on", T::WebhookOn, current.webhook_on, |d, v| d.webhook_on = !v.is_empty()) }
                    if current.webhook_on {
                        { text_input("webhook-url", "webhook.url", t(T::WebhookUrl).to_owned(), &current.url, "url", |d, v| d.url = v) }
                        { text_input("webhook-secret", "webhook.secret", t(T::WebhookSecret).to_owned(), &current.secret, "password", |d, v| d.secret = v) }
                        if current.secret_is_kept() { <p class="muted small">{ t(T::SecretKept) }</p> }
                    }
                </fieldset>
                { check_box("callback-offered", T::CallbackOffered, current.callback_offered, |d, v| d.callback_offered = !v.is_empty()) }
                if editable {
                    <button type="submit" class="primary" id="save-alerts">{ t(T::Save) }</button>
                }
                <p class="error" role="alert" id="alerts-error">{ unplaced.unwrap_or_default() }</p>
                <p class="saved" role="status" id="alerts-saved">{ if *saved { t(T::Saved) } else { "" } }</p>
            </form>
        </section>
    }
}
