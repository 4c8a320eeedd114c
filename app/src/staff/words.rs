//! The words of signing in and of the staff header in the three
//! languages (docs/domain.md "Languages"). One `match` per key: a missing
//! translation does not compile.

pub use scoring::lang::Lang;

macro_rules! catalogue {
    (|$lang:ident| $($key:ident => $text:expr;)*) => {
        /// A text of the staff pages' frame. `W::X.in_(lang)` gives it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum W { $($key,)* }

        impl W {
            /// Every key, for the completeness test.
            pub const ALL: &'static [W] = &[$(W::$key,)*];

            pub fn in_(self, $lang: Lang) -> &'static str {
                match self {
                    $(W::$key => $text,)*
                }
            }
        }
    };
}

catalogue! {
    |lang|
    SkipToContent => lang.choose("跳到内容", "跳到內容", "Skip to content");
    Language => lang.choose("语言", "語言", "Language");
    SignIn => lang.choose("登录", "登入", "Sign in");
    SignOut => lang.choose("退出", "登出", "Sign out");
    Username => lang.choose("用户名", "使用者名稱", "Username");
    Password => lang.choose("密码", "密碼", "Password");
    LoginFailed => lang.choose("用户名或密码错误", "使用者名稱或密碼錯誤", "Wrong username or password");
    ServerUnreachable => lang.choose("无法连接服务器", "無法連線伺服器", "Cannot reach the server");
    RoleAdmin => lang.choose("管理员", "管理員", "Administrator");
    RoleHospitalAdmin => lang.choose("医院管理员", "醫院管理員", "Hospital administrator");
    RoleDepartmentHead => lang.choose("科室主任", "科室主任", "Department head");
    Loading => lang.choose("正在加载…", "正在載入…", "Loading…");
    ToDashboard => lang.choose("管理看板", "管理看板", "Dashboard");
    ToRollout => lang.choose("医院与设备", "醫院與設備", "Hospitals & kiosks");
    ToCases => lang.choose("预警与整改", "預警與整改", "Cases & action plans");
    StaffPages => lang.choose("管理页面", "管理頁面", "Staff pages");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_every_language() {
        for w in W::ALL {
            for lang in Lang::ALL {
                assert!(!w.in_(lang).is_empty(), "{w:?} in {lang:?}");
            }
        }
    }
}
