//! The registry page: the hospitals in scope, the chosen one's form, a new
//! hospital (administrators), the unregistered codes and the export.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::{Hospital, Role, Session, Unregistered};
use yew::prelude::*;

use super::draft::blank;
use super::editor::HospitalEditor;
use super::export::export_button;
use super::unregistered::unregistered_view;
use crate::rollout::i18n::{Lang, T};
use crate::services::rollout_api;

#[derive(Properties, PartialEq)]
pub struct RegistryProps {
    pub lang: Lang,
    pub session: Session,
    pub hospitals: Rc<Vec<Hospital>>,
    pub on_saved: Callback<()>,
}

#[function_component]
pub fn RegistryView(props: &RegistryProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let chosen = use_state(|| props.hospitals.first().map(|h| h.code.clone()));
    let new_code = use_state(String::new);
    let creating = use_state(|| None::<Hospital>);
    let unregistered = use_state(|| None::<Unregistered>);
    {
        let unregistered = unregistered.clone();
        use_effect_with(props.hospitals.clone(), move |_| {
            spawn_local(async move {
                unregistered.set(rollout_api::unregistered().await.ok());
            });
        });
    }
    let editing = match &*creating {
        Some(new) => Some(new.clone()),
        None => chosen
            .as_deref()
            .and_then(|code| props.hospitals.iter().find(|h| h.code == code))
            .or_else(|| props.hospitals.first())
            .cloned(),
    };
    let on_saved = {
        let (creating, chosen, on_saved) =
            (creating.clone(), chosen.clone(), props.on_saved.clone());
        Callback::from(move |()| {
            if let Some(new) = &*creating {
                chosen.set(Some(new.code.clone()));
            }
            creating.set(None);
            on_saved.emit(());
        })
    };
    let list = props.hospitals.iter().map(|h| {
        let code = h.code.clone();
        let current = editing.as_ref().is_some_and(|e| e.code == h.code);
        let onclick = {
            let (chosen, creating) = (chosen.clone(), creating.clone());
            Callback::from(move |_: MouseEvent| {
                creating.set(None);
                chosen.set(Some(code.clone()));
            })
        };
        html! {
            <li>
                <button type="button" class={classes!("hospital-choice", current.then_some("active"))}
                        aria-pressed={if current { "true" } else { "false" }} {onclick}>
                    <code>{ &h.code }</code>{ " " }{ h.names.pick(lang) }
                </button>
            </li>
        }
    });
    let is_admin = props.session.role == Role::Admin;
    let create = {
        let (new_code, creating) = (new_code.clone(), creating.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !new_code.trim().is_empty() {
                creating.set(Some(blank(&new_code)));
            }
        })
    };
    let on_new_code = {
        let new_code = new_code.clone();
        Callback::from(move |e: InputEvent| {
            new_code.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    html! {
        <>
            <h2 class="page-title">{ t(T::RegistryTitle) }</h2>
            <p class="muted">{ t(T::RegistryHelp) }</p>
            <div class="registry">
                <nav class="hospital-list" aria-label={t(T::Hospitals)}>
                    if props.hospitals.is_empty() {
                        <p class="muted">{ t(T::NoHospitals) }</p>
                    }
                    <ul>{ for list }</ul>
                    if is_admin {
                        <form class="new-hospital" onsubmit={create}>
                            <label for="new-hospital-code">{ t(T::NewHospital) }{ " · " }{ t(T::Code) }</label>
                            <input id="new-hospital-code" value={(*new_code).clone()} oninput={on_new_code} />
                            <button type="submit" id="create-hospital">{ t(T::Create) }</button>
                        </form>
                    }
                </nav>
                if let Some(hospital) = editing {
                    <HospitalEditor {lang} {hospital} {on_saved} may_classify={is_admin} />
                }
            </div>
            if let Some(codes) = &*unregistered {
                { unregistered_view(lang, codes) }
            }
            { export_button(lang, &props.hospitals) }
        </>
    }
}
