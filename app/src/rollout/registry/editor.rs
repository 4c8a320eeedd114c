//! One hospital's form: names, level, kind, region and departments; the
//! server's refusal shown next to the field it names.

use wasm_bindgen_futures::spawn_local;
use wire::{Hospital, HospitalKind, Level, Names};
use yew::prelude::*;

use super::draft::{add_department, is_new_row, set_kind, set_level, set_region};
use crate::rollout::i18n::{Lang, T};
use crate::rollout::shared::names_fields::{self, names_fields, text_input, NAME_FIELDS};
use crate::services::rollout_api;
use crate::staff::field_error::{message_id, FieldProblem};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    /// The hospital as saved (a blank one for a new hospital).
    pub hospital: Hospital,
    /// Level, kind and region are the administrator's to set (a
    /// hospital's administrator sees them).
    pub may_classify: bool,
    pub on_saved: Callback<()>,
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Editing,
    Saving,
    Saved,
    Refused(FieldProblem),
}

#[function_component]
pub fn HospitalEditor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    let draft = use_state(|| props.hospital.clone());
    let status = use_state(|| Status::Editing);
    // A new save or reload shows the hospital as saved; another hospital
    // starts without the last one's messages.
    {
        let draft = draft.clone();
        use_effect_with(props.hospital.clone(), move |saved| {
            draft.set(saved.clone())
        });
    }
    {
        let status = status.clone();
        use_effect_with(props.hospital.code.clone(), move |_| {
            status.set(Status::Editing)
        });
    }
    let edit = |change: fn(&mut Hospital, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let problem = match &*status {
        Status::Refused(p) => Some(p.clone()),
        _ => None,
    };
    let on_names = {
        let draft = draft.clone();
        Callback::from(move |names: Names| {
            let mut next = (*draft).clone();
            next.names = names;
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, status, on_saved) = (draft.clone(), status.clone(), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (hospital, status, on_saved) = ((*draft).clone(), status.clone(), on_saved.clone());
            status.set(Status::Saving);
            spawn_local(async move {
                match rollout_api::save_hospital(&hospital).await {
                    Ok(_) => {
                        status.set(Status::Saved);
                        on_saved.emit(());
                    }
                    Err(e) => status.set(Status::Refused(FieldProblem::of(&e))),
                }
            });
        })
    };
    let d = &*draft;
    let mut shown: Vec<String> = NAME_FIELDS
        .iter()
        .map(|(tag, _)| format!("names.{tag}"))
        .collect();
    shown.extend(["names", "level", "kind", "region"].map(str::to_owned));
    let select = |id: &str,
                  label: T,
                  field: &'static str,
                  current: &str,
                  options: Vec<(&'static str, &'static str)>,
                  change: fn(&mut Hospital, String)| {
        let message = problem.as_ref().and_then(|p| p.for_field(field));
        let onchange = edit(change).reform(|e: Event| {
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
        });
        html! {
            <div class="field">
                <label for={id.to_owned()}>{ t(label) }</label>
                <select id={id.to_owned()} {onchange} aria-describedby={message.map(|_| message_id(field))}
                        disabled={!props.may_classify}>
                    <option value="" selected={current.is_empty()}>{ t(T::NotSet) }</option>
                    { for options.into_iter().map(|(value, text)| html! {
                        <option {value} selected={value == current}>{ text }</option>
                    }) }
                </select>
                if let Some(message) = message {
                    <p class="error field-error" id={message_id(field)}>{ message }</p>
                }
            </div>
        }
    };
    let levels = Level::ALL
        .iter()
        .map(|l| (l.as_str(), l.as_str()))
        .collect();
    let kinds = HospitalKind::ALL
        .iter()
        .map(|k| {
            let text = match k {
                HospitalKind::General => t(T::KindGeneral),
                HospitalKind::Specialist => t(T::KindSpecialist),
                HospitalKind::Tcm => t(T::KindTcm),
            };
            (k.as_str(), text)
        })
        .collect();
    let rows = d
        .departments
        .iter()
        .enumerate()
        .map(|(row, dept)| {
            shown.push(format!("departments[{row}].names"));
            for (tag, _) in NAME_FIELDS {
                shown.push(format!("departments[{row}].names.{tag}"));
            }
            if is_new_row(&props.hospital, d, row) {
                shown.push(format!("departments[{row}].code"));
            }
            department_row(lang, &props.hospital, &draft, row, dept, problem.as_ref())
        })
        .collect::<Html>();
    let unplaced = problem
        .as_ref()
        .and_then(|p| p.unplaced(&shown))
        .map(str::to_owned);
    let add = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            add_department(&mut next);
            draft.set(next);
        })
    };
    let heading = format!("{} · {}", d.code, d.names.pick(lang));
    html! {
        <form class="hospital-editor" {onsubmit} aria-labelledby="editor-heading" novalidate=true>
            <h2 id="editor-heading">{ heading }</h2>
            <fieldset>
                <legend>{ t(T::Hospital) }{ " " }<code>{ &d.code }</code></legend>
                { names_fields(lang, "hospital-name", "names", &d.names, false, problem.as_ref(), on_names) }
                { select("hospital-level", T::Level, "level", d.level.map_or("", Level::as_str), levels, |h, v| set_level(h, &v)) }
                { select("hospital-kind", T::Kind, "kind", d.kind.map_or("", HospitalKind::as_str), kinds, |h, v| set_kind(h, &v)) }
                if props.may_classify {
                    { text_input("hospital-region", t(T::Region), false, d.region.as_deref().unwrap_or(""), "region", problem.as_ref(), edit(set_region)) }
                } else {
                    <p>{ t(T::Region) }{ ": " }{ d.region.as_deref().unwrap_or(t(T::NotSet)) }</p>
                }
            </fieldset>
            <table class="departments" id="departments">
                <caption>{ t(T::Departments) }</caption>
                <thead><tr>
                    <th scope="col">{ t(T::Code) }</th>
                    { for NAME_FIELDS.iter().map(|(_, label)| html! { <th scope="col">{ label.in_(lang) }</th> }) }
                    <th scope="col">{ t(T::Active) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
            <p><button type="button" id="add-department" onclick={add}>{ t(T::AddDepartment) }</button></p>
            <div role="status" aria-live="polite" class="save-status">
                if let Some(message) = unplaced {
                    <p class="error" id="save-problem">{ message }</p>
                }
                if *status == Status::Saved {
                    <p class="saved">{ t(T::Saved) }</p>
                }
            </div>
            <button type="submit" class="primary" id="save-hospital" disabled={*status == Status::Saving}>
                { if *status == Status::Saving { t(T::Saving) } else { t(T::Save) } }
            </button>
        </form>
    }
}

