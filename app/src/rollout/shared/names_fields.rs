//! The three inputs of a name (zh-CN, zh-Hant, en), each with the
//! server's message about it when there is one.

use wire::Names;
use yew::prelude::*;

use crate::rollout::i18n::{Lang, T};
use crate::staff::field_error::{message_id, FieldProblem};

/// The language fields of a name as the server names them.
pub const NAME_FIELDS: [(&str, T); 3] = [
    ("zh-CN", T::NameZhCn),
    ("zh-Hant", T::NameZhHant),
    ("en", T::NameEn),
];

pub fn get<'a>(names: &'a Names, tag: &str) -> &'a str {
    match tag {
        "zh-CN" => &names.zh_cn,
        "zh-Hant" => &names.zh_hant,
        _ => &names.en,
    }
}

pub fn set(names: &mut Names, tag: &str, text: String) {
    match tag {
        "zh-CN" => names.zh_cn = text,
        "zh-Hant" => names.zh_hant = text,
        _ => names.en = text,
    }
}

/// One input: `id` is the element id, `field` the server's field path
/// (`names.en`), `label` visible or for screen readers only.
pub fn text_input(
    id: &str,
    label: &str,
    label_hidden: bool,
    value: &str,
    field: &str,
    problem: Option<&FieldProblem>,
    on_input: Callback<String>,
) -> Html {
    let message = problem.and_then(|p| p.for_field(field));
    let described = message.map(|_| message_id(field));
    let oninput = on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <div class="field">
            <label for={id.to_owned()} class={classes!(label_hidden.then_some("visually-hidden"))}>{ label }</label>
            <input id={id.to_owned()} value={value.to_owned()} {oninput}
                   aria-invalid={message.map(|_| "true")} aria-describedby={described.clone()} />
            if let Some(message) = message {
                <p class="error field-error" id={described}>{ message }</p>
            }
        </div>
    }
}

/// The three inputs of `names`, ids `{prefix}-zh-CN` and so on, server
/// fields `{field}.zh-CN` and so on.
pub fn names_fields(
    lang: Lang,
    prefix: &str,
    field: &str,
    names: &Names,
    label_hidden: bool,
    problem: Option<&FieldProblem>,
    on_change: Callback<Names>,
) -> Html {
    html! { <>{
        for NAME_FIELDS.iter().map(|(tag, label)| {
            let tag = *tag;
            let on_input = {
                let (names, on_change) = (names.clone(), on_change.clone());
                Callback::from(move |text: String| {
                    let mut names = names.clone();
                    set(&mut names, tag, text);
                    on_change.emit(names);
                })
            };
            text_input(
                &format!("{prefix}-{tag}"),
                label.in_(lang),
                label_hidden,
                get(names, tag),
                &format!("{field}.{tag}"),
                problem,
                on_input,
            )
        })
    }</> }
}
