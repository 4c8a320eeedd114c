//! A question as a native radio group: `fieldset`/`legend`, a
//! `role="radiogroup"`, and real `input type="radio"` elements inside
//! large visible labels, so keyboards, screen readers and switch devices
//! all work without scripting of ours.

use yew::prelude::*;

use super::face;
use crate::survey::answers::AnswerOption;

/// A question to draw (a plain function rather than a component: the
/// survey re-renders it from its own state, and each component type costs
/// bundle size).
pub struct RadioGroup {
    /// The radio `name`, unique on the page (the item id).
    pub name: AttrValue,
    /// The question.
    pub legend: AttrValue,
    pub options: Vec<AnswerOption>,
    /// Key of the chosen option.
    pub selected: Option<String>,
    pub on_select: Callback<String>,
    /// Scale anchors ("0 = worst", "10 = best"; "1 = very dissatisfied",
    /// "4 = neutral", "7 = very satisfied"), read with the group; none when
    /// empty.
    pub anchors: Vec<AttrValue>,
    /// Layout: the fieldset's classes, `question question-likert`,
    /// `…-words`, `…-points`, `…-yesno`, `…-rating` or `…-choices` (static
    /// strings: yew's `classes!` would bring a hash set into the bundle).
    pub class: &'static str,
    /// Number shown before the question (1-based), if any.
    pub number: Option<usize>,
}

/// Turn an item id into a safe DOM id fragment.
pub fn dom_id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn option_class(aside: bool, checked: bool) -> &'static str {
    match (aside, checked) {
        (false, false) => "option",
        (false, true) => "option is-checked",
        (true, false) => "option option-aside",
        (true, true) => "option option-aside is-checked",
    }
}

pub fn radio_group(props: RadioGroup) -> Html {
    let base = dom_id(&props.name);
    let legend_id = format!("q-{base}");
    let anchors_id = format!("a-{base}");
    let (main, aside): (Vec<_>, Vec<_>) = props.options.iter().partition(|o| !o.aside);
    let option = |o: &AnswerOption| {
        let checked = props.selected.as_deref() == Some(o.key.as_str());
        let onchange = {
            let key = o.key.clone();
            props.on_select.reform(move |_: Event| key.clone())
        };
        let input_id = format!(
            "o-{base}-{}",
            if o.key.is_empty() {
                "none".to_owned()
            } else {
                dom_id(&o.key)
            }
        );
        html! {
            <label key={o.key.clone()} for={input_id.clone()}
                   class={option_class(o.aside, checked)}>
                <input type="radio" class="option-input" id={input_id} name={props.name.clone()}
                       value={o.key.clone()} {checked} {onchange} />
                <span class="option-body">
                    if let Some(level) = o.face { { face(level) } }
                    if let Some(n) = o.number {
                        // The number is what the button shows; its word
                        // completes the name screen readers announce.
                        <span class="option-number">{ n.to_string() }</span>{ " " }
                        <span class="visually-hidden">{ o.label.clone() }</span>
                    } else {
                        <span class="option-label">{ o.label.clone() }</span>
                    }
                </span>
            </label>
        }
    };
    html! {
        <fieldset key={props.name.to_string()} class={props.class}>
            <legend id={legend_id.clone()} class="question-text">
                if let Some(n) = props.number { <span class="question-number">{ format!("{n}. ") }</span> }
                { props.legend.clone() }
            </legend>
            <div class="radiogroup" role="radiogroup" aria-labelledby={legend_id}
                 aria-describedby={(!props.anchors.is_empty()).then(|| anchors_id.clone())}>
                <div class="options">
                    { for main.into_iter().map(option) }
                </div>
                if !props.anchors.is_empty() {
                    <p class="anchors" id={anchors_id}>
                        { for props.anchors.iter().map(|a| html! { <span>{ a.clone() }</span> }) }
                    </p>
                }
                if !aside.is_empty() {
                    <div class="options options-aside">
                        { for aside.into_iter().map(option) }
                    </div>
                }
            </div>
        </fieldset>
    }
}
