//! The hospital registry (docs/formats.md §7): hospitals and their
//! departments with names in the product's three languages.
//!
//! Codes are what responses carry; names are what people read. The same
//! [`Hospital`] is the body of `GET|PUT /hospitals/{hospital}`, an element
//! of `GET /hospitals`, and of the registry file the CLI's reports read.

use scoring::lang::Lang;
use serde::{Deserialize, Serialize};

/// At most this many characters in a name or a region.
pub const NAME_MAX_CHARS: usize = 120;
/// At most this many departments per hospital.
pub const DEPARTMENTS_MAX: usize = 300;
/// At most this many characters in a department code (as in a response).
pub const DEPARTMENT_CODE_MAX_CHARS: usize = 64;

/// A name in the three languages. An empty text means "not given": the
/// reader falls back as everywhere in the product ([`Names::pick`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    #[serde(rename = "zh-CN", default)]
    pub zh_cn: String,
    #[serde(rename = "zh-Hant", default)]
    pub zh_hant: String,
    #[serde(default)]
    pub en: String,
}

impl Names {
    /// The text in `lang`, else Simplified Chinese, else any, else "".
    pub fn pick(&self, lang: Lang) -> &str {
        [self.get(lang), self.zh_cn.as_str(), &self.zh_hant, &self.en]
            .into_iter()
            .find(|text| !text.is_empty())
            .unwrap_or("")
    }

    /// The text in `lang`, possibly empty.
    pub fn get(&self, lang: Lang) -> &str {
        lang.choose(&self.zh_cn, &self.zh_hant, &self.en)
    }

    /// Each language with its text, in display order.
    pub fn each(&self) -> [(Lang, &str); 3] {
        [
            (Lang::ZhCn, self.zh_cn.as_str()),
            (Lang::ZhHant, self.zh_hant.as_str()),
            (Lang::En, self.en.as_str()),
        ]
    }
}

/// The hospital's grade in the national grading (医院等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "三级")]
    Tertiary,
    #[serde(rename = "二级")]
    Secondary,
    #[serde(rename = "一级")]
    Primary,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Tertiary, Level::Secondary, Level::Primary];

    /// The JSON and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Tertiary => "三级",
            Level::Secondary => "二级",
            Level::Primary => "一级",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// What kind of hospital: general (综合), specialist (专科), traditional
/// Chinese medicine (中医).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HospitalKind {
    General,
    Specialist,
    Tcm,
}

impl HospitalKind {
    pub const ALL: [HospitalKind; 3] = [
        HospitalKind::General,
        HospitalKind::Specialist,
        HospitalKind::Tcm,
    ];

    /// The JSON and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            HospitalKind::General => "general",
            HospitalKind::Specialist => "specialist",
            HospitalKind::Tcm => "tcm",
        }
    }

    pub fn parse(s: &str) -> Option<HospitalKind> {
        HospitalKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

fn active_by_default() -> bool {
    true
}

/// A department of a hospital. An inactive department keeps its names
/// for past responses and reports, but the survey's welcome screen
/// (`GET /public/{hospital}`) no longer lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// What responses carry in `department` (`cardiology`).
    pub code: String,
    pub names: Names,
    #[serde(default = "active_by_default")]
    pub active: bool,
}

/// `GET|PUT /hospitals/{hospital}`; `GET /hospitals` is an array of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hospital {
    pub code: String,
    pub names: Names,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub kind: Option<HospitalKind>,
    #[serde(default)]
    pub region: Option<String>,
    /// In the order staff gave them (the survey and the editor show them so).
    #[serde(default)]
    pub departments: Vec<Department>,
}

impl Hospital {
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }
}

/// The hospital of `code` in a registry (the body of `GET /hospitals`, or
/// the CLI's `--registry` file).
pub fn find_hospital<'a>(registry: &'a [Hospital], code: &str) -> Option<&'a Hospital> {
    registry.iter().find(|h| h.code == code)
}

/// A department as the survey shows it: `GET /public/{hospital}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicDepartment {
    pub code: String,
    pub names: Names,
}

/// `GET /public/{hospital}` (no sign-in): the names the survey's welcome
/// screen shows ("您正在评价：XX医院 · 心内科"), active departments only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicHospital {
    pub code: String,
    pub names: Names,
    pub departments: Vec<PublicDepartment>,
}

