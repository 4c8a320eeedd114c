//! The cases pages' words in the three languages of the product
//! (docs/domain.md "Languages"). One `match` per key: a missing
//! translation does not compile.

pub use scoring::lang::Lang;

macro_rules! catalogue {
    (|$lang:ident| $($key:ident => $text:expr;)*) => {
        /// A text of the cases pages. `T::X.in_(lang)` gives it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for the completeness test.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn in_(self, $lang: Lang) -> &'static str {
                match self {
                    $(T::$key => $text,)*
                }
            }
        }
    };
}

catalogue! {
    |lang|
    AppTitle => lang.choose("预警与整改", "預警與整改", "Cases & action plans");
    NavCases => lang.choose("预警案例", "預警案例", "Cases");
    NavPlans => lang.choose("整改台账", "整改台賬", "Action plans");
    NavAlerts => lang.choose("预警设置", "預警設定", "Alert settings");
    Loading => lang.choose("正在加载…", "正在載入…", "Loading…");
    Hospital => lang.choose("医院", "醫院", "Hospital");
    Department => lang.choose("科室", "科室", "Department");
    AllHospitals => lang.choose("全部医院", "全部醫院", "All hospitals");
    AllDepartments => lang.choose("全部科室", "全部科室", "All departments");
    WholeHospital => lang.choose("全院", "全院", "Whole hospital");
    Optional => lang.choose("（可选）", "（可選）", "(optional)");
    Save => lang.choose("保存", "儲存", "Save");
    Saved => lang.choose("已保存", "已儲存", "Saved");
    // The list
    CasesTitle => lang.choose("预警案例", "預警案例", "Service-recovery cases");
    CasesHelp => lang.choose("差评、最差评价或投诉关键词会自动生成案例；超时的案例排在最前。", "差評、最差評價或投訴關鍵詞會自動生成案例；逾時的案例排在最前。", "A low rating, a worst answer or a complaint keyword opens a case; overdue cases come first.");
    Filters => lang.choose("筛选", "篩選", "Filters");
    Status => lang.choose("状态", "狀態", "Status");
    AllStatuses => lang.choose("全部状态", "全部狀態", "All statuses");
    StatusOpen => lang.choose("待处理", "待處理", "Open");
    StatusInProgress => lang.choose("处理中", "處理中", "In progress");
    StatusResolved => lang.choose("已解决", "已解決", "Resolved");
    StatusClosed => lang.choose("已关闭", "已關閉", "Closed");
    Overdue => lang.choose("已超时", "已逾時", "Overdue");
    CaseNumber => lang.choose("编号", "編號", "Case");
    Opened => lang.choose("创建时间", "建立時間", "Opened");
    Due => lang.choose("处理时限", "處理時限", "Due");
    Assignee => lang.choose("负责人", "負責人", "Assignee");
    Unassigned => lang.choose("未分配", "未分配", "Unassigned");
    Reasons => lang.choose("预警原因", "預警原因", "Reasons");
    NoCases => lang.choose("没有符合条件的案例。", "沒有符合條件的案例。", "No cases match.");
    CasesShown => lang.choose("个案例", "個案例", "cases");
    ReasonRating => lang.choose("总体评分低", "總體評分低", "Low overall rating");
    ReasonItemLowest => lang.choose("最差评价", "最差評價", "Worst answer");
    ReasonKeyword => lang.choose("关键词", "關鍵詞", "Keyword");
    ReasonCallback => lang.choose("患者希望回访", "患者希望回訪", "Patient asked for a call-back");
    // A case
    CaseTitle => lang.choose("案例", "案例", "Case");
    BackToCases => lang.choose("返回案例列表", "返回案例列表", "Back to the cases");
    Callback => lang.choose("回访电话", "回訪電話", "Call-back number");
    CallbackForgotten => lang.choose("号码在案例解决或关闭后、或 30 天后删除。", "號碼在案例解決或關閉後、或 30 天後刪除。", "The number is deleted when the case is resolved or closed, or after 30 days.");
    TheResponse => lang.choose("患者的回答", "患者的回答", "The patient's answers");
    Question => lang.choose("问题", "問題", "Question");
    Answer => lang.choose("回答", "回答", "Answer");
    NotApplicable => lang.choose("不适用", "不適用", "Not applicable");
    Comment => lang.choose("患者留言", "患者留言", "Comment");
    NoComment => lang.choose("（没有留言）", "（沒有留言）", "(no comment)");
    Submitted => lang.choose("提交时间", "提交時間", "Submitted");
    VisitType => lang.choose("就诊类型", "就診類型", "Visit type");
    Channel => lang.choose("渠道", "渠道", "Channel");
    Outpatient => lang.choose("门诊", "門診", "Outpatient");
    Emergency => lang.choose("急诊", "急診", "Emergency");
    Inpatient => lang.choose("住院", "住院", "Inpatient");
    Kiosk => lang.choose("自助机", "自助機", "Kiosk");
    Phone => lang.choose("手机", "手機", "Phone");
    Web => lang.choose("网页", "網頁", "Web");
    Paper => lang.choose("纸质", "紙本", "Paper");
    AnswersTable => lang.choose("每个问题的回答", "每個問題的回答", "The answer to each question");
    Timeline => lang.choose("处理记录", "處理記錄", "Timeline");
    EventOpened => lang.choose("系统生成案例", "系統建立案例", "Case opened by the system");
    EventAssign => lang.choose("分配给", "分配給", "Assigned to");
    EventNote => lang.choose("备注", "備註", "Note");
    EventResolve => lang.choose("已解决，根本原因", "已解決，根本原因", "Resolved, root cause");
    EventClose => lang.choose("已关闭", "已關閉", "Closed");
    EventReopen => lang.choose("已重新打开", "已重新打開", "Reopened");
    Actions => lang.choose("处理", "處理", "Actions");
    AssignTo => lang.choose("分配给", "分配給", "Assign to");
    AssignButton => lang.choose("分配", "分配", "Assign");
    NoteText => lang.choose("备注内容", "備註內容", "Note");
    AddNote => lang.choose("添加备注", "新增備註", "Add note");
    RootCause => lang.choose("根本原因", "根本原因", "Root cause");
    WhatWasDone => lang.choose("处理说明", "處理說明", "What was done");
    ResolveButton => lang.choose("标记为已解决", "標記為已解決", "Resolve");
    CloseText => lang.choose("关闭说明", "關閉說明", "Why it is closed");
    CloseButton => lang.choose("关闭案例", "關閉案例", "Close the case");
    ReopenText => lang.choose("重新打开的原因", "重新打開的原因", "Why it is reopened");
    ReopenButton => lang.choose("重新打开", "重新打開", "Reopen");
    Done => lang.choose("已完成", "已完成", "Done");
    // Action plans
    PlansTitle => lang.choose("整改台账", "整改台賬", "Action plans (整改台账)");
    PlansHelp => lang.choose("每项整改有负责人、截止日期和进展记录；所选事项的月度得分标出了整改开始的月份。", "每項整改有負責人、截止日期和進展記錄；所選事項的月度得分標出了整改開始的月份。", "Each plan has an owner, a due date and its notes; the monthly score of the selected plan's target marks the month the plan started.");
    PlanTitle => lang.choose("整改事项", "整改事項", "Plan");
    Target => lang.choose("改进目标", "改進目標", "Target");
    Owner => lang.choose("负责人", "負責人", "Owner");
    DueDate => lang.choose("截止日期", "截止日期", "Due");
    Started => lang.choose("开始日期", "開始日期", "Started");
    PlanPlanned => lang.choose("计划中", "計劃中", "Planned");
    PlanInProgress => lang.choose("进行中", "進行中", "In progress");
    PlanDone => lang.choose("已完成", "已完成", "Done");
    Notes => lang.choose("进展记录", "進展記錄", "Notes");
    NoNotes => lang.choose("还没有进展记录。", "還沒有進展記錄。", "No notes yet.");
    PublicText => lang.choose("向患者公示（“您说，我们做”）", "向患者公示（「您說，我們做」）", "Shown to patients (\"you said, we did\")");
    NoPlans => lang.choose("还没有整改事项。", "還沒有整改事項。", "No action plans yet.");
    ShowPlan => lang.choose("查看", "查看", "Show");
    Series => lang.choose("月度得分", "月度得分", "Monthly score");
    Month => lang.choose("月份", "月份", "Month");
    Score => lang.choose("得分（0–100）", "得分（0–100）", "Score (0–100)");
    Respondents => lang.choose("人数", "人數", "Respondents");
    SeriesTable => lang.choose("逐月数据表", "逐月資料表", "Month by month, as a table");
    TooFew => lang.choose("人数不足，不显示", "人數不足，不顯示", "Too few to show");
    PlanStart => lang.choose("整改开始", "整改開始", "Plan started");
    NoSeries => lang.choose("这段时间没有足够的答卷。", "這段時間沒有足夠的答卷。", "Not enough responses in these months.");
    ScopeItem => lang.choose("条目", "條目", "Item");
    ScopeStage => lang.choose("环节", "環節", "Stage");
    ScopeIndex => lang.choose("总体指数", "總體指數", "Overall index");
    NewPlan => lang.choose("新建整改事项", "新增整改事項", "New action plan");
    CreatePlan => lang.choose("创建", "建立", "Create");
    UpdatePlan => lang.choose("更新", "更新", "Update");
    // Alert settings
    AlertsTitle => lang.choose("预警设置", "預警設定", "Alert settings");
    AlertsHelp => lang.choose("满足任一规则的答卷会生成案例，并在设置了 Webhook 时通知（企业微信、钉钉等通过中转服务接入）。", "滿足任一規則的答卷會建立案例，並在設定了 Webhook 時通知（企業微信、釘釘等透過中轉服務接入）。", "A response that meets any rule opens a case and, with a webhook, a notification (WeCom, DingTalk and others through a relay).");
    RatingAtMost => lang.choose("总体评分不高于（0–10，留空则不用此规则）", "總體評分不高於（0–10，留空則不用此規則）", "Overall rating at most (0–10; empty: never)");
    ItemLowest => lang.choose("任一条目选了最差评价时预警", "任一條目選了最差評價時預警", "Alert when any item gets its worst answer");
    Keywords => lang.choose("关键词（每行一个；简体和繁体都要列出）", "關鍵詞（每行一個；簡體和繁體都要列出）", "Keywords (one a line; list simplified and traditional forms)");
    SlaHours => lang.choose("处理时限（小时）", "處理時限（小時）", "Deadline (hours)");
    Webhook => lang.choose("通知 Webhook", "通知 Webhook", "Notification webhook");
    WebhookOn => lang.choose("发送通知", "傳送通知", "Send notifications");
    WebhookUrl => lang.choose("地址（http 或 https）", "位址（http 或 https）", "URL (http or https)");
    WebhookSecret => lang.choose("签名密钥", "簽章金鑰", "Signing secret");
    SecretKept => lang.choose("已保存的密钥不显示；不修改则保留。", "已儲存的金鑰不顯示；不修改則保留。", "The stored secret is not shown; left as it is, it is kept.");
    CallbackOffered => lang.choose("问卷最后询问患者是否愿意接受回访", "問卷最後詢問患者是否願意接受回訪", "Ask patients at the end of the survey whether they want a call-back");
    ReadOnly => lang.choose("只有医院管理员可以修改预警设置。", "只有醫院管理員可以修改預警設定。", "Only a hospital administrator can change these settings.");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_every_language() {
        for t in T::ALL {
            for lang in Lang::ALL {
                assert!(!t.in_(lang).is_empty(), "{t:?} in {lang:?}");
            }
        }
    }
}
