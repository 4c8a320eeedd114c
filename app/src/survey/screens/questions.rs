//! A step of questions: one care stage, or the overall ratings.

use scoring::instrument::{Item, Presentation};
use yew::prelude::*;

use super::{next_button, step_nav};
use crate::survey::answers::{answer_key, options_for, parse_answer_key, point_anchors};
use crate::survey::components::{radio_group, RadioGroup};
use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::{Action, SurveyState};

/// The questions of `items` under the heading `title`.
#[inline(never)]
pub fn view(state: &SurveyState, dispatch: &Callback<Action>, title: &str, items: &[Item]) -> Html {
    let m = state.messages();
    let lang = state.lang;
    let answers = state.draft.as_ref().map(|d| &d.answers);
    html! {
        <section class="screen questions">
            <h1 tabindex="-1">{ title.to_owned() }</h1>
            <p class="hint">{ m.skip_hint }</p>
            { for items.iter().enumerate().map(|(n, item)| {
                let selected = answers.and_then(|a| a.get(&item.id)).map(|a| answer_key(*a));
                question(item, n + 1, selected, lang, dispatch)
            }) }
            { step_nav(m, dispatch, next_button(m, dispatch)) }
        </section>
    }
}

fn question(
    item: &Item,
    number: usize,
    selected: Option<String>,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let m = lang.messages();
    let def = item.scale.def();
    let class = match def.presentation {
        Presentation::Faces => "question question-likert",
        Presentation::Words => "question question-words",
        Presentation::LabelledPoints => "question question-points",
        Presentation::YesNo => "question question-yesno",
        Presentation::Numbers => "question question-rating",
    };
    let anchors: Vec<AttrValue> = match def.presentation {
        Presentation::Numbers if item.id == "overall.recommend" => {
            vec![m.recommend_low.into(), m.recommend_high.into()]
        }
        Presentation::Numbers => vec![m.rating_low.into(), m.rating_high.into()],
        Presentation::LabelledPoints => point_anchors(def, lang)
            .into_iter()
            .map(AttrValue::from)
            .collect(),
        _ => Vec::new(),
    };
    let on_select = {
        let item_id = item.id.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |key: String| {
            if let Some(answer) = parse_answer_key(&key) {
                dispatch.emit(Action::Answer {
                    item: item_id.clone(),
                    answer,
                });
            }
        })
    };
    radio_group(RadioGroup {
        name: item.id.clone().into(),
        legend: lang.pick(&item.text).to_owned().into(),
        options: options_for(item, lang),
        selected,
        on_select,
        anchors,
        class,
        number: Some(number),
    })
}
