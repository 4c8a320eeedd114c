//! The kiosks page (see the module documentation).

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use wire::{Hospital, Kiosk, KioskSetup};
use yew::prelude::*;

use super::advice::{advice, state_text};
use super::register::{setup_view, RegisterKiosk};
use crate::rollout::i18n::{Lang, T};
use crate::services::rollout_api;
use crate::services::staff_api::ApiError;

#[derive(Properties, PartialEq)]
pub struct KiosksProps {
    pub lang: Lang,
    pub hospitals: Rc<Vec<Hospital>>,
}

/// `2025-06-01T08:30:00Z` → `2025-06-01 08:30 UTC`.
pub fn when(time: Option<&str>, never: &str) -> String {
    match time {
        Some(t) if t.len() >= 16 => format!("{} {} UTC", &t[..10], &t[11..16]),
        Some(t) => t.to_owned(),
        None => never.to_owned(),
    }
}

#[function_component]
pub fn KiosksView(props: &KiosksProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let kiosks = use_state(|| None::<Result<Vec<Kiosk>, ApiError>>);
    // A new setup URL asked for one kiosk (a replaced or reset device).
    let reissued = use_state(|| None::<Result<KioskSetup, ApiError>>);
    let reissue = |id: String| {
        let reissued = reissued.clone();
        Callback::from(move |_: MouseEvent| {
            let (id, reissued) = (id.clone(), reissued.clone());
            spawn_local(async move { reissued.set(Some(rollout_api::new_setup(&id).await)) });
        })
    };
    let refresh = {
        let kiosks = kiosks.clone();
        Callback::from(move |()| {
            let kiosks = kiosks.clone();
            spawn_local(async move { kiosks.set(Some(rollout_api::kiosks().await)) });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| refresh.emit(()));
    }
    let place = |k: &Kiosk| {
        let hospital = props.hospitals.iter().find(|h| h.code == k.hospital);
        let hospital_name = hospital.map_or(k.hospital.as_str(), |h| h.names.pick(lang));
        match &k.department {
            Some(code) => {
                let name = hospital
                    .and_then(|h| h.department(code))
                    .map_or(code.as_str(), |d| d.names.pick(lang));
                format!("{hospital_name} · {name}")
            }
            None => hospital_name.to_owned(),
        }
    };
    let table = match &*kiosks {
        None => html! { <p class="muted">{ t(T::Loading) }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="muted" id="no-kiosks">{ t(T::NoKiosks) }</p> }
        }
        Some(Ok(list)) => html! {
            <div class="table-scroll">
                <table id="kiosks" class="kiosks">
                    <caption class="visually-hidden">{ t(T::KiosksTable) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(T::KioskName) }</th>
                        <th scope="col">{ format!("{} · {}", t(T::Hospital), t(T::Department)) }</th>
                        <th scope="col">{ t(T::Location) }</th>
                        <th scope="col">{ t(T::State) }</th>
                        <th scope="col">{ t(T::LastSeen) }</th>
                        <th scope="col">{ t(T::Version) }</th>
                        <th scope="col" class="num">{ t(T::Pending) }</th>
                        <th scope="col" class="num">{ t(T::Rejected) }</th>
                        <th scope="col">{ t(T::LastDelivered) }</th>
                        <th scope="col">{ t(T::WhatToDo) }</th>
                        <th scope="col">{ t(T::SetupUrl) }</th>
                    </tr></thead>
                    <tbody>
                        { for list.iter().map(|k| html! {
                            <tr data-kiosk={k.id.clone()} data-state={k.state.as_str()}>
                                <th scope="row">{ &k.name }</th>
                                <td>{ place(k) }</td>
                                <td>{ k.location.clone().unwrap_or_default() }</td>
                                <td><span class={classes!("kiosk-state", k.state.as_str())}>{ t(state_text(k.state)) }</span></td>
                                <td>{ when(k.last_seen.as_deref(), t(T::Never)) }</td>
                                <td>{ k.app_version.clone().unwrap_or_default() }</td>
                                <td class="num">{ k.outbox_pending }</td>
                                <td class="num">{ k.outbox_rejected }</td>
                                <td>{ when(k.last_delivered_at.as_deref(), t(T::Never)) }</td>
                                <td class="advice">{ t(advice(k.state)) }</td>
                                <td>
                                    <button type="button" onclick={reissue(k.id.clone())}
                                            aria-label={format!("{} · {}", t(T::NewSetupUrl), k.name)}>
                                        { t(T::NewSetupUrl) }
                                    </button>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };
    html! {
        <>
            <h2 class="page-title">{ t(T::KiosksTitle) }</h2>
            <p><button type="button" id="refresh-kiosks" onclick={refresh.reform(|_: MouseEvent| ())}>{ t(T::Refresh) }</button></p>
            { table }
            <div role="status" aria-live="polite">
                { match &*reissued {
                    Some(Ok(setup)) => setup_view(lang, setup, "reissued"),
                    Some(Err(e)) => html! { <p class="error">{ e.to_string() }</p> },
                    None => Html::default(),
                } }
            </div>
            <RegisterKiosk {lang} hospitals={props.hospitals.clone()} on_registered={refresh.clone()} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::when;

    #[test]
    fn times_read_as_minutes_in_utc() {
        assert_eq!(
            when(Some("2025-06-01T08:30:59Z"), "never"),
            "2025-06-01 08:30 UTC"
        );
        assert_eq!(when(None, "never"), "never");
    }
}
