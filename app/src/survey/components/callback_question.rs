//! The opt-in call-back on the last screen (docs/formats.md §6): a yes/no
//! question answered "no" until the patient says otherwise, and, only on
//! "yes", a phone field with its label, a note on what happens to the
//! number, and a message when the number cannot be used.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{radio_group, RadioGroup};
use crate::survey::answers::AnswerOption;
use crate::survey::callback::CallbackAnswer;
use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Action;

/// The phone field's DOM id (submit focuses it when the number is refused).
pub const PHONE_FIELD_ID: &str = "callback-phone";

// The field's `maxlength` is written as a literal (formatting the number
// at each render costs bundle bytes); it is the server's limit.
const _: () = assert!(wire::PHONE_MAX_CHARS == 32);

pub fn callback_question(
    answer: &CallbackAnswer,
    lang: Lang,
    kiosk: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let m = lang.messages();
    let option = |key: &str, label: &str| AnswerOption {
        key: key.to_owned(),
        label: label.to_owned(),
        face: None,
        number: None,
        aside: false,
    };
    let question = radio_group(RadioGroup {
        name: "callback".into(),
        legend: m.callback_question.into(),
        options: vec![option("no", m.callback_no), option("yes", m.callback_yes)],
        selected: Some(if answer.wanted { "yes" } else { "no" }.to_owned()),
        on_select: dispatch.reform(|key: String| Action::CallbackWanted(key == "yes")),
        anchors: Vec::new(),
        class: "question question-yesno callback",
        number: None,
    });
    let oninput = dispatch.reform(|e: InputEvent| {
        Action::CallbackPhone(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let described = if answer.refused {
        "callback-hint callback-phone-error"
    } else {
        "callback-hint"
    };
    html! {
        <div class="callback-block">
            { question }
            <p class="hint" id="callback-hint">{ m.callback_hint }</p>
            if answer.wanted {
                <div class="field phone-field">
                    <label for={PHONE_FIELD_ID} class="question-text">{ m.phone_label }</label>
                    // A kiosk is shared: its browser must not offer the last
                    // patient's number to the next one.
                    <input id={PHONE_FIELD_ID} name="phone" type="tel" inputmode="tel"
                           autocomplete={if kiosk { "off" } else { "tel" }}
                           maxlength="32"
                           value={answer.phone.clone()} {oninput}
                           aria-invalid={if answer.refused { "true" } else { "false" }}
                           aria-describedby={described} />
                    if answer.refused {
                        <p class="error" id="callback-phone-error" role="alert">{ m.phone_invalid }</p>
                    }
                </div>
            }
        </div>
    }
}