impl From<&Hospital> for PublicHospital {
    fn from(hospital: &Hospital) -> PublicHospital {
        PublicHospital {
            code: hospital.code.clone(),
            names: hospital.names.clone(),
            departments: hospital
                .departments
                .iter()
                .filter(|d| d.active)
                .map(|d| PublicDepartment {
                    code: d.code.clone(),
                    names: d.names.clone(),
                })
                .collect(),
        }
    }
}

/// A hospital code that responses carry but the registry does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnregisteredHospital {
    pub code: String,
    /// Responses in scope carrying it.
    pub responses: u64,
}

/// A department code that responses of `hospital` carry but the registry
/// does not list for it (the hospital itself may be unregistered too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnregisteredDepartment {
    pub hospital: String,
    pub code: String,
    pub responses: u64,
}

/// `GET /hospitals/unregistered`: the codes staff should look at (a
/// misprinted QR code, a ward not yet registered), most responses first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unregistered {
    pub hospitals: Vec<UnregisteredHospital>,
    pub departments: Vec<UnregisteredDepartment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hospital_reads_the_contract_shape() {
        let body = r#"{"code":"H001","names":{"zh-CN":"市第一人民医院","zh-Hant":"市第一人民醫院","en":"First People's Hospital"},
            "level":"三级","kind":"general","region":"东区",
            "departments":[{"code":"cardiology","names":{"zh-CN":"心内科","zh-Hant":"心內科","en":"Cardiology"},"active":true},
                           {"code":"ent","names":{"zh-CN":"耳鼻喉科"}}]}"#;
        let hospital: Hospital = serde_json::from_str(body).unwrap();
        assert_eq!(hospital.level, Some(Level::Tertiary));
        assert_eq!(hospital.kind, Some(HospitalKind::General));
        assert_eq!(hospital.departments[1].names.pick(Lang::En), "耳鼻喉科");
        assert!(hospital.departments[1].active, "active unless said");
        let again: Hospital =
            serde_json::from_str(&serde_json::to_string(&hospital).unwrap()).unwrap();
        assert_eq!(again, hospital);
        let text = serde_json::to_string(&hospital.names).unwrap();
        assert_eq!(
            text,
            r#"{"zh-CN":"市第一人民医院","zh-Hant":"市第一人民醫院","en":"First People's Hospital"}"#
        );
    }

    #[test]
    fn level_and_kind_may_be_null_but_not_anything() {
        let hospital: Hospital =
            serde_json::from_str(r#"{"code":"H9","names":{"zh-CN":"卫生院"},"level":null}"#)
                .unwrap();
        assert_eq!((hospital.level, hospital.kind), (None, None));
        assert!(serde_json::from_str::<Hospital>(
            r#"{"code":"H9","names":{"zh-CN":"卫生院"},"level":"四级"}"#
        )
        .is_err());
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
        for kind in HospitalKind::ALL {
            assert_eq!(HospitalKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn the_public_view_lists_active_departments_only() {
        let mut hospital: Hospital = serde_json::from_str(
            r#"{"code":"H001","names":{"zh-CN":"医院"},"departments":[
                {"code":"a","names":{"zh-CN":"甲"}},{"code":"b","names":{"zh-CN":"乙"},"active":false}]}"#,
        )
        .unwrap();
        let public = PublicHospital::from(&hospital);
        let codes: Vec<&str> = public.departments.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["a"]);
        hospital.departments.clear();
        assert!(PublicHospital::from(&hospital).departments.is_empty());
    }

    #[test]
    fn names_fall_back_to_simplified_chinese_then_any() {
        let names = Names {
            zh_cn: String::new(),
            zh_hant: String::new(),
            en: "Clinic".into(),
        };
        assert_eq!(names.pick(Lang::ZhCn), "Clinic");
        let names = Names {
            zh_cn: "诊所".into(),
            zh_hant: String::new(),
            en: "Clinic".into(),
        };
        assert_eq!(names.pick(Lang::ZhHant), "诊所");
        assert_eq!(names.pick(Lang::En), "Clinic");
    }
}
