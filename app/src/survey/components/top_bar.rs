//! The bar at the top of every screen: title, progress, language switch
//! and the large-text toggle (always visible, as the brief asks).

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};

pub struct TopBar {
    pub lang: Lang,
    pub large_text: bool,
    /// `(step, total)`, 1-based, while a survey step is shown.
    pub progress: Option<(usize, usize)>,
    pub on_lang: Callback<Lang>,
    pub on_large_text: Callback<()>,
}

pub fn top_bar(props: TopBar) -> Html {
    let m = props.lang.messages();
    html! {
        <header class="top-bar">
            <div class="top-row">
                <p class="brand">{ m.survey_title }</p>
                <div class="settings">
                    <div class="lang-switch" role="group" aria-label={m.language}>
                        { for Lang::ALL.into_iter().map(|lang| {
                            let onclick = props.on_lang.reform(move |_: MouseEvent| lang);
                            let pressed = lang == props.lang;
                            html! {
                                <button type="button" class="chip" lang={lang.tag()}
                                        aria-pressed={pressed.to_string()} {onclick}>
                                    { lang.native_name() }
                                </button>
                            }
                        }) }
                    </div>
                    <button type="button" class="chip chip-large-text"
                            aria-pressed={props.large_text.to_string()}
                            onclick={props.on_large_text.reform(|_: MouseEvent| ())}>
                        <span aria-hidden="true" class="large-text-icon">{ "A+" }</span>
                        { m.large_text }
                    </button>
                </div>
            </div>
            if let Some((step, total)) = props.progress {
                <div class="progress">
                    <p class="progress-text">{ (m.step_of)(step, total) }</p>
                    <div class="progress-bar" aria-hidden="true">
                        <div class="progress-fill" style={format!("width:{}%", step * 100 / total.max(1))}></div>
                    </div>
                </div>
            }
        </header>
    }
}