/// A department's row: its code (editable while new), names and active.
fn department_row(
    lang: Lang,
    saved: &Hospital,
    draft: &UseStateHandle<Hospital>,
    row: usize,
    dept: &wire::Department,
    problem: Option<&FieldProblem>,
) -> Html {
    let t = |k: T| k.in_(lang);
    let on_code = {
        let draft = draft.clone();
        Callback::from(move |code: String| {
            let mut next = (*draft).clone();
            if let Some(d) = next.departments.get_mut(row) {
                d.code = code;
            }
            draft.set(next);
        })
    };
    let on_names = {
        let draft = draft.clone();
        Callback::from(move |names: Names| {
            let mut next = (*draft).clone();
            if let Some(d) = next.departments.get_mut(row) {
                d.names = names;
            }
            draft.set(next);
        })
    };
    let on_active = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let mut next = (*draft).clone();
            if let Some(d) = next.departments.get_mut(row) {
                d.active = checked;
            }
            draft.set(next);
        })
    };
    let label = if dept.code.is_empty() {
        format!("{} {}", t(T::Department), row + 1)
    } else {
        dept.code.clone()
    };
    let code_field = format!("departments[{row}].code");
    let new_row = is_new_row(saved, draft, row);
    let code_cell = if new_row {
        text_input(
            &format!("dept-{row}-code"),
            &format!("{label} · {}", t(T::Code)),
            true,
            &dept.code,
            &code_field,
            problem,
            on_code,
        )
    } else {
        html! { <code>{ &dept.code }</code> }
    };
    let names_field = format!("departments[{row}].names");
    let name_cells = NAME_FIELDS.iter().map(|(tag, name_label)| {
        let tag = *tag;
        let on_names = on_names.clone();
        let names = dept.names.clone();
        let on_input = Callback::from(move |text: String| {
            let mut names = names.clone();
            names_fields::set(&mut names, tag, text);
            on_names.emit(names);
        });
        html! {
            <td>{ text_input(
                &format!("dept-{row}-{tag}"),
                &format!("{label} · {}", name_label.in_(lang)),
                true,
                names_fields::get(&dept.names, tag),
                &format!("{names_field}.{tag}"),
                problem,
                on_input,
            ) }</td>
        }
    });
    html! {
        <tr>
            <th scope="row">{ code_cell }</th>
            { for name_cells }
            <td>
                <label class="visually-hidden" for={format!("dept-{row}-active")}>{ format!("{label} · {}", t(T::Active)) }</label>
                <input type="checkbox" id={format!("dept-{row}-active")} checked={dept.active} onchange={on_active} />
            </td>
        </tr>
    }
}
