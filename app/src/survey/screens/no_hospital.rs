//! Opened without a hospital code: a phone is told where the QR code is;
//! a kiosk (`kiosk=1`, or remembered) tells staff how to set it up, since
//! no patient can fix that.

use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};

#[inline(never)]
pub fn view(lang: Lang, kiosk: bool) -> Html {
    let m = lang.messages();
    let (title, body) = if kiosk {
        (m.kiosk_setup_title, m.kiosk_setup_body)
    } else {
        (m.no_hospital_title, m.no_hospital_body)
    };
    html! {
        <section class="screen no-hospital">
            <h1 tabindex="-1">{ title }</h1>
            <p class="lead">{ body }</p>
        </section>
    }
}
