//! The codes responses carry that the registry does not know, so staff
//! notice a misprinted QR code (docs/formats.md §7).

use wire::Unregistered;
use yew::prelude::*;

use crate::rollout::i18n::{Lang, T};

pub fn unregistered_view(lang: Lang, codes: &Unregistered) -> Html {
    let t = |k: T| k.in_(lang);
    let rows = codes
        .hospitals
        .iter()
        .map(|h| (h.code.clone(), String::new(), h.responses))
        .chain(
            codes
                .departments
                .iter()
                .map(|d| (d.hospital.clone(), d.code.clone(), d.responses)),
        );
    html! {
        <section class="unregistered" aria-labelledby="unregistered-heading">
            <h2 id="unregistered-heading">{ t(T::Unregistered) }</h2>
            if codes.hospitals.is_empty() && codes.departments.is_empty() {
                <p class="muted" id="no-unregistered">{ t(T::NoUnregistered) }</p>
            } else {
                <p>{ t(T::UnregisteredHelp) }</p>
                <table id="unregistered-codes">
                    <caption class="visually-hidden">{ t(T::Unregistered) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(T::Hospital) }</th>
                        <th scope="col">{ t(T::Department) }</th>
                        <th scope="col" class="num">{ t(T::Responses) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.map(|(hospital, department, n)| html! {
                            <tr>
                                <th scope="row"><code>{ hospital }</code></th>
                                <td><code>{ department }</code></td>
                                <td class="num">{ n }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
