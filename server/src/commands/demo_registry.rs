//! The registry of the demo hospitals (`seed-demo`): names in the three
//! languages for `H001`… and for every department code the generated
//! responses carry, and one hall kiosk.

use scoring::generate::hospital_departments;
use wire::{Department, Hospital, HospitalKind, Level, Names};

fn names(zh_cn: &str, zh_hant: &str, en: &str) -> Names {
    Names {
        zh_cn: zh_cn.to_owned(),
        zh_hant: zh_hant.to_owned(),
        en: en.to_owned(),
    }
}

/// The five hospital profiles of `scoring::generate`, in order: who they
/// are, in the fictional city of Jiangzhou (江州).
const HOSPITALS: [(&str, &str, &str, Level, HospitalKind, &str); 5] = [
    (
        "江州市第一人民医院",
        "江州市第一人民醫院",
        "Jiangzhou First People's Hospital",
        Level::Tertiary,
        HospitalKind::General,
        "江州市 东城区",
    ),
    (
        "江州市中医院",
        "江州市中醫院",
        "Jiangzhou Hospital of Traditional Chinese Medicine",
        Level::Tertiary,
        HospitalKind::Tcm,
        "江州市 西城区",
    ),
    (
        "江州市妇幼保健院",
        "江州市婦幼保健院",
        "Jiangzhou Maternal and Child Health Hospital",
        Level::Secondary,
        HospitalKind::Specialist,
        "江州市 南湖区",
    ),
    (
        "青山县人民医院",
        "青山縣人民醫院",
        "Qingshan County People's Hospital",
        Level::Secondary,
        HospitalKind::General,
        "江州市 青山县",
    ),
    (
        "江州市肿瘤医院",
        "江州市腫瘤醫院",
        "Jiangzhou Cancer Hospital",
        Level::Tertiary,
        HospitalKind::Specialist,
        "江州市 北城区",
    ),
];

/// Every department code of the generator, named.
const DEPARTMENTS: [(&str, &str, &str, &str); 32] = [
    ("emergency", "急诊科", "急診科", "Emergency Department"),
    ("cardiology", "心血管内科", "心血管內科", "Cardiology"),
    (
        "respiratory",
        "呼吸内科",
        "呼吸內科",
        "Respiratory Medicine",
    ),
    (
        "gastroenterology",
        "消化内科",
        "消化內科",
        "Gastroenterology",
    ),
    ("neurology", "神经内科", "神經內科", "Neurology"),
    ("endocrinology", "内分泌科", "內分泌科", "Endocrinology"),
    ("general_surgery", "普通外科", "普通外科", "General Surgery"),
    ("orthopaedics", "骨科", "骨科", "Orthopaedics"),
    (
        "obstetrics_gynaecology",
        "妇产科",
        "婦產科",
        "Obstetrics and Gynaecology",
    ),
    ("paediatrics", "儿科", "兒科", "Paediatrics"),
    ("oncology", "肿瘤科", "腫瘤科", "Oncology"),
    ("ophthalmology", "眼科", "眼科", "Ophthalmology"),
    ("ent", "耳鼻咽喉科", "耳鼻咽喉科", "Ear, Nose and Throat"),
    ("dermatology", "皮肤科", "皮膚科", "Dermatology"),
    (
        "rehabilitation",
        "康复医学科",
        "康復醫學科",
        "Rehabilitation Medicine",
    ),
    (
        "tcm_internal",
        "中医内科",
        "中醫內科",
        "TCM Internal Medicine",
    ),
    ("acupuncture", "针灸科", "針灸科", "Acupuncture"),
    ("tuina", "推拿科", "推拿科", "Tuina Massage"),
    ("gynaecology", "妇科", "婦科", "Gynaecology"),
    ("obstetrics", "产科", "產科", "Obstetrics"),
    ("neonatology", "新生儿科", "新生兒科", "Neonatology"),
    (
        "child_health",
        "儿童保健科",
        "兒童保健科",
        "Child Health Care",
    ),
    (
        "reproductive_medicine",
        "生殖医学科",
        "生殖醫學科",
        "Reproductive Medicine",
    ),
    ("internal_medicine", "内科", "內科", "Internal Medicine"),
    ("stomatology", "口腔科", "口腔科", "Stomatology"),
    (
        "medical_oncology",
        "肿瘤内科",
        "腫瘤內科",
        "Medical Oncology",
    ),
    ("radiotherapy", "放疗科", "放療科", "Radiotherapy"),
    ("thoracic_surgery", "胸外科", "胸外科", "Thoracic Surgery"),
    ("breast_surgery", "乳腺外科", "乳腺外科", "Breast Surgery"),
    (
        "gastrointestinal_surgery",
        "胃肠外科",
        "胃腸外科",
        "Gastrointestinal Surgery",
    ),
    ("haematology", "血液科", "血液科", "Haematology"),
    (
        "palliative_care",
        "安宁疗护科",
        "安寧療護科",
        "Palliative Care",
    ),
];

/// The demo kiosk: a fixed id, so `seed-demo` finds it again.
pub(super) const DEMO_KIOSK_ID: &str = "de0000000000c001";
pub(super) const DEMO_KIOSK_HOSPITAL: &str = "H001";
pub(super) const DEMO_KIOSK_NAME: &str = "门诊大厅 1号机";
pub(super) const DEMO_KIOSK_LOCATION: &str = "门诊楼一层大厅";

fn department(code: &str) -> Department {
    let names = DEPARTMENTS.iter().find(|(c, ..)| *c == code).map_or_else(
        || Names {
            en: code.to_owned(),
            ..Names::default()
        },
        |(_, zh_cn, zh_hant, en)| self::names(zh_cn, zh_hant, en),
    );
    Department {
        code: code.to_owned(),
        names,
        active: true,
    }
}

/// The registry entries of the first `count` generated hospitals (profiles
/// repeat after five; so do their names, with the code to tell them apart).
pub(super) fn demo_registry(count: u32) -> Vec<Hospital> {
    hospital_departments(count)
        .into_iter()
        .enumerate()
        .map(|(i, (code, departments))| {
            let (zh_cn, zh_hant, en, level, kind, region) = HOSPITALS[i % HOSPITALS.len()];
            let names = if i < HOSPITALS.len() {
                names(zh_cn, zh_hant, en)
            } else {
                names(
                    &format!("{zh_cn}（{code}）"),
                    &format!("{zh_hant}（{code}）"),
                    &format!("{en} ({code})"),
                )
            };
            Hospital {
                code,
                names,
                level: Some(level),
                kind: Some(kind),
                region: Some(region.to_owned()),
                // Emergency visits carry `emergency` in every hospital.
                departments: departments
                    .iter()
                    .chain(&["emergency"])
                    .map(|d| department(d))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollout::check_hospital;

    #[test]
    fn every_demo_department_is_named_and_every_entry_passes_the_checks() {
        for hospital in demo_registry(7) {
            assert_eq!(
                check_hospital(&hospital.code, &hospital).as_ref(),
                Ok(&hospital)
            );
            for department in &hospital.departments {
                assert!(
                    !department.names.zh_cn.is_empty() && !department.names.en.is_empty(),
                    "{} has no name",
                    department.code
                );
            }
        }
        assert_eq!(demo_registry(5)[0].names.zh_cn, "江州市第一人民医院");
        assert_eq!(
            demo_registry(7)[6].names.en,
            "Jiangzhou Hospital of Traditional Chinese Medicine (H007)"
        );
    }
}
