//! Introduction: what is being rated ("您正在评价：XX医院 · 心内科", the
//! registry's names, else the codes); the patient picks the visit type
//! unless the QR code fixed it. The response id is made here, when the
//! survey starts.

use scoring::instrument::VisitType;
use scoring::lang::Lang;
use wire::PublicHospital;
use yew::prelude::*;

use crate::services::random::new_response_id;
use crate::survey::state::{Action, SurveyState};

#[inline(never)]
pub fn view(
    state: &SurveyState,
    dispatch: &Callback<Action>,
    place: Option<&PublicHospital>,
) -> Html {
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
            if let Some(rated) = rated(state, place) {
                <p class="rated">{ m.evaluating }<strong>{ rated }</strong></p>
            }
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

/// "Hospital · department" in the survey's language, names falling back
/// to the codes; `None` without a hospital.
pub fn rated(state: &SurveyState, place: Option<&PublicHospital>) -> Option<String> {
    let hospital = state.entry.hospital.as_deref()?;
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
    place: Option<&PublicHospital>,
) -> String {
    let named = |names: &wire::Names, code: &str| {
        Some(names.pick(lang))
            .filter(|n| !n.is_empty())
            .unwrap_or(code)
            .to_owned()
    };
    let mut line = place.map_or_else(|| hospital.to_owned(), |p| named(&p.names, hospital));
    if !department.is_empty() {
        let department_names =
            place.and_then(|p| p.departments.iter().find(|d| d.code == department));
        line.push_str(" · ");
        line.push_str(
            &department_names
                .map_or_else(|| department.to_owned(), |d| named(&d.names, department)),
        );
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::{Names, PublicDepartment};

    fn names(zh_cn: &str, en: &str) -> Names {
        Names {
            zh_cn: zh_cn.to_owned(),
            zh_hant: String::new(),
            en: en.to_owned(),
        }
    }

    #[test]
    fn names_where_known_codes_otherwise() {
        let place = PublicHospital {
            code: "H001".to_owned(),
            names: names("市第一人民医院", "First People's Hospital"),
            departments: vec![PublicDepartment {
                code: "cardiology".to_owned(),
                names: names("心内科", ""),
            }],
        };
        let line = |lang, dept: &str, place| place_line(lang, "H001", dept, place);
        assert_eq!(
            line(Lang::ZhCn, "cardiology", Some(&place)),
            "市第一人民医院 · 心内科"
        );
        assert_eq!(
            line(Lang::En, "cardiology", Some(&place)),
            "First People's Hospital · 心内科"
        );
        assert_eq!(
            line(Lang::ZhHant, "ward-9", Some(&place)),
            "市第一人民医院 · ward-9"
        );
        assert_eq!(line(Lang::ZhCn, "", Some(&place)), "市第一人民医院");
        assert_eq!(line(Lang::ZhCn, "cardiology", None), "H001 · cardiology");
    }
}
