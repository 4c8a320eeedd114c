//! Keeps the document in step with the survey: `<html lang>`, the title,
//! the large-text and kiosk classes (the root font size scales the page),
//! the focus on each new screen's heading (so a screen reader announces
//! it) with the page scrolled to the top, and the focus on the kiosk's
//! inactivity warning when it opens.

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Screen;

#[hook]
pub fn use_document(lang: Lang, large_text: bool, kiosk: bool, screen: Screen, dialog: bool) {
    use_effect_with((lang, large_text, kiosk), |&(lang, large_text, kiosk)| {
        let document = gloo::utils::document();
        document.set_title(lang.messages().doc_title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let classes = root.class_list();
            let _ = classes.toggle_with_force("large-text", large_text);
            let _ = classes.toggle_with_force("kiosk-mode", kiosk);
        }
    });
    let first = use_mut_ref(|| true);
    use_effect_with(screen, move |_| {
        // On load the browser's own focus handling is left alone.
        if first.replace(false) {
            return;
        }
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        focus("main h1");
    });
    use_effect_with(dialog, |&dialog| {
        if dialog {
            focus(".dialog button");
        }
    });
}

/// Focus the first element matching `selector`, if there is one.
fn focus(selector: &str) {
    if let Some(element) = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = element.focus();
    }
}
