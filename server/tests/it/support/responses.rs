//! Responses to submit.

use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::default_instrument;
use scoring::response::Response;
use serde_json::{json, Value};

/// A fresh lower-case UUID (version 4 layout) from the OS's randomness.
pub(crate) fn uuid() -> String {
    let mut bytes = [0u8; 16];
    getrandom(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex::encode(bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn getrandom(bytes: &mut [u8]) {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    OsRng.fill_bytes(bytes);
}

/// A valid outpatient response of `hospital` at `submitted_at`.
pub(crate) fn response(id: &str, hospital: &str, submitted_at: &str) -> Value {
    json!({
        "id": id,
        "instrument": "pxs-core", "instrument_version": 1,
        "hospital": hospital, "department": "cardiology",
        "visit_type": "outpatient", "channel": "kiosk",
        "submitted_at": submitted_at,
        "answers": {"pre_visit.booking_ease": 5, "outpatient.wait_time": 3,
                    "overall.rating": 9, "overall.recommend": 10},
        "respondent": {"age_band": "65-74", "self_rated_health": 3},
        "comment": "挂号很快，医生说明清楚，\"谢谢\"\n第二行"
    })
}

/// `n` generated responses (several hospitals, 2024 and 2025, missing and
/// not-applicable answers, Chinese comments with commas, quotes, newlines).
pub(crate) fn generated(n: u64, seed: u64) -> Vec<Response> {
    let instrument = default_instrument();
    let options = GenerateOptions {
        seed,
        responses: n,
        from_year: 2024,
        years: 2,
        hospitals: 3,
    };
    generate(&instrument, &options)
        .expect("generator options")
        .collect()
}

/// A response as the survey app would send it.
pub(crate) fn submitted_json(response: &Response) -> Value {
    serde_json::to_value(response).expect("a response serialises")
}
