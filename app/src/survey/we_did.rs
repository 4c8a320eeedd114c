//! "You said, we did" (docs/formats.md §6): which of the hospital's
//! published action plans the survey shows, and how a plan's status reads.

use wire::{PlanStatus, PublicAction, PublicActions};

use super::i18n::Messages;

/// How long each plan stays on a kiosk's attract screen.
pub const ROTATE_MS: u32 = 8_000;

/// The plans shown where `department` is rated: the whole hospital's and
/// that department's, in the server's order (latest started first). A
/// survey of the whole hospital (no department) shows every plan.
pub fn shown<'a>(actions: &'a PublicActions, department: &str) -> Vec<&'a PublicAction> {
    actions
        .actions
        .iter()
        .filter(|a| department.is_empty() || a.department.is_empty() || a.department == department)
        .collect()
}

/// A plan's status in the survey's language.
pub fn status_text(m: &Messages, status: PlanStatus) -> &'static str {
    m.plan_status[match status {
        PlanStatus::Planned => 0,
        PlanStatus::InProgress => 1,
        PlanStatus::Done => 2,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(department: &str, title: &str) -> PublicAction {
        PublicAction {
            department: department.to_owned(),
            title: title.to_owned(),
            public_text: String::new(),
            status: PlanStatus::Done,
            started: "2025-06-01".to_owned(),
        }
    }

    #[test]
    fn the_department_sees_its_plans_and_the_hospitals() {
        let actions = PublicActions {
            actions: vec![
                plan("cardiology", "午间门诊"),
                plan("", "停车场扩建"),
                plan("emergency", "分诊提速"),
            ],
            callback_offered: false,
        };
        let titles = |department| -> Vec<&str> {
            shown(&actions, department)
                .iter()
                .map(|a| a.title.as_str())
                .collect()
        };
        assert_eq!(titles("cardiology"), ["午间门诊", "停车场扩建"]);
        assert_eq!(titles("ward-9"), ["停车场扩建"]);
        assert_eq!(titles(""), ["午间门诊", "停车场扩建", "分诊提速"]);
    }
}
