//! The themes patients complain of most (docs/scoring.md §17), named in
//! the overview and, per stage, in the stage view: a line that points to
//! the comments tab where the quotes are.

use std::rc::Rc;

use scoring::comments::{top_complaints, CareStage};
use scoring::present::comment_words::CommentWords;
use yew::prelude::*;

use crate::dashboard::i18n::Lang;
use crate::dashboard::protocol::AnalysedComments;

#[derive(Properties, PartialEq)]
pub struct TopComplaintsProps {
    pub lang: Lang,
    pub analysis: Option<Rc<AnalysedComments>>,
    /// Only this stage's themes (the stage view).
    #[prop_or_default]
    pub stage: Option<String>,
}

#[function_component]
pub fn TopComplaints(props: &TopComplaintsProps) -> Html {
    let Some(analysis) = &props.analysis else {
        return Html::default();
    };
    let Some(all) = analysis
        .report
        .groups
        .first()
        .and_then(|g| g.counts.as_ref())
    else {
        return Html::default();
    };
    let stage = props.stage.as_deref().and_then(CareStage::parse);
    if props.stage.is_some() && stage.is_none() {
        return Html::default();
    }
    let words = CommentWords::of(props.lang);
    let top = top_complaints(all, stage, 3);
    let names: Vec<String> = top
        .iter()
        .map(|t| {
            format!(
                "{} ({})",
                analysis.theme_name(&t.id, props.lang),
                t.negative + t.mixed
            )
        })
        .collect();
    html! {
        <p class="top-complaints" id="top-complaints">
            <strong>{ words.top_complaints }</strong>{ ": " }
            { if names.is_empty() { words.none_found.to_owned() } else { names.join("、") } }
        </p>
    }
}
