//! The optional comment and the optional respondent characteristics.

use scoring::instrument::ChoiceField;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{next_button, step_nav};
use crate::survey::answers::choice_options;
use crate::survey::components::{radio_group, RadioGroup};
use crate::survey::draft::MAX_COMMENT_CHARS;
use crate::survey::state::{Action, RespondentAnswer, SurveyState};

#[inline(never)]
pub fn view(state: &SurveyState, dispatch: &Callback<Action>) -> Html {
    let m = state.messages();
    let lang = state.lang;
    let Some(draft) = &state.draft else {
        return html! {};
    };
    let comment = draft.comment.clone();
    let left = MAX_COMMENT_CHARS.saturating_sub(comment.chars().count());
    let oninput = dispatch.reform(|e: InputEvent| {
        let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
        Action::Comment(text)
    });
    let r = &draft.respondent;
    let fields = &state.instrument.respondent;
    let group = |name: &'static str,
                 field: &ChoiceField,
                 selected: Option<String>,
                 make: fn(Option<String>) -> Option<RespondentAnswer>| {
        let dispatch = dispatch.clone();
        let on_select = Callback::from(move |key: String| {
            if let Some(answer) = make((!key.is_empty()).then_some(key)) {
                dispatch.emit(Action::Respondent(answer));
            }
        });
        radio_group(RadioGroup {
            name: format!("respondent.{name}").into(),
            legend: lang.pick(&field.label).to_owned().into(),
            options: choice_options(&field.values, lang),
            selected,
            on_select,
            anchors: Vec::new(),
            class: "question question-choices",
            number: None,
        })
    };
    html! {
        <section class="screen more">
            <h1 tabindex="-1">{ m.more_title }</h1>
            <div class="field">
                <label for="comment" class="question-text">{ m.comment_label }</label>
                <p class="hint" id="comment-hint">{ m.comment_hint }</p>
                <textarea id="comment" name="comment" rows="5" maxlength={MAX_COMMENT_CHARS.to_string()}
                          aria-describedby="comment-hint comment-count" value={comment} {oninput} />
                <p class="counter" id="comment-count">{ (m.chars_left)(left) }</p>
            </div>
            <h2>{ m.respondent_title }</h2>
            <p class="hint">{ m.respondent_intro }</p>
            { group("age_band", &fields.age_band, r.age_band.clone(), |v| Some(RespondentAnswer::AgeBand(v))) }
            { group("education", &fields.education, r.education.clone(), |v| Some(RespondentAnswer::Education(v))) }
            { group("self_rated_health", &fields.self_rated_health, r.self_rated_health.map(|v| v.to_string()),
                    |v| match v {
                        None => Some(RespondentAnswer::SelfRatedHealth(None)),
                        Some(k) => k.parse().ok().map(|n| RespondentAnswer::SelfRatedHealth(Some(n))),
                    }) }
            { group("answered_by", &fields.answered_by, r.answered_by.clone(), |v| Some(RespondentAnswer::AnsweredBy(v))) }
            { step_nav(m, dispatch, next_button(m, dispatch)) }
        </section>
    }
}
