//! The synthetic hospitals: who they are, how good, and how they change.
//!
//! Five kinds of Chinese hospital, each with its own departments, a base
//! quality and a yearly trend (most improve a little during the campaign,
//! one improves a lot, one slips), so that a baseline-vs-current report
//! has real improvements and declines to find. Their patients also differ
//! in age, which is what the case-mix adjustment (docs/scoring.md §6) corrects.

/// One synthetic hospital.
#[derive(Debug, Clone)]
pub(crate) struct Hospital {
    pub(crate) code: String,
    pub(crate) departments: &'static [&'static str],
    /// Latent satisfaction offset, in standard deviations of a patient.
    pub(crate) quality: f64,
    /// Change of the latent satisfaction per year since the first year.
    pub(crate) trend: f64,
    /// Extra yearly change on the items the campaign targets.
    pub(crate) campaign_trend: f64,
    /// Relative share of all responses.
    pub(crate) weight: u32,
    /// Shift of the age distribution towards older patients (0 = none).
    pub(crate) older: u32,
}

struct Profile {
    departments: &'static [&'static str],
    quality: f64,
    trend: f64,
    campaign_trend: f64,
    weight: u32,
    older: u32,
}

const PROFILES: [Profile; 5] = [
    // A large municipal general hospital (市第一人民医院): busy, improving.
    Profile {
        departments: &[
            "cardiology",
            "respiratory",
            "gastroenterology",
            "neurology",
            "endocrinology",
            "general_surgery",
            "orthopaedics",
            "obstetrics_gynaecology",
            "paediatrics",
            "oncology",
            "ophthalmology",
            "ent",
            "dermatology",
            "rehabilitation",
        ],
        quality: 0.0,
        trend: 0.10,
        campaign_trend: 0.25,
        weight: 30,
        older: 1,
    },
    // A traditional Chinese medicine hospital (中医院): good, steady.
    Profile {
        departments: &[
            "tcm_internal",
            "acupuncture",
            "tuina",
            "orthopaedics",
            "gynaecology",
            "rehabilitation",
            "cardiology",
            "respiratory",
        ],
        quality: 0.35,
        trend: 0.02,
        campaign_trend: 0.05,
        weight: 20,
        older: 2,
    },
    // A maternal and child health hospital (妇幼保健院): young patients,
    // relatives answer for children; a large campaign effect.
    Profile {
        departments: &[
            "obstetrics",
            "gynaecology",
            "paediatrics",
            "neonatology",
            "child_health",
            "reproductive_medicine",
        ],
        quality: -0.1,
        trend: 0.20,
        campaign_trend: 0.45,
        weight: 20,
        older: 0,
    },
    // A county hospital (县人民医院): older patients, slipping.
    Profile {
        departments: &[
            "internal_medicine",
            "general_surgery",
            "orthopaedics",
            "obstetrics_gynaecology",
            "paediatrics",
            "ophthalmology",
            "stomatology",
        ],
        quality: -0.3,
        trend: -0.12,
        campaign_trend: 0.0,
        weight: 15,
        older: 3,
    },
    // A cancer hospital (肿瘤医院): long stays, multidisciplinary care.
    Profile {
        departments: &[
            "medical_oncology",
            "radiotherapy",
            "thoracic_surgery",
            "breast_surgery",
            "gastrointestinal_surgery",
            "haematology",
            "palliative_care",
        ],
        quality: 0.15,
        trend: 0.06,
        campaign_trend: 0.15,
        weight: 15,
        older: 2,
    },
];

/// `count` hospitals `H001`, `H002`, …: the five profiles first, then the
/// same profiles again with qualities and trends varied by `seed`.
pub(crate) fn hospitals(count: u32, seed: u64) -> Vec<Hospital> {
    let mut rng = super::splitmix::SplitMix64::new(seed ^ 0x686F_7370_6974_616C);
    (0..count)
        .map(|i| {
            let profile = &PROFILES[i as usize % PROFILES.len()];
            let varied = i as usize >= PROFILES.len();
            let jitter = |rng: &mut super::splitmix::SplitMix64, scale: f64| {
                if varied {
                    (rng.unit() - 0.5) * scale
                } else {
                    0.0
                }
            };
            Hospital {
                code: format!("H{:03}", i + 1),
                departments: profile.departments,
                quality: profile.quality + jitter(&mut rng, 0.6),
                trend: profile.trend + jitter(&mut rng, 0.2),
                campaign_trend: profile.campaign_trend + jitter(&mut rng, 0.2),
                weight: if varied { 10 } else { profile.weight },
                older: profile.older,
            }
        })
        .collect()
}

/// A department's own quality offset: fixed per (hospital, department),
/// within ±0.25, so department rankings are stable across years.
pub(crate) fn department_quality(hospital: &str, department: &str, seed: u64) -> f64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64 ^ seed;
    for b in hospital.bytes().chain([b'/']).chain(department.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
    }
    let mut rng = super::splitmix::SplitMix64::new(h);
    (rng.unit() - 0.5) * 0.5
}
