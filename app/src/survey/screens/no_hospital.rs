//! Opened without a hospital code: explain where the QR code is.

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};

#[inline(never)]
pub fn view(lang: Lang) -> Html {
    let m = lang.messages();
    html! {
        <section class="screen no-hospital">
            <h1 tabindex="-1">{ m.no_hospital_title }</h1>
            <p class="lead">{ m.no_hospital_body }</p>
        </section>
    }
}
