//! Registering a kiosk: hospital, department (or none, for a hall kiosk),
//! name and location; the answer is the setup URL and its QR code.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::{Hospital, KioskSetup, NewKiosk};
use yew::prelude::*;

use super::setup_qr::{data_url, setup_qr_svg};
use crate::rollout::i18n::{Lang, T};
use crate::rollout::shared::names_fields::text_input;
use crate::services::rollout_api;
use crate::staff::field_error::FieldProblem;

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub lang: Lang,
    pub hospitals: Rc<Vec<Hospital>>,
    pub on_registered: Callback<()>,
}

#[function_component]
pub fn RegisterKiosk(props: &RegisterProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let form = use_state(|| NewKiosk {
        hospital: props
            .hospitals
            .first()
            .map(|h| h.code.clone())
            .unwrap_or_default(),
        department: None,
        name: String::new(),
        location: None,
    });
    let problem = use_state(|| None::<FieldProblem>);
    let setup = use_state(|| None::<KioskSetup>);
    let change = |apply: fn(&mut NewKiosk, String)| {
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
        })
    };
    let select_value = |e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    };
    let on_hospital = change(|k, v| {
        k.hospital = v;
        k.department = None;
    })
    .reform(select_value);
    let on_department =
        change(|k, v| k.department = Some(v).filter(|v| !v.is_empty())).reform(select_value);
    let onsubmit = {
        let (form, problem, setup, done) = (
            form.clone(),
            problem.clone(),
            setup.clone(),
            props.on_registered.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (kiosk, problem, setup, done) = (
                (*form).clone(),
                problem.clone(),
                setup.clone(),
                done.clone(),
            );
            spawn_local(async move {
                match rollout_api::register_kiosk(&kiosk).await {
                    Ok(answer) => {
                        problem.set(None);
                        setup.set(Some(answer));
                        done.emit(());
                    }
                    Err(e) => problem.set(Some(FieldProblem::of(&e))),
                }
            });
        })
    };
    let hospital = props.hospitals.iter().find(|h| h.code == form.hospital);
    let shown = ["name", "location"].map(str::to_owned);
    let unplaced = (*problem)
        .as_ref()
        .and_then(|p| p.unplaced(&shown))
        .map(str::to_owned);
    html! {
        <section class="register-kiosk" aria-labelledby="register-heading">
            <h2 id="register-heading">{ t(T::RegisterKiosk) }</h2>
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for="kiosk-hospital">{ t(T::Hospital) }</label>
                    <select id="kiosk-hospital" onchange={on_hospital}>
                        { for props.hospitals.iter().map(|h| html! {
                            <option value={h.code.clone()} selected={h.code == form.hospital}>
                                { format!("{} · {}", h.code, h.names.pick(lang)) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="kiosk-department">{ t(T::Department) }</label>
                    <select id="kiosk-department" onchange={on_department}>
                        <option value="" selected={form.department.is_none()}>{ t(T::VisitAny) }</option>
                        { for hospital.into_iter().flat_map(|h| h.departments.iter().filter(|d| d.active)).map(|d| html! {
                            <option value={d.code.clone()} selected={form.department.as_deref() == Some(d.code.as_str())}>
                                { d.names.pick(lang) }
                            </option>
                        }) }
                    </select>
                </div>
                { text_input("kiosk-name", t(T::KioskName), false, &form.name, "name", (*problem).as_ref(), change(|k, v| k.name = v)) }
                { text_input("kiosk-location", t(T::Location), false, form.location.as_deref().unwrap_or(""), "location", (*problem).as_ref(),
                    change(|k, v| k.location = Some(v).filter(|v| !v.trim().is_empty()))) }
                if let Some(message) = unplaced {
                    <p class="error" role="alert">{ message }</p>
                }
                <button type="submit" class="primary" id="register-kiosk">{ t(T::Register) }</button>
            </form>
            if let Some(answer) = &*setup {
                { setup_view(lang, answer, "setup") }
            }
        </section>
    }
}

/// The setup URL, as a link to copy and as a QR code; `id` names the
/// block (and `{id}-url` the link).
pub fn setup_view(lang: Lang, answer: &KioskSetup, id: &str) -> Html {
    let t = |k: T| k.in_(lang);
    html! {
        <div class="kiosk-setup" id={id.to_owned()}>
            <h3>{ t(T::SetupUrl) }</h3>
            <p><a id={format!("{id}-url")} href={answer.setup_url.clone()}>{ &answer.setup_url }</a></p>
            <p class="muted">{ t(T::SetupHelp) }</p>
            if let Some(svg) = setup_qr_svg(&answer.setup_url) {
                <img class="setup-qr" src={data_url(&svg)} alt={t(T::SetupQr)} width="220" height="220" />
            }
        </div>
    }
}
