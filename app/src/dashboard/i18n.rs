//! The dashboard's own words in the three languages of the product
//! (docs/domain.md "Languages": zh-CN first, then zh-Hant and en).
//!
//! Item and stage titles are not here: they come from the instrument, which
//! carries a text per language. Every key has all three texts because the
//! catalogue is one `match` per key: a missing translation does not compile.

use serde::{Deserialize, Serialize};

/// A display language of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhHant,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, as used by the instrument's text maps and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }
}

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $hant:literal, $en:literal;)*) => {
        /// A text of the dashboard. `T::X.in_(lang)` gives it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for the completeness test.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn in_(self, lang: Lang) -> &'static str {
                match self {
                    $(T::$key => match lang {
                        Lang::ZhCn => $zh,
                        Lang::ZhHant => $hant,
                        Lang::En => $en,
                    },)*
                }
            }
        }
    };
}

catalogue! {
    AppTitle => "患者体验 · 管理看板", "患者體驗 · 管理看板", "Patient experience · Dashboard";
    SkipToContent => "跳到内容", "跳到內容", "Skip to content";
    Language => "语言", "語言", "Language";
    // Login
    SignIn => "登录", "登入", "Sign in";
    SignOut => "退出", "登出", "Sign out";
    Username => "用户名", "使用者名稱", "Username";
    Password => "密码", "密碼", "Password";
    SigningIn => "正在登录…", "正在登入…", "Signing in…";
    LoginFailed => "用户名或密码错误", "使用者名稱或密碼錯誤", "Wrong username or password";
    ServerUnreachable => "无法连接服务器", "無法連線伺服器", "Cannot reach the server";
    OrOpenFile => "或打开本地导出文件（CSV / JSONL），无需服务器", "或開啟本機匯出檔（CSV / JSONL），無需伺服器", "Or open a local export file (CSV / JSONL), no server needed";
    OpenFile => "打开导出文件", "開啟匯出檔", "Open export file";
    LocalFileMode => "本地文件", "本機檔案", "Local file";
    RoleAdmin => "管理员", "管理員", "Administrator";
    RoleHospitalAdmin => "医院管理员", "醫院管理員", "Hospital administrator";
    // Navigation
    NavOverview => "总览", "總覽", "Overview";
    NavComparison => "基线对比", "基線對比", "Comparison";
    NavStages => "环节详情", "環節詳情", "Stages";
    NavPriorities => "改进重点", "改進重點", "Priorities";
    NavGroups => "分组", "分組", "Groups";
    NavTrend => "趋势", "趨勢", "Trend";
    NavComments => "意见留言", "意見留言", "Comments";
    NavPrint => "打印版", "列印版", "Print view";
    // Filters
    Filters => "筛选", "篩選", "Filters";
    Period => "评估期", "評估期", "Period";
    Baseline => "基线期", "基線期", "Baseline";
    NoBaseline => "无基线", "無基線", "No baseline";
    CustomRange => "自定义日期", "自訂日期", "Custom dates";
    From => "起", "起", "From";
    ToExclusive => "止（不含）", "止（不含）", "To (exclusive)";
    Hospital => "医院", "醫院", "Hospital";
    Department => "科室", "科室", "Department";
    VisitType => "就诊类型", "就診類型", "Visit type";
    Channel => "渠道", "管道", "Channel";
    All => "全部", "全部", "All";
    CaseMix => "病例组合调整", "病例組合調整", "Case-mix adjustment";
    GroupBy => "分组依据", "分組依據", "Group by";
    NoGrouping => "不分组", "不分組", "No grouping";
    SuppressBelow => "少于此数不显示", "少於此數不顯示", "Suppress below";
    Apply => "计算", "計算", "Compute";
    Outpatient => "门诊", "門診", "Outpatient";
    Emergency => "急诊", "急診", "Emergency";
    Inpatient => "住院", "住院", "Inpatient";
    Kiosk => "自助机", "自助機", "Kiosk";
    Phone => "手机", "手機", "Phone";
    Web => "网页", "網頁", "Web";
    Paper => "纸质", "紙本", "Paper";
    // Progress and state
    Downloading => "正在下载数据", "正在下載資料", "Downloading responses";
    Reading => "正在读取文件", "正在讀取檔案", "Reading the file";
    Parsing => "正在校验并汇总", "正在校驗並匯總", "Checking and tallying";
    Scoring => "正在计分", "正在計分", "Scoring";
    Tallying => "正在按筛选重新汇总", "正在按篩選重新匯總", "Tallying for the filters";
    Responses => "份答卷", "份答卷", "responses";
    Loaded => "已载入", "已載入", "Loaded:";
    RecordsRejected => "条记录无效，未计入", "筆記錄無效，未計入", "records were invalid and not counted";
    NoData => "请选择评估期并点击“计算”。", "請選擇評估期並點選「計算」。", "Choose a period and press Compute.";
    NothingInPeriod => "该评估期内没有答卷。", "該評估期內沒有答卷。", "No responses in this period.";
    ErrorPrefix => "出错：", "出錯：", "Error: ";
    // Overview
    ExperienceIndex => "体验指数", "體驗指數", "Experience index";
    Nps => "净推荐值", "淨推薦值", "Net promoter score";
    Promoters => "推荐者", "推薦者", "Promoters";
    Detractors => "贬损者", "貶損者", "Detractors";
    ChangeSinceBaseline => "较基线变化", "較基線變化", "Change since baseline";
    StageScores => "各环节得分", "各環節得分", "Stage scores";
    Stage => "环节", "環節", "Stage";
    Score => "得分", "得分", "Score";
    Ci95 => "95% 置信区间", "95% 信賴區間", "95% CI";
    N => "样本数", "樣本數", "n";
    Verdict => "结论", "結論", "Verdict";
    Improved => "改善", "改善", "Improved";
    Declined => "下降", "下降", "Declined";
    NoChange => "无显著变化", "無顯著變化", "No significant change";
    Insufficient => "样本不足", "樣本不足", "Too few responses";
    NotComputable => "无法计算", "無法計算", "not computable";
    ScaleNote => "得分为 0–100 分；括号内为 95% 置信区间。", "得分為 0–100 分；括號內為 95% 信賴區間。", "Scores are on a 0–100 scale; brackets give the 95% confidence interval.";
    // Comparison
    ComparisonTitle => "基线与本期对比", "基線與本期對比", "Baseline vs current";
    Scope => "层级", "層級", "Level";
    ScopeItem => "条目", "條目", "Item";
    ScopeStage => "环节", "環節", "Stage";
    ScopeIndex => "指数", "指數", "Index";
    BaselineMean => "基线均值", "基線均值", "Baseline mean";
    CurrentMean => "本期均值", "本期均值", "Current mean";
    Diff => "差值", "差值", "Difference";
    QValue => "q 值（BH 校正）", "q 值（BH 校正）", "q (BH-adjusted)";
    EffectSize => "效应量 d", "效應量 d", "Effect size d";
    NeedsBaseline => "请选择基线期以查看对比。", "請選擇基線期以檢視對比。", "Choose a baseline period to see the comparison.";
    // Stage drill-down
    Item => "条目", "條目", "Item";
    Distribution => "答案分布", "答案分佈", "Answer distribution";
    Alpha => "克朗巴赫 α", "克朗巴赫 α", "Cronbach's α";
    TopBox => "非常满意比例", "非常滿意比例", "Top box";
    NotApplicable => "不适用", "不適用", "Not applicable";
    VeryDissatisfied => "非常不满意", "非常不滿意", "Very dissatisfied";
    Dissatisfied => "不满意", "不滿意", "Dissatisfied";
    Neutral => "一般", "普通", "Neutral";
    Satisfied => "满意", "滿意", "Satisfied";
    VerySatisfied => "非常满意", "非常滿意", "Very satisfied";
    No => "否", "否", "No";
    Yes => "是", "是", "Yes";
    YesNoColours => "是/否题：蓝色为较好的回答", "是/否題：藍色為較好的回答", "Yes/no items: blue is the better answer";
    ReportShown => "本报告：", "本報告：", "This report: ";
    On => "开", "開", "on";
    ChooseStage => "选择环节", "選擇環節", "Choose a stage";
    // Priorities
    PrioritiesTitle => "关键驱动因素", "關鍵驅動因素", "Key drivers";
    Importance => "重要性（与总体评分的相关 r）", "重要性（與總體評分的相關 r）", "Importance (r with overall rating)";
    Performance => "表现（均值）", "表現（均值）", "Performance (mean)";
    FixFirst => "优先改进", "優先改進", "Fix first";
    KeepUp => "继续保持", "繼續保持", "Keep up";
    Secondary => "次要", "次要", "Secondary";
    Surplus => "相对富余", "相對富餘", "Surplus";
    Quadrant => "象限", "象限", "Quadrant";
    FixFirstHelp => "重要性高于中位数、表现低于中位数的条目。", "重要性高於中位數、表現低於中位數的條目。", "Items above the median in importance and below it in performance.";
    NothingToFix => "没有落在“优先改进”象限的条目。", "沒有落在「優先改進」象限的條目。", "No item falls in the fix-first quadrant.";
    Median => "中位数", "中位數", "median";
    // Groups
    GroupsTitle => "分组比较", "分組比較", "Groups side by side";
    Group => "分组", "分組", "Group";
    ChooseGrouping => "请在筛选中选择“分组依据”（医院或科室）。", "請在篩選中選擇「分組依據」（醫院或科室）。", "Choose “Group by” (hospital or department) in the filters.";
    FewerThan => "少于 {n} 份答卷，不予显示", "少於 {n} 份答卷，不予顯示", "fewer than {n} responses";
    // Trend
    TrendTitle => "月度趋势", "月度趨勢", "Monthly trend";
    Month => "月份", "月份", "Month";
    // Comments
    CommentsTitle => "患者留言", "患者留言", "Patient comments";
    Search => "搜索", "搜尋", "Search";
    CommentsShown => "显示 {shown} / 共 {total} 条", "顯示 {shown} / 共 {total} 則", "showing {shown} of {total}";
    NoComments => "没有符合条件的留言。", "沒有符合條件的留言。", "No matching comments.";
    CommentsPrivacy => "留言可能含个人信息，仅限管理员查看，请勿外传。", "留言可能含個人資訊，僅限管理員檢視，請勿外傳。", "Comments may contain personal data: administrators only, do not share.";
    CommentsNeedLogin => "留言仅对登录的管理员显示。", "留言僅對登入的管理員顯示。", "Comments are shown to signed-in administrators only.";
    // Export
    Export => "导出", "匯出", "Export";
    ReportJson => "报告 JSON", "報告 JSON", "Report JSON";
    CsvItems => "条目表 CSV", "條目表 CSV", "Items CSV";
    CsvStages => "环节表 CSV", "環節表 CSV", "Stages CSV";
    CsvComparisons => "对比表 CSV", "對比表 CSV", "Comparison CSV";
    CsvGroups => "分组表 CSV", "分組表 CSV", "Groups CSV";
    Print => "打印", "列印", "Print";
    ShowTable => "以表格查看", "以表格檢視", "Show as a table";
}

/// Fills `{name}` placeholders of a catalogue text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
