//! "n waiting to upload": what is still on this device. On a kiosk, answers
//! the server refused also tell staff what to do (the patient cannot).

use yew::prelude::*;

use crate::services::sync::OutboxStatus;
use crate::survey::i18n::{Catalogue, Lang};

/// A polite live region, always present so that changes are announced.
pub fn upload_status(lang: Lang, kiosk: bool, status: OutboxStatus) -> Html {
    let m = lang.messages();
    let OutboxStatus {
        pending,
        kept_aside,
    } = status;
    html! {
        <footer class="upload-status">
            <div role="status" aria-live="polite">
                if pending > 0 {
                    <p class="pending"><span class="dot" aria-hidden="true"></span>{ (m.pending)(pending) }</p>
                }
                if kept_aside > 0 {
                    <p class="kept-aside">{ (m.kept_aside)(kept_aside) }</p>
                    if kiosk {
                        <p class="kept-aside staff-note">{ m.kept_aside_staff }</p>
                    }
                }
            </div>
        </footer>
    }
}
