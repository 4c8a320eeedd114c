//! The roll-out pages' words in the three languages of the product
//! (docs/domain.md "Languages"). One `match` per key: a missing
//! translation does not compile.

pub use scoring::lang::Lang;

macro_rules! catalogue {
    (|$lang:ident| $($key:ident => $text:expr;)*) => {
        /// A text of the roll-out pages. `T::X.in_(lang)` gives it.
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
    AppTitle => lang.choose("医院与设备", "醫院與設備", "Hospitals & kiosks");
    Loading => lang.choose("正在加载…", "正在載入…", "Loading…");
    // Navigation
    NavRegistry => lang.choose("医院与科室", "醫院與科室", "Registry");
    NavPosters => lang.choose("二维码海报", "二維碼海報", "Posters");
    NavKiosks => lang.choose("自助机", "自助機", "Kiosks");
    // Registry
    RegistryTitle => lang.choose("医院与科室名称", "醫院與科室名稱", "Hospitals and departments");
    RegistryHelp => lang.choose("答卷只记录代码；这里填写的名称显示在问卷欢迎页、管理看板和报告中。", "答卷只記錄代碼；這裡填寫的名稱顯示在問卷歡迎頁、管理看板和報告中。", "Responses carry codes only; the names entered here are what the survey's welcome screen, the dashboard and the reports show.");
    Hospital => lang.choose("医院", "醫院", "Hospital");
    Hospitals => lang.choose("医院列表", "醫院列表", "Hospitals");
    Code => lang.choose("代码", "代碼", "Code");
    NameZhCn => lang.choose("名称（简体中文）", "名稱（簡體中文）", "Name (Simplified Chinese)");
    NameZhHant => lang.choose("名称（繁体中文）", "名稱（繁體中文）", "Name (Traditional Chinese)");
    NameEn => lang.choose("名称（英文）", "名稱（英文）", "Name (English)");
    Level => lang.choose("等级", "等級", "Level");
    Kind => lang.choose("类别", "類別", "Kind");
    Region => lang.choose("地区", "地區", "Region");
    NotSet => lang.choose("未填写", "未填寫", "Not set");
    KindGeneral => lang.choose("综合医院", "綜合醫院", "General hospital");
    KindSpecialist => lang.choose("专科医院", "專科醫院", "Specialist hospital");
    KindTcm => lang.choose("中医医院", "中醫醫院", "TCM hospital");
    Departments => lang.choose("科室", "科室", "Departments");
    Department => lang.choose("科室", "科室", "Department");
    Active => lang.choose("启用", "啟用", "Active");
    AddDepartment => lang.choose("添加科室", "新增科室", "Add a department");
    Save => lang.choose("保存", "儲存", "Save");
    Saving => lang.choose("正在保存…", "正在儲存…", "Saving…");
    Saved => lang.choose("已保存。", "已儲存。", "Saved.");
    NewHospital => lang.choose("新建医院", "新增醫院", "New hospital");
    Create => lang.choose("创建", "建立", "Create");
    NoHospitals => lang.choose("尚未登记任何医院。", "尚未登記任何醫院。", "No hospital is registered yet.");
    Unregistered => lang.choose("未登记的代码", "未登記的代碼", "Unregistered codes");
    UnregisteredHelp => lang.choose("这些代码出现在答卷中，但没有登记。通常是二维码印错了：请核对张贴的海报，或在上方登记该代码。", "這些代碼出現在答卷中，但沒有登記。通常是二維碼印錯了：請核對張貼的海報，或在上方登記該代碼。", "These codes appear in responses but are not registered. Usually a QR code was misprinted: check the posters on the walls, or register the code above.");
    NoUnregistered => lang.choose("所有答卷的代码均已登记。", "所有答卷的代碼均已登記。", "Every code in the responses is registered.");
    Responses => lang.choose("答卷数", "答卷數", "Responses");
    ExportRegistry => lang.choose("导出 registry.json", "匯出 registry.json", "Export registry.json");
    ExportRegistryHelp => lang.choose("供命令行 tiyan … --registry registry.json 在报告中显示名称。", "供命令列 tiyan … --registry registry.json 在報告中顯示名稱。", "For the command line: tiyan … --registry registry.json shows names in its reports.");
    // Posters
    PostersTitle => lang.choose("二维码海报", "二維碼海報", "QR posters");
    PostersHelp => lang.choose("每张 A4 海报下方附一张 A6 桌牌。二维码指向该科室的问卷。", "每張 A4 海報下方附一張 A6 桌牌。二維碼指向該科室的問卷。", "Each A4 poster has an A6 table tent on the same sheet. The QR code opens the department's survey.");
    VisitType => lang.choose("就诊类型", "就診類型", "Visit type");
    VisitAny => lang.choose("由患者选择", "由患者選擇", "Patient chooses");
    Outpatient => lang.choose("门诊", "門診", "Outpatient");
    Emergency => lang.choose("急诊", "急診", "Emergency");
    Inpatient => lang.choose("住院", "住院", "Inpatient");
    ChooseDepartments => lang.choose("选择科室", "選擇科室", "Choose departments");
    SelectAll => lang.choose("全选", "全選", "Select all");
    PrintBatch => lang.choose("打印所选海报", "列印所選海報", "Print the chosen posters");
    NoneChosen => lang.choose("请至少选择一个科室。", "請至少選擇一個科室。", "Choose at least one department.");
    PosterOf => lang.choose("海报预览：", "海報預覽：", "Poster preview: ");
    // Kiosks
    KiosksTitle => lang.choose("自助机", "自助機", "Kiosks");
    RegisterKiosk => lang.choose("登记新自助机", "登記新自助機", "Register a kiosk");
    KioskName => lang.choose("名称", "名稱", "Name");
    Location => lang.choose("位置", "位置", "Location");
    Register => lang.choose("登记", "登記", "Register");
    SetupUrl => lang.choose("设置网址", "設定網址", "Setup URL");
    SetupHelp => lang.choose("在自助机上打开此网址一次（或用自助机扫描二维码），它就成为这台自助机。网址只能使用一次。", "在自助機上開啟此網址一次（或用自助機掃描二維碼），它就成為這台自助機。網址只能使用一次。", "Open this URL once on the kiosk (or scan the QR code with it) and the device becomes this kiosk. The URL works once.");
    NewSetupUrl => lang.choose("新的设置网址", "新的設定網址", "New setup URL");
    SetupQr => lang.choose("设置网址的二维码", "設定網址的二維碼", "QR code of the setup URL");
    Refresh => lang.choose("刷新", "重新整理", "Refresh");
    NoKiosks => lang.choose("尚未登记自助机。", "尚未登記自助機。", "No kiosk is registered yet.");
    State => lang.choose("状态", "狀態", "State");
    LastSeen => lang.choose("最近联系", "最近聯繫", "Last seen");
    Version => lang.choose("版本", "版本", "Version");
    Pending => lang.choose("待上传", "待上傳", "Waiting");
    Rejected => lang.choose("被拒收", "被拒收", "Refused");
    LastDelivered => lang.choose("最近送达", "最近送達", "Last delivered");
    WhatToDo => lang.choose("处理建议", "處理建議", "What to do");
    Never => lang.choose("从未", "從未", "never");
    StateOk => lang.choose("正常", "正常", "OK");
    StateSilent => lang.choose("失联", "失聯", "Silent");
    StateBacklog => lang.choose("积压", "積壓", "Backlog");
    StateRejects => lang.choose("有拒收", "有拒收", "Refused answers");
    AdviceOk => lang.choose("无需处理。", "無需處理。", "Nothing to do.");
    AdviceSilent => lang.choose("超过 60 分钟没有消息：检查自助机是否开机、问卷页面是否打开。", "超過 60 分鐘沒有消息：檢查自助機是否開機、問卷頁面是否開啟。", "No word for over 60 minutes: check that the kiosk is on and shows the survey.");
    AdviceBacklog => lang.choose("答卷等待超过 30 分钟：检查自助机的网络连接；答卷保存在自助机上，联网后自动上传，请勿清除浏览器数据。", "答卷等待超過 30 分鐘：檢查自助機的網路連線；答卷保存在自助機上，連網後自動上傳，請勿清除瀏覽器資料。", "Answers have waited over 30 minutes: check the kiosk's network. They are kept on the kiosk and upload once it is online; do not clear its browser data.");
    AdviceRejects => lang.choose("服务器拒收了部分答卷：请勿清除浏览器数据，联系技术支持取回这些答卷并检查问卷版本与二维码。", "伺服器拒收了部分答卷：請勿清除瀏覽器資料，聯繫技術支援取回這些答卷並檢查問卷版本與二維碼。", "The server refused some answers: do not clear the kiosk's browser data; ask technical support to recover them and check the survey version and QR code.");
    KiosksTable => lang.choose("自助机列表", "自助機列表", "Kiosks");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_every_language() {
        for key in T::ALL {
            for lang in Lang::ALL {
                assert!(!key.in_(lang).trim().is_empty(), "{key:?} in {lang:?}");
            }
            assert_ne!(key.in_(Lang::ZhCn), key.in_(Lang::En), "{key:?}");
        }
    }
}
