//! H001's closed loop for the demo: alert settings (the default rules,
//! call-back offered), a few negative responses of today whose cases are
//! opened by the same code path as real submissions and then moved to
//! each state, and action plans with public texts ("you said, we did").
//! Runs once per database: the responses have fixed ids, so a second run
//! finds them stored and adds nothing.

use anyhow::bail;
use scoring::response::Response;
use scoring::validate::Validator;
use serde_json::json;
use wire::{ActionPlan, AlertSettings, CaseAction, PlanStatus, Target, TargetScope};

use crate::cases::{apply, CaseState, Phone};
use crate::clock::{rfc3339, utc_date};
use crate::ingest::{prepare_response, Checked};
use crate::store::{CaseChange, InsertOutcome, NewResponse, Store};

const HOSPITAL: &str = "H001";

/// One demo response: its department, its answers, its comment, whether
/// the patient left a number, and what staff did with its case.
struct DemoCase {
    department: &'static str,
    rating: i64,
    wait_time: i64,
    comment: &'static str,
    phone: Option<&'static str>,
    /// Hours before now it was submitted.
    hours_ago: i64,
    actions: &'static [(&'static str, DemoAction)],
}

#[derive(Clone, Copy)]
enum DemoAction {
    Assign(&'static str),
    Note(&'static str),
    Resolve(&'static str, &'static str),
    Close(&'static str),
}

impl DemoAction {
    fn action(self) -> CaseAction {
        match self {
            DemoAction::Assign(to) => CaseAction::Assign { to: to.into() },
            DemoAction::Note(text) => CaseAction::Note { text: text.into() },
            DemoAction::Resolve(root_cause, text) => CaseAction::Resolve {
                root_cause: root_cause.into(),
                text: text.into(),
            },
            DemoAction::Close(text) => CaseAction::Close { text: text.into() },
        }
    }
}

const CASES: &[DemoCase] = &[
    DemoCase {
        department: "cardiology",
        rating: 2,
        wait_time: 1,
        comment: "候诊等了三个小时，没有人告知还要等多久。",
        phone: Some("13800138000"),
        hours_ago: 2,
        actions: &[],
    },
    DemoCase {
        department: "cardiology",
        rating: 3,
        wait_time: 2,
        comment: "缴费窗口排队太长，我要投诉。",
        phone: None,
        hours_ago: 30,
        actions: &[("h001", DemoAction::Assign("cardio"))],
    },
    DemoCase {
        department: "cardiology",
        rating: 1,
        wait_time: 1,
        comment: "护士态度不好。",
        phone: None,
        // Past the 72-hour deadline: overdue.
        hours_ago: 80,
        actions: &[],
    },
    DemoCase {
        department: "cardiology",
        rating: 4,
        wait_time: 3,
        comment: "检查结果出得太慢。",
        phone: None,
        hours_ago: 50,
        actions: &[
            ("h001", DemoAction::Assign("cardio")),
            ("cardio", DemoAction::Note("已联系检验科了解原因。")),
            (
                "cardio",
                DemoAction::Resolve("检验科人手不足", "上午增派一名检验技师。"),
            ),
        ],
    },
    DemoCase {
        department: "orthopaedics",
        rating: 3,
        wait_time: 2,
        comment: "",
        phone: None,
        hours_ago: 20,
        actions: &[("h001", DemoAction::Close("患者已当面沟通，无需处理。"))],
    },
];

fn demo_response(index: usize, case: &DemoCase, now: i64) -> Response {
    let value = json!({
        "id": format!("00000000-0000-4000-8000-00000000c{index:03}"),
        "instrument": "pxs-core", "instrument_version": 1,
        "hospital": HOSPITAL, "department": case.department,
        "visit_type": "outpatient", "channel": "kiosk",
        "submitted_at": rfc3339(now - case.hours_ago * 3600),
        "answers": {
            "outpatient.wait_time": case.wait_time,
            "overall.rating": case.rating,
            "overall.recommend": case.rating
        },
        "comment": case.comment
    });
    serde_json::from_value(value).unwrap_or_else(|e| unreachable!("a fixed demo response: {e}"))
}

fn plans(now: i64) -> Vec<ActionPlan> {
    let plan = |department: &str,
                title: &str,
                scope: TargetScope,
                target: &str,
                owner: &str,
                days_ago: i64,
                status: PlanStatus,
                public_text: Option<&str>| ActionPlan {
        id: 0,
        hospital: HOSPITAL.into(),
        department: department.into(),
        title: title.into(),
        target: Target {
            scope,
            id: target.into(),
        },
        owner: owner.into(),
        due: utc_date(now + 60 * 86_400),
        status,
        started: utc_date(now - days_ago * 86_400),
        notes: Vec::new(),
        public_text: public_text.map(str::to_owned),
    };
    vec![
        plan(
            "cardiology",
            "缩短心内科门诊候诊时间",
            TargetScope::Item,
            "outpatient.wait_time",
            "心内科 王主任",
            90,
            PlanStatus::InProgress,
            Some("您说候诊太久：我们增开了午间门诊，并在候诊区显示预计等候时间。"),
        ),
        plan(
            "",
            "优化缴费流程",
            TargetScope::Stage,
            "outpatient",
            "门诊部 李主任",
            150,
            PlanStatus::Done,
            Some("您说缴费排队长：现在可在诊间和手机上直接缴费。"),
        ),
        plan(
            "",
            "改善停车指引",
            TargetScope::Item,
            "whole_care.parking",
            "后勤处 张处长",
            30,
            PlanStatus::Planned,
            Some("您说停车难找：我们正在增设停车场指示牌。"),
        ),
    ]
}

/// Seeds H001's loop once; returns how many cases it opened.
pub(super) async fn seed(
    store: &Store,
    validator: &Validator<'_>,
    now: i64,
) -> anyhow::Result<usize> {
    let mut settings = store.alert_settings(HOSPITAL).await?;
    if settings == AlertSettings::default() {
        settings.callback_offered = true;
        store.put_alert_settings(HOSPITAL, &settings, now).await?;
    }
    let mut rows: Vec<NewResponse> = Vec::new();
    for (index, case) in CASES.iter().enumerate() {
        let response = demo_response(index, case, now);
        match prepare_response(response, validator) {
            Checked::Valid(mut row) => {
                if let (Some(alert), Some(phone)) = (&mut row.alert, case.phone) {
                    alert.contact = Some(Phone::parse(phone).map_err(anyhow::Error::msg)?);
                }
                rows.push(row);
            }
            Checked::Rejected { errors, .. } => bail!("a demo response is invalid: {errors:?}"),
        }
    }
    let mut opened = 0;
    for (row, case) in rows.iter().zip(CASES) {
        // Received when submitted, so that the deadlines fall as in life.
        let received = now - case.hours_ago * 3600;
        let outcome = store
            .insert_responses(&[row], received, &Default::default())
            .await?;
        if outcome != [InsertOutcome::Stored] {
            continue; // seeded before
        }
        let Some(stored) = store.case_of_response(&row.id).await? else {
            continue;
        };
        opened += 1;
        let mut state = CaseState {
            status: stored.status,
            assignee: stored.assignee.clone(),
        };
        for (minutes, (by, action)) in case.actions.iter().enumerate() {
            let from = state.status;
            let applied = apply(&state, action.action())?;
            let change = CaseChange {
                id: stored.id,
                from,
                status: applied.state.status,
                assignee: applied.state.assignee.as_deref(),
                action: &applied.action,
                username: by,
                at: now - case.hours_ago * 3600 + 60 * (minutes as i64 + 1),
                forget_contact: applied.forget_contact,
            };
            store.change_case(&change).await?;
            state = applied.state;
        }
    }
    if opened > 0 {
        for plan in plans(now) {
            store.insert_action_plan(&plan, now).await?;
        }
    }
    Ok(opened)
}
