//! The staff header: the page's title, the links to the other staff
//! pages the account may use, who is signed in, the language menu and
//! "Sign out".

use wire::{Role, Session};
use yew::prelude::*;

use super::words::{Lang, W};

/// The staff bundles, each at its own path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffPage {
    Dashboard,
    Rollout,
    Cases,
}

impl StaffPage {
    fn link(self) -> (&'static str, &'static str, W) {
        match self {
            StaffPage::Dashboard => ("/admin/", "to-dashboard", W::ToDashboard),
            StaffPage::Rollout => ("/admin/rollout/", "to-rollout", W::ToRollout),
            StaffPage::Cases => ("/admin/cases/", "to-cases", W::ToCases),
        }
    }

    /// Whether `role` has any use for the page: the registry and the
    /// kiosks are an administrator's or a hospital administrator's.
    pub fn open_to(self, role: Role) -> bool {
        self != StaffPage::Rollout || role != Role::DepartmentHead
    }
}

/// The language menu.
pub fn lang_switch(lang: Lang, on_change: &Callback<Lang>) -> Html {
    let onchange = on_change.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Lang::parse(&value).unwrap_or_default()
    });
    html! {
        <div class="lang-switch">
            <label for="lang">{ W::Language.in_(lang) }</label>
            <select id="lang" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={*l == lang}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}

/// The role and the scope, as the header shows them
/// (`科室主任 · H001 · cardiology`).
pub fn role_and_scope(lang: Lang, session: &Session) -> String {
    let role = match session.role {
        Role::Admin => W::RoleAdmin,
        Role::HospitalAdmin => W::RoleHospitalAdmin,
        Role::DepartmentHead => W::RoleDepartmentHead,
    };
    let mut text = role.in_(lang).to_owned();
    for part in [&session.hospital, &session.department]
        .into_iter()
        .flatten()
    {
        text.push_str(" · ");
        text.push_str(part);
    }
    text
}

pub fn top_bar(
    lang: Lang,
    title: &str,
    here: StaffPage,
    session: &Session,
    on_lang: &Callback<Lang>,
    on_logout: &Callback<()>,
) -> Html {
    let links = [StaffPage::Dashboard, StaffPage::Rollout, StaffPage::Cases]
        .into_iter()
        .filter(|p| *p != here && p.open_to(session.role))
        .map(|p| {
            let (href, id, word) = p.link();
            html! { <li><a {href} {id}>{ word.in_(lang) }</a></li> }
        });
    html! {
        <header class="top">
            <h1>{ title.to_owned() }</h1>
            <nav class="staff-links" aria-label={W::StaffPages.in_(lang)}><ul>{ for links }</ul></nav>
            <span class="who" id="who">
                <span class="user">{ &session.username }</span>
                <span class="role">{ format!(" · {}", role_and_scope(lang, session)) }</span>
            </span>
            { lang_switch(lang, on_lang) }
            <button type="button" class="link" id="sign-out" onclick={on_logout.reform(|_: MouseEvent| ())}>{ W::SignOut.in_(lang) }</button>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_department_head_is_shown_with_its_department() {
        let session = Session {
            username: "cardio".to_owned(),
            role: Role::DepartmentHead,
            hospital: Some("H001".to_owned()),
            department: Some("cardiology".to_owned()),
        };
        assert_eq!(
            role_and_scope(Lang::ZhCn, &session),
            "科室主任 · H001 · cardiology"
        );
        assert!(!StaffPage::Rollout.open_to(Role::DepartmentHead));
        assert!(StaffPage::Cases.open_to(Role::DepartmentHead));
    }
}
