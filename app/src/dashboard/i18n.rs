//! The dashboard's own words in the three languages of the product
//! (docs/domain.md "Languages": zh-CN first, then zh-Hant and en).
//!
//! Item and stage titles are not here: they come from the instrument, which
//! carries a text per language. The words of the report itself (index,
//! NPS, columns, verdicts, quadrants) are those of the CLI's reports,
//! `scoring::present::words`; the keys below that name one of them take
//! it from there. Every key has all three texts because the catalogue is
//! one `match` per key: a missing translation does not compile.

use scoring::present::words::ReportWords;

pub use scoring::lang::Lang;

macro_rules! catalogue {
    (|$lang:ident, $w:ident| $($key:ident => $text:expr;)*) => {
        /// A text of the dashboard. `T::X.in_(lang)` gives it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for the completeness test.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn in_(self, $lang: Lang) -> &'static str {
                let $w = ReportWords::of($lang);
                match self {
                    $(T::$key => $text,)*
                }
            }
        }
    };
}

catalogue! {
    |lang, w|
    AppTitle => lang.choose("患者体验 · 管理看板", "患者體驗 · 管理看板", "Patient experience · Dashboard");
    SkipToContent => lang.choose("跳到内容", "跳到內容", "Skip to content");
    Language => lang.choose("语言", "語言", "Language");
    // Login
    SignIn => lang.choose("登录", "登入", "Sign in");
    SignOut => lang.choose("退出", "登出", "Sign out");
    Username => lang.choose("用户名", "使用者名稱", "Username");
    Password => lang.choose("密码", "密碼", "Password");
    SigningIn => lang.choose("正在登录…", "正在登入…", "Signing in…");
    LoginFailed => lang.choose("用户名或密码错误", "使用者名稱或密碼錯誤", "Wrong username or password");
    ServerUnreachable => lang.choose("无法连接服务器", "無法連線伺服器", "Cannot reach the server");
    OrOpenFile => lang.choose("或打开本地导出文件（CSV / JSONL），无需服务器", "或開啟本機匯出檔（CSV / JSONL），無需伺服器", "Or open a local export file (CSV / JSONL), no server needed");
    OpenFile => lang.choose("打开导出文件", "開啟匯出檔", "Open export file");
    LocalFileMode => lang.choose("本地文件", "本機檔案", "Local file");
    RoleAdmin => lang.choose("管理员", "管理員", "Administrator");
    RoleHospitalAdmin => lang.choose("医院管理员", "醫院管理員", "Hospital administrator");
    RoleDepartmentHead => lang.choose("科室主任", "科室主任", "Department head");
    Rollout => lang.choose("医院与设备", "醫院與設備", "Hospitals & kiosks");
    Cases => lang.choose("预警与整改", "預警與整改", "Cases & action plans");
    // Navigation
    NavOverview => lang.choose("总览", "總覽", "Overview");
    NavComparison => lang.choose("基线对比", "基線對比", "Comparison");
    NavStages => lang.choose("环节详情", "環節詳情", "Stages");
    NavPriorities => lang.choose("改进重点", "改進重點", "Priorities");
    NavGroups => lang.choose("分组", "分組", "Groups");
    NavBenchmark => lang.choose("单位比较", "單位比較", "Benchmark");
    NavTrend => lang.choose("趋势", "趨勢", "Trend");
    NavComments => lang.choose("意见留言", "意見留言", "Comments");
    NavPrint => lang.choose("打印版", "列印版", "Print view");
    // Filters
    Filters => lang.choose("筛选", "篩選", "Filters");
    Period => w.period;
    Baseline => w.baseline;
    NoBaseline => lang.choose("无基线", "無基線", "No baseline");
    CustomRange => lang.choose("自定义日期", "自訂日期", "Custom dates");
    From => lang.choose("起", "起", "From");
    ToExclusive => lang.choose("止（不含）", "止（不含）", "To (exclusive)");
    Hospital => lang.choose("医院", "醫院", "Hospital");
    Department => lang.choose("科室", "科室", "Department");
    VisitType => lang.choose("就诊类型", "就診類型", "Visit type");
    Channel => lang.choose("渠道", "管道", "Channel");
    All => lang.choose("全部", "全部", "All");
    CaseMix => w.case_mix;
    GroupBy => lang.choose("分组依据", "分組依據", "Group by");
    NoGrouping => lang.choose("不分组", "不分組", "No grouping");
    SuppressBelow => lang.choose("少于此数不显示", "少於此數不顯示", "Suppress below");
    Apply => lang.choose("计算", "計算", "Compute");
    Outpatient => lang.choose("门诊", "門診", "Outpatient");
    Emergency => lang.choose("急诊", "急診", "Emergency");
    Inpatient => lang.choose("住院", "住院", "Inpatient");
    Kiosk => lang.choose("自助机", "自助機", "Kiosk");
    Phone => lang.choose("手机", "手機", "Phone");
    Web => lang.choose("网页", "網頁", "Web");
    Paper => lang.choose("纸质", "紙本", "Paper");
    // Progress and state
    Downloading => lang.choose("正在下载数据", "正在下載資料", "Downloading responses");
    Reading => lang.choose("正在读取文件", "正在讀取檔案", "Reading the file");
    Parsing => lang.choose("正在校验并汇总", "正在校驗並匯總", "Checking and tallying");
    Scoring => lang.choose("正在计分", "正在計分", "Scoring");
    Tallying => lang.choose("正在按筛选重新汇总", "正在按篩選重新匯總", "Tallying for the filters");
    Responses => lang.choose("份答卷", "份答卷", "responses");
    Loaded => lang.choose("已载入", "已載入", "Loaded:");
    RecordsRejected => lang.choose("条记录无效，未计入", "筆記錄無效，未計入", "records were invalid and not counted");
    NoData => lang.choose("请选择评估期并点击“计算”。", "請選擇評估期並點選「計算」。", "Choose a period and press Compute.");
    NothingInPeriod => lang.choose("该评估期内没有答卷。", "該評估期內沒有答卷。", "No responses in this period.");
    ErrorPrefix => lang.choose("出错：", "出錯：", "Error: ");
    // Overview
    ExperienceIndex => w.index;
    Nps => w.nps;
    Promoters => w.promoters;
    Detractors => w.detractors;
    ChangeSinceBaseline => lang.choose("较基线变化", "較基線變化", "Change since baseline");
    StageScores => lang.choose("各环节得分", "各環節得分", "Stage scores");
    Stage => w.stage;
    Score => lang.choose("得分", "得分", "Score");
    Ci95 => w.ci;
    N => w.n;
    Verdict => w.verdict;
    NotComputable => lang.choose("无法计算", "無法計算", "not computable");
    ScaleNote => lang.choose("得分为 0–100 分；括号内为 95% 置信区间。", "得分為 0–100 分；括號內為 95% 信賴區間。", "Scores are on a 0–100 scale; brackets give the 95% confidence interval.");
    // Comparison
    ComparisonTitle => lang.choose("基线与本期对比", "基線與本期對比", "Baseline vs current");
    Scope => lang.choose("层级", "層級", "Level");
    ScopeItem => w.item;
    ScopeStage => w.stage;
    ScopeIndex => lang.choose("指数", "指數", "Index");
    BaselineMean => w.baseline_mean;
    CurrentMean => lang.choose("本期均分", "本期均分", "Current mean");
    Diff => lang.choose("差值", "差值", "Difference");
    QValue => lang.choose("q 值（BH 校正）", "q 值（BH 校正）", "q (BH-adjusted)");
    EffectSize => lang.choose("效应量 d", "效應量 d", "Effect size d");
    NeedsBaseline => lang.choose("请选择基线期以查看对比。", "請選擇基線期以檢視對比。", "Choose a baseline period to see the comparison.");
    // Stage drill-down
    Item => w.item;
    Distribution => lang.choose("答案分布", "答案分佈", "Answer distribution");
    Alpha => w.alpha;
    TopBox => w.top_box;
    NotApplicable => w.n_na;
    YesNoColours => lang.choose("是/否题：蓝色为较好的回答", "是/否題：藍色為較好的回答", "Yes/no items: blue is the better answer");
    ReportShown => lang.choose("本报告：", "本報告：", "This report: ");
    On => lang.choose("开", "開", "on");
    ChooseStage => lang.choose("选择环节", "選擇環節", "Choose a stage");
    // Priorities
    PrioritiesTitle => lang.choose("关键驱动因素", "關鍵驅動因素", "Key drivers");
    Importance => lang.choose("重要性（与总体评分的相关 r）", "重要性（與總體評分的相關 r）", "Importance (r with overall rating)");
    Performance => lang.choose("表现（均值）", "表現（均值）", "Performance (mean)");
    Quadrant => lang.choose("象限", "象限", "Quadrant");
    FixFirstHelp => lang.choose("重要性高于中位数、表现低于中位数的条目。", "重要性高於中位數、表現低於中位數的條目。", "Items above the median in importance and below it in performance.");
    NothingToFix => lang.choose("没有落在“优先改进”象限的条目。", "沒有落在「優先改進」象限的條目。", "No item falls in the fix-first quadrant.");
    Median => lang.choose("中位数", "中位數", "median");
    // Groups
    GroupsTitle => lang.choose("分组比较", "分組比較", "Groups side by side");
    Group => lang.choose("分组", "分組", "Group");
    ChooseGrouping => lang.choose("请在筛选中选择“分组依据”（医院或科室）。", "請在篩選中選擇「分組依據」（醫院或科室）。", "Choose “Group by” (hospital or department) in the filters.");
    FewerThan => lang.choose("少于 {n} 份答卷，不予显示", "少於 {n} 份答卷，不予顯示", "fewer than {n} responses");
    // Benchmark (docs/scoring.md §10)
    BenchmarkTitle => w.units;
    Measure => w.measure;
    Unit => w.unit;
    Target => w.target;
    VsRest => w.unit_verdict;
    DiffVsRest => w.difference;
    Band => w.band;
    Reliability => w.reliability;
    Limits95 => w.limits95;
    Limits998 => w.limits998;
    ResponsesAxis => lang.choose("答卷数 n", "答卷數 n", "Responses n");
    UnitsNeedGrouping => lang.choose("单位比较需要分组：请在筛选中选择“分组依据”（医院或科室）并点击“计算”。", "單位比較需要分組：請在篩選中選擇「分組依據」（醫院或科室）並點選「計算」。", "Units are compared only when grouped: choose “Group by” (hospital or department) in the filters and press Compute.");
    UnitsTooFew => lang.choose("可比较的单位少于 3 个（答卷过少的单位不显示），无法比较。请选择其他分组或更长的评估期。", "可比較的單位少於 3 個（答卷過少的單位不顯示），無法比較。請選擇其他分組或更長的評估期。", "Fewer than 3 units can be compared (units with too few responses are hidden). Choose another grouping or a longer period.");
    WhatThisMeans => w.what_this_means;
    BelowTarget => w.below_target;
    StillNeeded => w.still_needed;
    FunnelTitle => w.funnel;
    UnitsNote => w.units_note;
    // Trend
    TrendTitle => lang.choose("月度趋势", "月度趨勢", "Monthly trend");
    Month => lang.choose("月份", "月份", "Month");
    XmrTitle => w.control_charts;
    Centre => w.centre;
    ControlLimits => lang.choose("控制限", "管制界限", "Limits");
    Signals => w.signals;
    NoSignals => w.no_signal;
    XmrTooFew => w.no_chart;
    ChooseGroup => lang.choose("选择分组", "選擇分組", "Choose a group");
    // Comments
    CommentsTitle => lang.choose("患者留言", "患者留言", "Patient comments");
    Search => lang.choose("搜索", "搜尋", "Search");
    CommentsShown => lang.choose("显示 {shown} / 共 {total} 条", "顯示 {shown} / 共 {total} 則", "showing {shown} of {total}");
    NoComments => lang.choose("没有符合条件的留言。", "沒有符合條件的留言。", "No matching comments.");
    CommentsPrivacy => lang.choose("留言可能含个人信息，仅限管理员查看，请勿外传。", "留言可能含個人資訊，僅限管理員檢視，請勿外傳。", "Comments may contain personal data: administrators only, do not share.");
    CommentsNeedLogin => lang.choose("留言仅对登录的管理员显示。", "留言僅對登入的管理員顯示。", "Comments are shown to signed-in administrators only.");
    CommentThemes => lang.choose("留言主题", "留言主題", "Themes in comments");
    CommentsAnalysing => lang.choose("正在分析留言…", "正在分析留言…", "Analysing comments…");
    CommentsJson => lang.choose("留言分析 JSON", "留言分析 JSON", "Comment analysis JSON");
    AllComments => lang.choose("全部留言", "全部留言", "All comments");
    QuotesOf => lang.choose("“{theme}”的留言", "「{theme}」的留言", "Comments on {theme}");
    ShowAllComments => lang.choose("显示全部留言", "顯示全部留言", "Show all comments");
    ShowQuotesOf => lang.choose("查看“{theme}”的留言", "檢視「{theme}」的留言", "Show the comments on {theme}");
    // Export
    Export => lang.choose("导出", "匯出", "Export");
    ReportJson => lang.choose("报告 JSON", "報告 JSON", "Report JSON");
    CsvItems => lang.choose("条目表 CSV", "條目表 CSV", "Items CSV");
    CsvStages => lang.choose("环节表 CSV", "環節表 CSV", "Stages CSV");
    CsvComparisons => lang.choose("对比表 CSV", "對比表 CSV", "Comparison CSV");
    CsvGroups => lang.choose("分组表 CSV", "分組表 CSV", "Groups CSV");
    Print => lang.choose("打印", "列印", "Print");
    ShowTable => lang.choose("以表格查看", "以表格檢視", "Show as a table");
}

/// Fills `{name}` placeholders of a catalogue text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
