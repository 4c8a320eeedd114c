//! Randomness from the browser: `crypto.getRandomValues` for ids,
//! `Math.random` for retry jitter.

use super::uuid::format_uuid_v4;

/// A fresh response id (UUID v4) from `crypto.getRandomValues`.
///
/// Every browser the survey supports has `crypto`; if it is missing anyway
/// the bytes come from `Math.random`, which still makes collisions between
/// two devices vanishingly unlikely (the id is an idempotency key, not a
/// secret).
pub fn new_response_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    format_uuid_v4(bytes)
}

/// A uniform number in `[0, 1)` to spread retries (`Backoff::delay_ms`).
pub fn jitter() -> f64 {
    js_sys::Math::random()
}
