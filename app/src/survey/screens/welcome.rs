//! Introduction; the patient picks the visit type unless the QR code fixed
//! it. The response id is made here, when the survey starts.

use scoring::instrument::VisitType;
use yew::prelude::*;

use crate::services::random::new_response_id;
use crate::survey::state::{Action, SurveyState};

#[inline(never)]
pub fn view(state: &SurveyState, dispatch: &Callback<Action>) -> Html {
    let m = state.messages();
    let start = |visit: VisitType| {
        dispatch.reform(move |_: MouseEvent| Action::Start {
            visit,
            id: new_response_id(),
        })
    };
    // Every instrument shows stages to all three visit types (docs/formats.md
    // §1), so this screen needs nothing from it: it is not built yet.
    let visits = VisitType::ALL;
    html! {
        <section class="screen welcome">
            <h1 tabindex="-1">{ m.survey_title }</h1>
            <p class="lead">{ m.intro }</p>
            <p class="note">{ m.privacy_note }</p>
            if let Some(visit) = state.entry.visit {
                <button type="button" class="button button-primary button-big" onclick={start(visit)}>
                    { m.start }<span aria-hidden="true">{ " ›" }</span>
                </button>
            } else {
                <h2 id="visit-heading">{ m.choose_visit }</h2>
                <ul class="visit-choices" aria-labelledby="visit-heading">
                    { for visits.into_iter().map(|visit| {
                        let i = VisitType::ALL.iter().position(|v| *v == visit).unwrap_or(0);
                        html! {
                            <li>
                                <button type="button" class="visit-button" onclick={start(visit)}>
                                    <span class="visit-name">{ m.visit[i] }</span>
                                    <span class="visit-hint">{ m.visit_hint[i] }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
