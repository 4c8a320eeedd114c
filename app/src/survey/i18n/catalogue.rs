//! Every text of the survey screens that is not part of the instrument.

/// The survey's own texts in one language. Texts with numbers are
/// functions so that each language orders words its own way.
#[derive(Debug)]
pub struct Messages {
    pub doc_title: &'static str,
    pub survey_title: &'static str,
    pub intro: &'static str,
    pub privacy_note: &'static str,
    pub start: &'static str,
    pub attract_title: &'static str,
    pub attract_body: &'static str,
    pub attract_touch: &'static str,
    pub choose_visit: &'static str,
    /// Outpatient, emergency, inpatient (`VisitType::ALL` order).
    pub visit: [&'static str; 3],
    pub visit_hint: [&'static str; 3],
    pub step_of: fn(usize, usize) -> String,
    /// Scale values are named by their scale's definition
    /// (`scoring::instrument::DEFINITIONS`), not here.
    pub not_applicable: &'static str,
    pub rating_low: &'static str,
    pub rating_high: &'static str,
    pub recommend_low: &'static str,
    pub recommend_high: &'static str,
    pub overall_title: &'static str,
    pub more_title: &'static str,
    pub comment_label: &'static str,
    pub comment_hint: &'static str,
    pub chars_left: fn(usize) -> String,
    pub respondent_title: &'static str,
    pub respondent_intro: &'static str,
    pub prefer_not_say: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub not_answered: &'static str,
    pub answered_of: fn(usize, usize) -> String,
    pub no_comment: &'static str,
    pub change: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub submit: &'static str,
    pub skip_hint: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub thanks_queued: &'static str,
    pub returning_in: fn(u32) -> String,
    pub finish: &'static str,
    pub idle_title: &'static str,
    pub idle_body: fn(u32) -> String,
    pub idle_continue: &'static str,
    pub pending: fn(usize) -> String,
    pub kept_aside: fn(usize) -> String,
    pub large_text: &'static str,
    pub language: &'static str,
    pub no_hospital_title: &'static str,
    pub no_hospital_body: &'static str,
    /// Before "hospital · department" on the welcome screen.
    pub evaluating: &'static str,
    /// The welcome screen of a device that has no instrument yet.
    pub loading_survey: &'static str,
    /// A kiosk without a hospital: how staff set it up.
    pub kiosk_setup_title: &'static str,
    pub kiosk_setup_body: &'static str,
    /// A kiosk holding refused answers: what staff should do.
    pub kept_aside_staff: &'static str,
    pub save_failed: &'static str,
    pub invalid: &'static str,
    pub retry: &'static str,
}

pub static ZH_CN: Messages = Messages {
    doc_title: "就医感受调查",
    survey_title: "就医感受调查",
    intro: "您的感受帮助医院改进服务。共几个简短问题，约需 3 分钟。",
    privacy_note: "调查匿名进行，不会询问姓名、电话或证件号。",
    start: "开始",
    attract_title: "您的感受很重要",
    attract_body: "请花 3 分钟告诉我们这次就医的感受。",
    attract_touch: "轻触开始",
    choose_visit: "您这次是：",
    visit: ["门诊", "急诊", "住院"],
    visit_hint: ["看门诊、做检查", "急诊就医", "住院治疗"],
    step_of: |n, total| format!("第 {n} 步，共 {total} 步"),
    not_applicable: "不适用",
    rating_low: "0 = 最差",
    rating_high: "10 = 最好",
    recommend_low: "0 = 完全不会",
    recommend_high: "10 = 一定会",
    overall_title: "总体评价",
    more_title: "补充（可不填）",
    comment_label: "您还有什么想告诉医院的吗？",
    comment_hint: "请不要填写姓名、电话、证件号等个人信息。",
    chars_left: |n| format!("还可输入 {n} 字"),
    respondent_title: "关于您（用于统计，可不填）",
    respondent_intro: "这些信息只用于统计分析，不能识别您的身份。",
    prefer_not_say: "不愿回答",
    review_title: "请检查您的回答",
    review_intro: "提交前可以修改任何一项。",
    not_answered: "未回答",
    answered_of: |a, t| format!("已回答 {a} / {t} 题"),
    no_comment: "无",
    change: "修改",
    back: "上一步",
    next: "下一步",
    submit: "提交",
    skip_hint: "每题都可以跳过。",
    thanks_title: "感谢您的参与！",
    thanks_body: "您的回答已保存。",
    thanks_queued: "网络恢复后会自动上传，无需再次填写。",
    returning_in: |s| format!("{s} 秒后回到首页"),
    finish: "完成",
    idle_title: "您还在吗？",
    idle_body: |s| format!("{s} 秒后将清除本次回答并回到首页。"),
    idle_continue: "继续填写",
    pending: |n| format!("{n} 份答卷等待上传"),
    kept_aside: |n| format!("{n} 份答卷待工作人员处理"),
    large_text: "大字",
    language: "语言",
    no_hospital_title: "请扫描医院提供的二维码",
    no_hospital_body: "二维码印在挂号单、病房海报或出院小结上。",
    evaluating: "您正在评价：",
    loading_survey: "正在载入问卷，请稍候……",
    kiosk_setup_title: "这台自助机尚未设置",
    kiosk_setup_body: "工作人员：请在“自助机”页面登记本机，再在本机打开其设置网址或扫描其二维码。",
    kept_aside_staff: "工作人员：请勿清除本机数据，并查看“自助机”页面的处理建议。",
    save_failed: "暂时无法保存您的回答，请点“重试”或告诉工作人员。",
    invalid: "有回答不符合要求：",
    retry: "重试",
};

pub static ZH_HANT: Messages = Messages {
    doc_title: "就醫感受調查",
    survey_title: "就醫感受調查",
    intro: "您的感受幫助醫院改進服務。共幾個簡短問題，約需 3 分鐘。",
    privacy_note: "調查匿名進行，不會詢問姓名、電話或證件號碼。",
    start: "開始",
    attract_title: "您的感受很重要",
    attract_body: "請花 3 分鐘告訴我們這次就醫的感受。",
    attract_touch: "輕觸開始",
    choose_visit: "您這次是：",
    visit: ["門診", "急診", "住院"],
    visit_hint: ["看門診、做檢查", "急診就醫", "住院治療"],
    step_of: |n, total| format!("第 {n} 步，共 {total} 步"),
    not_applicable: "不適用",
    rating_low: "0 = 最差",
    rating_high: "10 = 最好",
    recommend_low: "0 = 完全不會",
    recommend_high: "10 = 一定會",
    overall_title: "總體評價",
    more_title: "補充（可不填）",
    comment_label: "您還有什麼想告訴醫院的嗎？",
    comment_hint: "請不要填寫姓名、電話、證件號碼等個人資料。",
    chars_left: |n| format!("還可輸入 {n} 字"),
    respondent_title: "關於您（用於統計，可不填）",
    respondent_intro: "這些資料只用於統計分析，不能識別您的身分。",
    prefer_not_say: "不願回答",
    review_title: "請檢查您的回答",
    review_intro: "提交前可以修改任何一項。",
    not_answered: "未回答",
    answered_of: |a, t| format!("已回答 {a} / {t} 題"),
    no_comment: "無",
    change: "修改",
    back: "上一步",
    next: "下一步",
    submit: "提交",
    skip_hint: "每題都可以跳過。",
    thanks_title: "感謝您的參與！",
    thanks_body: "您的回答已保存。",
    thanks_queued: "網絡恢復後會自動上傳，無需再次填寫。",
    returning_in: |s| format!("{s} 秒後回到首頁"),
    finish: "完成",
    idle_title: "您還在嗎？",
    idle_body: |s| format!("{s} 秒後將清除本次回答並回到首頁。"),
    idle_continue: "繼續填寫",
    pending: |n| format!("{n} 份問卷等待上傳"),
    kept_aside: |n| format!("{n} 份問卷待工作人員處理"),
    large_text: "大字",
    language: "語言",
    no_hospital_title: "請掃描醫院提供的二維碼",
    no_hospital_body: "二維碼印在掛號單、病房海報或出院小結上。",
    evaluating: "您正在評價：",
    loading_survey: "正在載入問卷，請稍候……",
    kiosk_setup_title: "這台自助機尚未設定",
    kiosk_setup_body:
        "工作人員：請在「自助機」頁面登記本機，再在本機開啟其設定網址或掃描其二維碼。",
    kept_aside_staff: "工作人員：請勿清除本機資料，並查看「自助機」頁面的處理建議。",
    save_failed: "暫時無法保存您的回答，請點「重試」或告訴工作人員。",
    invalid: "有回答不符合要求：",
    retry: "重試",
};

pub static EN: Messages = Messages {
    doc_title: "Patient experience survey",
    survey_title: "Patient experience survey",
    intro: "Your experience helps the hospital improve. A few short questions, about 3 minutes.",
    privacy_note: "The survey is anonymous: we never ask for your name, phone or ID number.",
    start: "Start",
    attract_title: "Your experience matters",
    attract_body: "Please take 3 minutes to tell us about your visit.",
    attract_touch: "Touch to start",
    choose_visit: "Your visit was:",
    visit: ["Outpatient", "Emergency", "Hospital stay"],
    visit_hint: [
        "Clinic visit or tests",
        "Emergency care",
        "Stayed on a ward",
    ],
    step_of: |n, total| format!("Step {n} of {total}"),
    not_applicable: "Not applicable",
    rating_low: "0 = worst",
    rating_high: "10 = best",
    recommend_low: "0 = not at all likely",
    recommend_high: "10 = extremely likely",
    overall_title: "Overall",
    more_title: "Anything else (optional)",
    comment_label: "Is there anything else you would like to tell the hospital?",
    comment_hint: "Please do not write names, phone numbers or ID numbers.",
    chars_left: |n| {
        if n == 1 {
            "1 character left".to_owned()
        } else {
            format!("{n} characters left")
        }
    },
    respondent_title: "About you (for statistics, optional)",
    respondent_intro: "Used only for statistics; it cannot identify you.",
    prefer_not_say: "Prefer not to say",
    review_title: "Check your answers",
    review_intro: "You can change any answer before you submit.",
    not_answered: "Not answered",
    answered_of: |a, t| format!("{a} of {t} answered"),
    no_comment: "None",
    change: "Change",
    back: "Back",
    next: "Next",
    submit: "Submit",
    skip_hint: "You may skip any question.",
    thanks_title: "Thank you!",
    thanks_body: "Your answers have been saved.",
    thanks_queued:
        "They will upload by themselves when the network is back; no need to fill in again.",
    returning_in: |s| format!("Back to the start in {s} s"),
    finish: "Done",
    idle_title: "Are you still there?",
    idle_body: |s| format!("In {s} s your answers will be cleared and the survey will start over."),
    idle_continue: "Continue",
    pending: |n| {
        if n == 1 {
            "1 response waiting to upload".to_owned()
        } else {
            format!("{n} responses waiting to upload")
        }
    },
    kept_aside: |n| {
        if n == 1 {
            "1 response needs staff attention".to_owned()
        } else {
            format!("{n} responses need staff attention")
        }
    },
    large_text: "Larger text",
    language: "Language",
    no_hospital_title: "Please scan the QR code from your hospital",
    no_hospital_body: "You will find it on your ticket, a ward poster or your discharge sheet.",
    evaluating: "You are rating: ",
    loading_survey: "Loading the survey, one moment…",
    kiosk_setup_title: "This kiosk is not set up yet",
    kiosk_setup_body: "Staff: register this kiosk on the Kiosks page, then open its setup URL here or scan its QR code.",
    kept_aside_staff: "Staff: do not clear this device's data; see the advice on the Kiosks page.",
    save_failed:
        "Your answers could not be saved just now. Press “Try again” or tell a member of staff.",
    invalid: "Some answers need a look:",
    retry: "Try again",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_land_where_each_language_puts_them() {
        assert_eq!((ZH_CN.step_of)(2, 5), "第 2 步，共 5 步");
        assert_eq!((ZH_HANT.step_of)(2, 5), "第 2 步，共 5 步");
        assert_eq!((EN.step_of)(2, 5), "Step 2 of 5");
        assert_eq!((EN.pending)(1), "1 response waiting to upload");
        assert_eq!((EN.pending)(3), "3 responses waiting to upload");
        assert_eq!((ZH_CN.pending)(3), "3 份答卷等待上传");
    }

    #[test]
    fn no_text_is_left_empty() {
        for m in [&ZH_CN, &ZH_HANT, &EN] {
            let texts = [
                m.doc_title,
                m.survey_title,
                m.intro,
                m.start,
                m.attract_title,
                m.attract_touch,
                m.choose_visit,
                m.not_applicable,
                m.overall_title,
                m.comment_label,
                m.review_title,
                m.back,
                m.next,
                m.submit,
                m.thanks_title,
                m.idle_title,
                m.idle_continue,
                m.large_text,
                m.language,
                m.save_failed,
                m.retry,
            ];
            assert!(texts.iter().all(|t| !t.trim().is_empty()));
            assert!(m.visit.iter().all(|t| !t.is_empty()));
        }
    }
}
