//! Introduction: what is being rated ("您正在评价：XX医院 · 心内科", the
//! registry's names, else the codes); the patient picks the visit type
//! unless the QR code fixed it. The response id is made here, when the
//! survey starts.

use scoring::instrument::VisitType;
use scoring::lang::Lang;
use wire::Names;
use yew::prelude::*;

use crate::services::json::PlaceNames;
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
    // §1), so this screen needs nothing from it: it is not built yet. A
    // device that has never reached the server waits for one.
    let visits = VisitType::ALL;
    let waiting = state.instrument.is_awaited();
    html! {
        <section class="screen welcome">
            <h1 tabindex="-1">{ m.survey_title }</h1>
            if let Some(rated) = rated(state) {
                <p class="rated">{ m.evaluating }<strong>{ rated }</strong></p>
            }
            <p class="lead">{ m.intro }</p>
            <p class="note">{ if state.callback_offered() { m.privacy_note_callback } else { m.privacy_note } }</p>
            <p class="note" role="status">{ if waiting { m.loading_survey } else { "" } }</p>
            if let Some(visit) = state.entry.visit {
                <button type="button" class="button button-primary button-big" disabled={waiting} onclick={start(visit)}>
                    { m.start }<span aria-hidden="true">{ " ›" }</span>
                </button>
            } else {
                <h2 id="visit-heading">{ m.choose_visit }</h2>
                <ul class="visit-choices" aria-labelledby="visit-heading">
                    { for visits.into_iter().map(|visit| {
                        let i = VisitType::ALL.iter().position(|v| *v == visit).unwrap_or(0);
                        html! {
                            <li>
                                <button type="button" class="visit-button" disabled={waiting} onclick={start(visit)}>
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

/// "Hospital · department" in the survey's language, names falling back
/// to the codes; `None` without a hospital.
pub fn rated(state: &SurveyState) -> Option<String> {
    let hospital = state.entry.hospital.as_deref()?;
    let place = state.place.as_deref();
    Some(place_line(
        state.lang,
        hospital,
        &state.entry.department,
        place,
    ))
}

/// The line of [`rated`], from its parts.
pub fn place_line(
    lang: Lang,
    hospital: &str,
    department: &str,
    place: Option<&PlaceNames>,
) -> String {
    let named = |names: Option<&Names>, code: &str| {
        let name = names.map_or("", |n| n.pick(lang));
        if name.is_empty() { code } else { name }.to_owned()
    };
    let mut line = named(place.map(|p| &p.hospital), hospital);
    if !department.is_empty() {
        line.push_str(" · ");
        line.push_str(&named(
            place.and_then(|p| p.department.as_ref()),
            department,
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(zh_cn: &str, en: &str) -> Names {
        Names {
            zh_cn: zh_cn.to_owned(),
            zh_hant: String::new(),
            en: en.to_owned(),
        }
    }

    #[test]
    fn names_where_known_codes_otherwise() {
        let place = |department| PlaceNames {
            code: "H001".to_owned(),
            hospital: names("市第一人民医院", "First People's Hospital"),
            department,
        };
        let cardiology = place(Some(names("心内科", "")));
        let unlisted = place(None);
        let line = |lang, dept: &str, place| place_line(lang, "H001", dept, place);
        assert_eq!(
            line(Lang::ZhCn, "cardiology", Some(&cardiology)),
            "市第一人民医院 · 心内科"
        );
        assert_eq!(
            line(Lang::En, "cardiology", Some(&cardiology)),
            "First People's Hospital · 心内科"
        );
        assert_eq!(
            line(Lang::ZhHant, "ward-9", Some(&unlisted)),
            "市第一人民医院 · ward-9"
        );
        assert_eq!(line(Lang::ZhCn, "", Some(&unlisted)), "市第一人民医院");
        assert_eq!(line(Lang::ZhCn, "cardiology", None), "H001 · cardiology");
    }
}
