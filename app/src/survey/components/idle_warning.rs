//! The kiosk's "are you still there?" warning with its countdown.

use yew::prelude::*;

use crate::survey::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct IdleWarningProps {
    pub lang: Lang,
    pub seconds_left: u32,
    pub on_continue: Callback<()>,
}

/// A modal alert dialog; its button takes the focus so that a keyboard or
/// switch user can answer it at once.
#[function_component]
pub fn IdleWarning(props: &IdleWarningProps) -> Html {
    let m = props.lang.messages();
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with((), move |_| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    html! {
        <div class="overlay">
            <div class="dialog" role="alertdialog" aria-modal="true"
                 aria-labelledby="idle-title" aria-describedby="idle-body">
                <h2 id="idle-title">{ m.idle_title }</h2>
                <p id="idle-body">{ (m.idle_body)(props.seconds_left) }</p>
                <p class="countdown" aria-hidden="true">{ props.seconds_left }</p>
                <button type="button" class="button button-primary" ref={button}
                        onclick={props.on_continue.reform(|_: MouseEvent| ())}>
                    { m.idle_continue }
                </button>
            </div>
        </div>
    }
}
