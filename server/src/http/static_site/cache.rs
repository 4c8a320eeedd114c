//! Caching of the built app: files whose name carries a content hash
//! (trunk writes `survey-1a2b3c4d5e6f7a8b.js`) never change, so browsers
//! keep them a year; everything else, HTML first, is revalidated on every
//! load so a new release is picked up at once.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// The `Cache-Control` for a file at `path` served as `content_type`.
pub fn cache_policy(path: &str, content_type: &str) -> &'static str {
    let file_name = path.rsplit('/').next().unwrap_or_default();
    if content_type.starts_with("text/html") || !has_content_hash(file_name) {
        REVALIDATE
    } else {
        IMMUTABLE
    }
}

/// A `-` then at least 12 lower-case hex digits, then `.` or `_`
/// (`app-1a2b3c4d5e6f7a8b.js`, `app-1a2b3c4d5e6f7a8b_bg.wasm`). trunk
/// prints a 64-bit hash in hex without leading zeros, hence not exactly 16.
fn has_content_hash(file_name: &str) -> bool {
    file_name.split('-').skip(1).any(|part| {
        let digits = part
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        digits >= 12 && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

pub(super) async fn set_cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status().as_u16() == 304 {
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let policy = cache_policy(&path, content_type);
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_immutable() {
        for path in [
            "/survey-1a2b3c4d5e6f7a8b.js",
            "/survey-1a2b3c4d5e6f7a8b_bg.wasm",
            "/admin/dashboard-0123456789abcdef_bg.wasm",
            "/style-a2b3c4d5e6f7a8b.css",
        ] {
            assert_eq!(
                cache_policy(path, "application/javascript"),
                IMMUTABLE,
                "{path}"
            );
        }
    }

    #[test]
    fn pages_and_unhashed_files_are_revalidated() {
        assert_eq!(cache_policy("/", "text/html"), REVALIDATE);
        assert_eq!(
            cache_policy("/s/H001", "text/html; charset=utf-8"),
            REVALIDATE
        );
        assert_eq!(cache_policy("/public/icon.png", "image/png"), REVALIDATE);
        assert_eq!(
            cache_policy("/manifest.json", "application/json"),
            REVALIDATE
        );
        assert_eq!(
            cache_policy("/public/noto-sans-sc.woff2", "font/woff2"),
            REVALIDATE
        );
        assert_eq!(
            cache_policy("/a-1a2b.js", "application/javascript"),
            REVALIDATE
        );
        assert_eq!(
            cache_policy("/a-1a2b3c4d5e6f7a8bx.js", "application/javascript"),
            REVALIDATE
        );
    }
}
