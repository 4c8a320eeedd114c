//! Every answer once more, each group with a way back to change it; the
//! opt-in call-back where the hospital offers one; then submit.

use scoring::instrument::{ChoiceField, Item};
use yew::prelude::*;

use super::step_nav;
use crate::survey::answers::{answer_text, choice_key};
use crate::survey::components::callback_question;
use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::{Action, SubmitError, SurveyState};
use crate::survey::steps::Step;

#[inline(never)]
pub fn view(state: &SurveyState, dispatch: &Callback<Action>, on_submit: Callback<()>) -> Html {
    let m = state.messages();
    let lang = state.lang;
    let Some(draft) = &state.draft else {
        return html! {};
    };
    let instrument = &state.instrument;
    let change = |step: usize, what: &str| {
        html! {
            <button type="button" class="button button-link" onclick={dispatch.reform(move |_: MouseEvent| Action::GoTo(step))}>
                { m.change }<span class="visually-hidden">{ format!(" {what}") }</span>
            </button>
        }
    };
    let item_rows = |items: &[Item]| {
        html! {
            <dl class="review-list">
                { for items.iter().map(|item| {
                    let answer = draft.answers.get(&item.id).copied();
                    html! {
                        <div class={if answer.is_none() { "review-row unanswered" } else { "review-row" }}>
                            <dt>{ lang.pick(&item.text).to_owned() }</dt>
                            <dd>{ answer_text(item, answer, lang) }</dd>
                        </div>
                    }
                }) }
            </dl>
        }
    };
    let group = |step: usize, title: &str, items: &[Item]| {
        let answered = items
            .iter()
            .filter(|i| draft.answers.contains_key(&i.id))
            .count();
        html! {
            <section class="review-group">
                <div class="review-head">
                    <h2>{ title.to_owned() }</h2>
                    { change(step, title) }
                </div>
                <p class="hint">{ (m.answered_of)(answered, items.len()) }</p>
                { item_rows(items) }
            </section>
        }
    };
    let steps = state.steps();
    let mut sections = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        match *step {
            Step::Stage(s) => {
                let stage = &instrument.stages[s];
                sections.push(group(i, lang.pick(&stage.title), &stage.items));
            }
            Step::Overall => sections.push(group(i, m.overall_title, &instrument.overall)),
            Step::More => {
                let r = &draft.respondent;
                let fields = &instrument.respondent;
                let choice = |field: &ChoiceField, key: Option<String>| -> String {
                    key.and_then(|k| field.values.iter().find(|c| choice_key(&c.value) == k))
                        .map(|c| lang.pick(&c.label).to_owned())
                        .unwrap_or_else(|| m.not_answered.to_owned())
                };
                let rows = [
                    (&fields.age_band, r.age_band.clone()),
                    (&fields.education, r.education.clone()),
                    (
                        &fields.self_rated_health,
                        r.self_rated_health.map(|v| v.to_string()),
                    ),
                    (&fields.answered_by, r.answered_by.clone()),
                ];
                let comment = draft.comment.trim();
                sections.push(html! {
                    <section class="review-group">
                        <div class="review-head">
                            <h2>{ m.more_title }</h2>
                            { change(i, m.more_title) }
                        </div>
                        <dl class="review-list">
                            <div class="review-row">
                                <dt>{ m.comment_label }</dt>
                                <dd class="comment-text">{ if comment.is_empty() { m.no_comment.to_owned() } else { comment.to_owned() } }</dd>
                            </div>
                            { for rows.into_iter().map(|(field, key)| html! {
                                <div class="review-row">
                                    <dt>{ lang.pick(&field.label).to_owned() }</dt>
                                    <dd>{ choice(field, key) }</dd>
                                </div>
                            }) }
                        </dl>
                    </section>
                });
            }
            Step::Review => {}
        }
    }
    let submit = html! {
        <button type="button" class="button button-primary button-submit"
                onclick={on_submit.reform(|_: MouseEvent| ())}>
            { m.submit }
        </button>
    };
    html! {
        <section class="screen review">
            <h1 tabindex="-1">{ m.review_title }</h1>
            <p class="hint">{ m.review_intro }</p>
            { for sections }
            if state.callback_offered() {
                { callback_question(&state.callback, lang, state.entry.kiosk, dispatch) }
            }
            { error_view(state.error.as_ref(), lang) }
            { step_nav(m, dispatch, submit) }
        </section>
    }
}

fn error_view(error: Option<&SubmitError>, lang: Lang) -> Html {
    let m = lang.messages();
    match error {
        None => html! {},
        Some(SubmitError::NotSaved(detail)) => html! {
            <div class="error" role="alert">
                <p>{ m.save_failed }</p>
                <p class="error-detail">{ detail.clone() }</p>
            </div>
        },
        Some(SubmitError::Invalid(problems)) => html! {
            <div class="error" role="alert">
                <p>{ m.invalid }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            </div>
        },
    }
}
