//! The survey component: state, effects, and which screen to show.

use gloo::timers::callback::Timeout;
use scoring::validate::Validator;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::boot::{initial_state, Prefs};
use super::components::{idle_warning, top_bar, upload_status, TopBar, PHONE_FIELD_ID};
use super::draft::StoredDraft;
use super::entry::Entry;
use super::hooks::{
    use_countdown, use_document, use_history, use_idle, use_instrument_refresh, use_public_actions,
    use_rotation, use_sync,
};
use super::instrument_ref::InstrumentRef;
use super::screens::thanks::{self, KIOSK_THANKS_SECS};
use super::screens::{attract, more, no_hospital, questions, review, welcome};
use super::state::{Action, Screen, SubmitError, SurveyState};
use super::steps::Step;
use super::we_did::shown;
use crate::services::clock::{now_ms, now_rfc3339};
use crate::services::http::{post_batch, API_BASE};
use crate::services::outbox::{BatchOutcome, Contacts};
use crate::services::storage::{add_to_outbox, keep_contact, DRAFT, PREFS};

#[derive(Properties, PartialEq)]
pub struct SurveyProps {
    pub entry: Entry,
    /// The instrument to start with (a newer one from the server replaces
    /// it while no survey is under way).
    pub instrument: InstrumentRef,
    /// Where the API lives (tests point it elsewhere).
    #[prop_or(AttrValue::Static(API_BASE))]
    pub api_base: AttrValue,
}

#[function_component]
pub fn Survey(props: &SurveyProps) -> Html {
    let state = use_reducer(|| initial_state(props.entry.clone(), props.instrument.clone()));
    let dispatch = state.dispatcher().to_callback();
    let sync = use_sync(props.api_base.clone());
    use_instrument_refresh(
        props.api_base.clone(),
        state.instrument.key().clone(),
        &state.entry,
        dispatch.clone(),
    );
    use_document(
        state.lang,
        state.large_text,
        state.entry.kiosk,
        state.screen,
        state.idle_warning.is_some(),
    );
    use_public_actions(
        props.api_base.clone(),
        state.entry.hospital.clone(),
        dispatch.clone(),
    );
    let rotating = state.screen == Screen::Attract
        && !state.we_did_paused
        && state
            .actions
            .as_ref()
            .is_some_and(|a| shown(a, &state.entry.department).len() > 1);
    use_rotation(rotating, state.we_did_at, dispatch.clone());
    use_history(state.entry.kiosk, state.screen, dispatch.clone());
    let idle_enabled =
        state.entry.kiosk && matches!(state.screen, Screen::Welcome | Screen::Step(_));
    use_idle(
        idle_enabled,
        state.entry.idle_secs,
        state.entry.warning_secs(),
        dispatch.clone(),
    );
    let thanks_left = use_countdown(
        state.entry.kiosk && state.screen == Screen::Thanks,
        KIOSK_THANKS_SECS,
        dispatch.reform(|()| Action::Reset),
    );

    // Effects write storage; the reducer stays pure.
    use_effect_with(state.draft.clone(), |draft| match draft {
        Some(draft) => {
            let _ = DRAFT.set(&StoredDraft {
                saved_ms: now_ms(),
                draft: draft.clone(),
            });
        }
        None => DRAFT.clear(),
    });
    {
        let kiosk = state.entry.kiosk;
        // Written when the reader changes them, not on load (they were just
        // read from there).
        let loaded = use_mut_ref(|| false);
        use_effect_with(
            (state.lang, state.large_text),
            move |&(lang, large_text)| {
                if !kiosk && loaded.replace(true) {
                    let _ = PREFS.set(&Prefs {
                        lang: Some(lang),
                        large_text,
                    });
                }
            },
        );
    }

    let on_submit = {
        let state = state.clone();
        let kick = sync.kick.clone();
        let api_base = props.api_base.clone();
        Callback::from(move |()| submit(&state, &kick, &api_base))
    };

    let m = state.messages();
    let progress = match state.screen {
        Screen::Step(i) => Some((i + 1, state.steps().len())),
        _ => None,
    };
    // The frame is built first (hidden) and the screen one task later: two
    // shorter tasks instead of one long one while a slow phone starts the
    // survey. index.html's loading page stays until both are ready, then
    // goes in the same task, so nothing flickers.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            let later = Timeout::new(0, move || drawn.set(true));
            move || drop(later)
        });
    }
    use_effect_with(*drawn, |drawn| {
        if *drawn {
            if let Some(loading) = gloo::utils::document().get_element_by_id("boot") {
                loading.remove();
            }
        }
    });
    let screen = if *drawn {
        screen_view(
            &state,
            &dispatch,
            on_submit,
            sync.status.pending,
            thanks_left,
        )
    } else {
        html! {}
    };
    let class = match (state.entry.kiosk, state.screen == Screen::Attract) {
        (false, false) => "survey",
        (false, true) => "survey at-rest",
        (true, false) => "survey kiosk",
        (true, true) => "survey kiosk at-rest",
    };
    html! {
        <div {class} hidden={!*drawn}>
            <a class="skip-link" href="#main">{ m.survey_title }</a>
            { top_bar(TopBar {
                lang: state.lang,
                large_text: state.large_text,
                progress,
                on_lang: dispatch.reform(Action::SetLang),
                on_large_text: dispatch.reform(|()| Action::ToggleLargeText),
            }) }
            <main id="main">{ screen }</main>
            { upload_status(state.lang, state.entry.kiosk, sync.status) }
            if let Some(seconds_left) = state.idle_warning {
                { idle_warning(state.lang, seconds_left, &dispatch) }
            }
        </div>
    }
}

