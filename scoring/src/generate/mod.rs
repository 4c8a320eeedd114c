//! Deterministic synthetic responses, for demonstrations, tests and
//! benchmarks.
//!
//! Everything comes from the seed (no clock, no OS randomness): the same
//! options give the same responses, natively and in WebAssembly. The data
//! look like a city's survey over several years: hospitals `H001`… of
//! different kinds and quality with their own departments, every visit type
//! and channel, answers driven by a latent satisfaction per patient (so items
//! correlate and key drivers exist) that changes from year to year (so a
//! baseline-vs-current comparison finds real improvements and a decline),
//! older patients rating higher (so case-mix adjustment matters), skipped
//! questions, "not applicable" where offered, missing respondent fields and
//! comments (about 40% of responses) in zh-CN, zh-Hant and English, with
//! commas, quotes and line breaks.

mod comments;
mod hospitals;
mod splitmix;

use std::collections::BTreeMap;

use thiserror::Error;

use crate::instrument::{Instrument, Latent, Scale, VisitType, OVERALL};
use crate::response::{Answer, Channel, Respondent, Response};
use crate::timestamp::Date;
use hospitals::{department_quality, hospitals, Hospital};
use splitmix::SplitMix64;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    pub seed: u64,
    /// How many responses in all.
    pub responses: u64,
    /// The first year (the baseline, 基线调查).
    pub from_year: i32,
    /// How many calendar years, from `from_year` (≥ 1).
    pub years: u32,
    /// How many hospitals, `H001`… (≥ 1).
    pub hospitals: u32,
}

impl Default for GenerateOptions {
    /// 10,000 responses over 2023–2024 in five hospitals, seed 1.
    fn default() -> GenerateOptions {
        GenerateOptions {
            seed: 1,
            responses: 10_000,
            from_year: 2023,
            years: 2,
            hospitals: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GenerateError {
    #[error("years must be at least 1")]
    NoYears,
    #[error("hospitals must be between 1 and 999")]
    Hospitals,
    #[error("the years {from}..{to} are outside 1..9999")]
    YearRange { from: i64, to: i64 },
    #[error("the instrument offers no visit type")]
    NoVisitType,
}

/// The responses of `options`, in ascending `submitted_at` order.
pub fn generate<'a>(
    instrument: &'a Instrument,
    options: &GenerateOptions,
) -> Result<Generator<'a>, GenerateError> {
    Generator::new(instrument, options)
}

/// An item as the generator answers it.
#[derive(Debug)]
struct ItemPlan {
    id: String,
    /// The stage id, or `None` for the overall items.
    stage: Option<String>,
    scale: Scale,
    reverse: bool,
    allow_na: bool,
    /// Latent offset: how well hospitals do on this item on the whole.
    offset: f64,
    /// Targeted by the campaign: improves faster where a hospital tries.
    campaign: bool,
    /// Probability of "not applicable" where offered.
    na_rate: f64,
}

/// The departments of each generated hospital `H001`… (the same for every
/// seed), so a demo registry can name exactly the codes the demo
/// responses carry.
pub fn hospital_departments(count: u32) -> Vec<(String, &'static [&'static str])> {
    hospitals(count, 0)
        .into_iter()
        .map(|h| (h.code, h.departments))
        .collect()
}

/// Streams synthetic responses; see [`generate`].
#[derive(Debug)]
pub struct Generator<'a> {
    instrument: &'a Instrument,
    seed: u64,
    total: u64,
    next: u64,
    from_year: i32,
    first_second: i64,
    span_seconds: i64,
    hospitals: Vec<Hospital>,
    hospital_weights: Vec<u32>,
    visit_types: Vec<VisitType>,
    visit_weights: Vec<u32>,
    items: Vec<ItemPlan>,
    /// For each of `visit_types`, the indices of the items it is asked.
    shown: Vec<Vec<usize>>,
    /// Indices of `items` in id order, to build the answer map in order.
    by_id: Vec<usize>,
}