/// The screen for the current state (kept out of `Survey` so that the
/// browser compiles each part when first needed).
#[inline(never)]
fn screen_view(
    state: &UseReducerHandle<SurveyState>,
    dispatch: &Callback<Action>,
    on_submit: Callback<()>,
    pending: usize,
    thanks_left: u32,
) -> Html {
    let m = state.messages();
    match state.current_step() {
        Some((_, Step::Stage(s))) => {
            let stage = &state.instrument.stages[s];
            questions::view(state, dispatch, state.lang.pick(&stage.title), &stage.items)
        }
        Some((_, Step::Overall)) => {
            questions::view(state, dispatch, m.overall_title, &state.instrument.overall)
        }
        Some((_, Step::More)) => more::view(state, dispatch),
        Some((_, Step::Review)) => review::view(state, dispatch, on_submit),
        None => match state.screen {
            Screen::NoHospital => no_hospital::view(state.lang, state.entry.kiosk),
            Screen::Attract => attract::view(state, dispatch),
            Screen::Thanks => thanks::view(state, pending, thanks_left, dispatch),
            Screen::Welcome | Screen::Step(_) => welcome::view(state, dispatch),
        },
    }
}

/// Submit: check the response (and the call-back number, where the
/// patient asked for a call-back); keep the number apart, write the
/// response to the outbox and read both back; only then thank the
/// patient. If the device cannot keep them, try the server directly; if
/// that fails too, say so and keep the answers. (A number whose response
/// did not make it to the outbox is forgotten by the sync loop's next
/// run: `Contacts::keep_pending`.)
fn submit(state: &UseReducerHandle<SurveyState>, kick: &Callback<()>, api_base: &AttrValue) {
    let Some(draft) = &state.draft else { return };
    let phone = if state.callback_offered() {
        match state.callback.phone_to_send() {
            Ok(phone) => phone,
            Err(_) => {
                state.dispatch(Action::CallbackRefused);
                focus_phone_field();
                return;
            }
        }
    } else {
        None
    };
    let response = draft.to_response(&state.instrument, &state.entry, now_rfc3339());
    // The fields alone: their messages would cost the bundle their
    // formatting, and a patient could not act on them anyway.
    if let Err(fields) = Validator::new(&state.instrument).problem_fields(&response) {
        state.dispatch(Action::SubmitFailed(SubmitError::Invalid(fields.0)));
        return;
    }
    let mut contacts = Contacts::default();
    let kept = match &phone {
        Some(phone) => {
            contacts.add(&response.id, phone, 0.0);
            keep_contact(&response.id, phone)
        }
        None => Ok(()),
    };
    match kept.and_then(|()| add_to_outbox(response.clone())) {
        Ok(_) => {
            state.dispatch(Action::Submitted);
            kick.emit(());
        }
        Err(stored_error) => {
            let dispatch = state.dispatcher();
            let api_base = api_base.clone();
            spawn_local(async move {
                let sent = post_batch(&api_base, std::slice::from_ref(&response), &contacts).await;
                let delivered = match sent {
                    BatchOutcome::Answered(results) => results.iter().any(|r| {
                        r.id.as_deref() == Some(response.id.as_str()) && r.status.is_delivered()
                    }),
                    _ => false,
                };
                if delivered {
                    dispatch.dispatch(Action::Submitted);
                } else {
                    dispatch.dispatch(Action::SubmitFailed(SubmitError::NotSaved(
                        stored_error.to_string(),
                    )));
                }
            });
        }
    }
}

/// Moves the focus to the call-back number, which the message under it
/// (a `role="alert"`) says is not usable.
fn focus_phone_field() {
    if let Some(field) = gloo::utils::document()
        .get_element_by_id(PHONE_FIELD_ID)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = field.focus();
    }
}