impl<'a> Generator<'a> {
    fn new(instrument: &'a Instrument, options: &GenerateOptions) -> Result<Self, GenerateError> {
        if options.years == 0 {
            return Err(GenerateError::NoYears);
        }
        if !(1..=999).contains(&options.hospitals) {
            return Err(GenerateError::Hospitals);
        }
        let to_year = i64::from(options.from_year) + i64::from(options.years);
        let range_error = GenerateError::YearRange {
            from: i64::from(options.from_year),
            to: to_year,
        };
        let first = Date::first_of_year(options.from_year).map_err(|_| range_error.clone())?;
        let end = i32::try_from(to_year)
            .ok()
            .and_then(|y| Date::first_of_year(y).ok())
            .ok_or(range_error)?;
        let first_second = first.days_since_epoch() * 86_400;
        let span_seconds = end.days_since_epoch() * 86_400 - first_second;

        let items: Vec<ItemPlan> = instrument.items().map(plan).collect();
        let (visit_types, visit_weights): (Vec<VisitType>, Vec<u32>) = VisitType::ALL
            .into_iter()
            .filter(|v| instrument.visit_types.contains_key(v))
            .map(|v| {
                let weight = match v {
                    VisitType::Outpatient => 60,
                    VisitType::Inpatient => 27,
                    VisitType::Emergency => 13,
                };
                (v, weight)
            })
            .unzip();
        if visit_types.is_empty() {
            return Err(GenerateError::NoVisitType);
        }
        let shown = visit_types
            .iter()
            .map(|v| {
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, item)| match &item.stage {
                        None => true,
                        Some(stage) => instrument.shows_stage(*v, stage),
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let hospitals = hospitals(options.hospitals, options.seed);
        let mut by_id: Vec<usize> = (0..items.len()).collect();
        by_id.sort_unstable_by(|&a, &b| items[a].id.cmp(&items[b].id));
        Ok(Generator {
            instrument,
            seed: options.seed,
            total: options.responses,
            next: 0,
            from_year: options.from_year,
            first_second,
            span_seconds,
            hospital_weights: hospitals.iter().map(|h| h.weight).collect(),
            hospitals,
            visit_types,
            visit_weights,
            items,
            shown,
            by_id,
        })
    }

    /// The `index`-th response (0-based); independent of the others.
    pub fn response(&self, index: u64) -> Response {
        let mut rng = SplitMix64::for_index(self.seed, index);
        let instrument = self.instrument;

        // Spread the responses evenly over the years, in time order: the
        // i-th falls in the i-th of `total` equal slices of the period.
        let total = u128::from(self.total.max(1));
        let span = self.span_seconds as u128;
        let slice_start = (u128::from(index) * span / total) as i64;
        let slice_end = ((u128::from(index) + 1) * span / total) as i64;
        let width = (slice_end - slice_start).max(1) as u64;
        let second = self.first_second + slice_start + rng.below(width) as i64;
        let (submitted_at, year) = format_time(second);
        let years_in = f64::from(year - self.from_year);

        let hospital = &self.hospitals[rng.weighted(&self.hospital_weights)];
        let v = rng.weighted(&self.visit_weights);
        let visit_type = self.visit_types[v];
        let department = match visit_type {
            VisitType::Emergency if rng.chance(0.85) => "emergency",
            _ if rng.chance(0.05) => "",
            _ => hospital.departments[rng.below(hospital.departments.len() as u64) as usize],
        };
        let channel = channel(&mut rng, visit_type);
        let (respondent, age_index) = respondent(&mut rng, visit_type, hospital, department);

        // The patient's latent satisfaction (in patient standard deviations).
        let z = 0.3
            + hospital.quality
            + department_quality(&hospital.code, department, self.seed)
            + hospital.trend * years_in
            + 0.12 * age_index as f64
            + 0.08 * (respondent.self_rated_health.unwrap_or(3) - 3) as f64
            + 0.8 * rng.normal();

        let mut drawn: Vec<Option<Answer>> = vec![None; self.items.len()];
        let mut sum = 0.0;
        let mut count = 0.0;
        for &i in &self.shown[v] {
            let item = &self.items[i];
            if item.stage.is_none() {
                continue;
            }
            if rng.chance(0.04) {
                continue; // skipped
            }
            if item.allow_na && rng.chance(item.na_rate) {
                drawn[i] = Some(Answer::Na);
                continue;
            }
            let campaign = if item.campaign {
                hospital.campaign_trend * years_in
            } else {
                0.0
            };
            let x = 0.8 * z + item.offset + campaign + 0.6 * rng.normal();
            sum += x;
            count += 1.0;
            drawn[i] = Some(Answer::Value(answer(item, x)));
        }
        // The overall ratings follow the experience of the visit.
        let experience = if count > 0.0 { sum / count } else { z };
        let rating = 0.6 * experience + 0.4 * z + 0.35 * rng.normal();
        for &i in &self.shown[v] {
            let item = &self.items[i];
            if item.stage.is_some() || rng.chance(0.02) {
                continue;
            }
            let x = if item.id.ends_with(".recommend") {
                rating - 0.15 + 0.4 * rng.normal()
            } else {
                rating
            };
            drawn[i] = Some(Answer::Value(answer(item, x)));
        }
        // Collected in id order, the map is built without searching.
        let answers: BTreeMap<String, Answer> = self
            .by_id
            .iter()
            .filter_map(|&i| drawn[i].map(|a| (self.items[i].id.clone(), a)))
            .collect();

        let comment = if rng.chance(0.4) {
            comments::comment(&mut rng, z)
        } else {
            String::new()
        };

        Response {
            id: rng.uuid(),
            instrument: instrument.id.clone(),
            instrument_version: instrument.version,
            hospital: hospital.code.clone(),
            department: department.to_owned(),
            visit_type,
            channel,
            submitted_at,
            answers,
            respondent,
            comment,
        }
    }
}

impl Iterator for Generator<'_> {
    type Item = Response;

    fn next(&mut self) -> Option<Response> {
        if self.next >= self.total {
            return None;
        }
        let response = self.response(self.next);
        self.next += 1;
        Some(response)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.total - self.next).unwrap_or(usize::MAX);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Generator<'_> {}

/// How the campaign's themes show in the default instrument's items: the
/// known pain points start low (parking, waits, queues), humane care high.
/// Other instruments' items get an offset from their id.
fn plan(item: &crate::instrument::Item) -> ItemPlan {
    let (offset, campaign, na_rate) = match item.id.as_str() {
        "pre_visit.booking_ease" => (0.1, true, 0.0),
        "pre_visit.slot_kept" => (-0.35, true, 0.0),
        "pre_visit.return_visit_online" => (-0.1, true, 0.55),
        "pre_visit.admission_wait" => (-0.25, true, 0.6),
        "outpatient.registration_payment" => (-0.4, true, 0.0),
        "outpatient.wait_time" => (-0.6, true, 0.0),
        "outpatient.doctor_listening" => (0.1, false, 0.0),
        "outpatient.tests_flow" => (-0.3, false, 0.2),
        "outpatient.privacy" => (-0.1, false, 0.1),
        "outpatient.environment" => (0.1, false, 0.0),
        "outpatient.elderly_friendly" => (0.0, true, 0.5),
        "outpatient.back_and_forth" => (-0.2, true, 0.0),
        "emergency.ambulance" => (0.1, false, 0.7),
        "emergency.handover" => (0.0, true, 0.75),
        "emergency.first_seen" => (-0.5, true, 0.0),
        "emergency.competence" => (0.3, false, 0.0),
        "inpatient.repeated_test" => (0.1, true, 0.0),
        "inpatient.doctor_rounds" => (0.2, false, 0.0),
        "inpatient.pain" => (0.0, true, 0.2),
        "inpatient.nutrition" => (-0.3, true, 0.15),
        "inpatient.emotional_support" => (-0.15, false, 0.3),
        "inpatient.discharge" => (-0.3, false, 0.05),
        "post_visit.follow_up_call" => (-0.2, true, 0.5),
        "post_visit.contact_after" => (-0.3, false, 0.0),
        "post_visit.revisit_booking" => (0.0, false, 0.3),
        "post_visit.referral" => (-0.1, false, 0.75),
        "post_visit.transport" => (-0.2, false, 0.8),
        "whole_care.nursing" => (0.4, false, 0.0),
        "whole_care.pharmacy" => (0.1, false, 0.15),
        "whole_care.respect" => (0.35, false, 0.0),
        "whole_care.smart_services" => (-0.2, true, 0.2),
        "whole_care.rehabilitation" => (0.0, false, 0.6),
        "whole_care.parking" => (-0.8, true, 0.45),
        other => {
            let mut rng = SplitMix64::new(
                other
                    .bytes()
                    .fold(0, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)),
            );
            ((rng.unit() - 0.5) * 0.6, false, 0.2)
        }
    };
    let stage = item.stage_id();
    ItemPlan {
        id: item.id.clone(),
        stage: (stage != OVERALL).then(|| stage.to_owned()),
        scale: item.scale,
        reverse: item.reverse,
        allow_na: item.allow_na,
        offset,
        campaign,
        na_rate,
    }
}

/// The answer on the item's scale for a latent experience `x`, as the
/// scale's definition draws it.
fn answer(item: &ItemPlan, x: f64) -> i64 {
    let def = item.scale.def();
    match def.latent {
        // A reverse-coded item asks about a bad experience: its answer
        // runs the other way.
        Latent::Cuts(cuts) => def.scored(
            def.lo + cuts.iter().filter(|c| x >= **c).count() as i64,
            item.reverse,
        ),
        Latent::Linear { centre, spread } => (centre + spread * x)
            .round()
            .clamp(def.lo as f64, def.hi as f64)
            as i64,
        // A reverse-coded yes/no item asks about a bad experience: "yes"
        // (1) when the experience was poor.
        Latent::YesNo {
            reverse_yes_below, ..
        } if item.reverse => i64::from(x < reverse_yes_below),
        Latent::YesNo { yes_above, .. } => i64::from(x > yes_above),
    }
}

fn channel(rng: &mut SplitMix64, visit_type: VisitType) -> Channel {
    // kiosk, phone, web, paper
    let weights: [u32; 4] = match visit_type {
        VisitType::Outpatient => [45, 12, 35, 8],
        VisitType::Inpatient => [15, 35, 30, 20],
        VisitType::Emergency => [30, 35, 30, 5],
    };
    Channel::ALL[rng.weighted(&weights)]
}

/// The respondent fields, sometimes left out, and the age band index
/// (0 = 18–34 … 4 = 75+) that drives the latent satisfaction.
fn respondent(
    rng: &mut SplitMix64,
    visit_type: VisitType,
    hospital: &Hospital,
    department: &str,
) -> (Respondent, usize) {
    const AGES: [&str; 5] = ["18-34", "35-49", "50-64", "65-74", "75+"];
    let mut ages: [u32; 5] = match visit_type {
        VisitType::Outpatient => [25, 30, 25, 13, 7],
        VisitType::Inpatient => [12, 20, 30, 22, 16],
        VisitType::Emergency => [30, 25, 22, 13, 10],
    };
    ages[3] += 5 * hospital.older;
    ages[4] += 5 * hospital.older;
    let age = rng.weighted(&ages);
    let education = match age {
        0 | 1 => rng.weighted(&[10, 45, 45]),
        2 => rng.weighted(&[25, 50, 25]),
        _ => rng.weighted(&[50, 38, 12]),
    };
    let health = 1 + rng.weighted(&[5, 15, 40, 30, 10]).saturating_sub(age / 3) as i64;
    let for_a_child = matches!(department, "paediatrics" | "neonatology" | "child_health");
    let relative = rng.chance(if for_a_child {
        0.95
    } else {
        0.15 + 0.12 * age as f64
    });

    if rng.chance(0.05) {
        return (Respondent::default(), age);
    }
    let keep = |rng: &mut SplitMix64| !rng.chance(0.12);
    let respondent = Respondent {
        age_band: keep(rng).then(|| AGES[age].to_owned()),
        education: keep(rng).then(|| ["primary", "secondary", "tertiary"][education].to_owned()),
        self_rated_health: keep(rng).then_some(health),
        answered_by: keep(rng).then(|| if relative { "relative" } else { "patient" }.to_owned()),
    };
    (respondent, age)
}

/// `2024-05-03T09:12:44Z` and the year, from seconds since 1970.
fn format_time(second: i64) -> (String, i32) {
    let days = second.div_euclid(86_400);
    let s = second.rem_euclid(86_400);
    let date = Date::from_days_since_epoch(days)
        .expect("the period lies within years 1..9999, checked in Generator::new");
    (
        format!("{date}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60),
        date.year(),
    )
}

#[cfg(test)]
mod tests;
