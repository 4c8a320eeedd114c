//! The Content-Security-Policy, with the hashes of the built app's inline
//! scripts.
//!
//! trunk writes an inline `<script type="module">` into each HTML page to
//! load the wasm bundle. Rather than allow every inline script
//! (`'unsafe-inline'`, which would let an injected one run too), the server
//! reads the built pages at start-up and allows exactly the inline scripts
//! they contain, by SHA-256 (CSP Level 2 hash sources).

use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The text of every inline `<script>` (one without `src`) of `html`,
/// exactly as a browser hashes it: the raw characters between `>` and
/// `</script`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| from + i) {
        let after_name = start + "<script".len();
        // `<scripts>` or `<script-x>` is another element.
        if !lower[after_name..]
            .starts_with(|c: char| c == '>' || c.is_ascii_whitespace() || c == '/')
        {
            from = after_name;
            continue;
        }
        let Some(tag_end) = lower[after_name..].find('>').map(|i| after_name + i) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        let attributes = &lower[after_name..tag_end];
        if !has_src(attributes) {
            scripts.push(&html[tag_end + 1..close]);
        }
        from = close;
    }
    scripts
}

/// Whether a (lower-cased) attribute list has a `src` attribute.
fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute == "src" || attribute.starts_with("src="))
}

/// `'sha256-…'`, the CSP source allowing exactly `script`.
pub fn hash_source(script: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(script.as_bytes()))
    )
}

/// The hash sources of the inline scripts of every `.html` file under
/// `dist`, sorted and without repeats.
pub fn inline_script_hashes(dist: &Path) -> std::io::Result<Vec<String>> {
    let mut hashes = Vec::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html"))
            {
                let html = std::fs::read_to_string(&path)?;
                hashes.extend(inline_scripts(&html).into_iter().map(hash_source));
            }
        }
    }
    hashes.sort();
    hashes.dedup();
    Ok(hashes)
}

/// The policy sent with every response.
///
/// - `script-src`: this origin, the hashed inline bootstraps, and
///   `'wasm-unsafe-eval'` (compiling WebAssembly needs it; it allows no JS
///   `eval`). No `'unsafe-inline'`.
/// - `style-src 'unsafe-inline'`: Yew sets `style` attributes from Rust;
///   inline styles cannot run code.
/// - `frame-ancestors 'none'`: no clickjacking of the kiosk or dashboard.
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of trunk 0.21's output.
    const TRUNK_PAGE: &str = r#"<!DOCTYPE html><html><head>
<link rel="modulepreload" href="/survey-1a2b3c4d5e6f7a8b.js" crossorigin="anonymous">
<script src="/public/register.js"></script>
<SCRIPT type="module">
import init, * as bindings from '/survey-1a2b3c4d5e6f7a8b.js';
const wasm = await init({ module_or_path: '/survey-1a2b3c4d5e6f7a8b_bg.wasm' });
</SCRIPT>
<script type="application/json" id="data">{"a":1}</script>
</head><body></body></html>"#;

    #[test]
    fn finds_inline_scripts_only() {
        let scripts = inline_scripts(TRUNK_PAGE);
        assert_eq!(scripts.len(), 2);
        assert!(scripts[0].starts_with("\nimport init"));
        assert!(scripts[0].ends_with("_bg.wasm' });\n"));
        assert_eq!(scripts[1], r#"{"a":1}"#);
    }

    #[test]
    fn skips_elements_that_only_start_like_script() {
        assert!(inline_scripts("<scripts>x</scripts><script-x>y</script-x>").is_empty());
        assert_eq!(inline_scripts("<script\n>a()</script >"), ["a()"]);
        assert!(inline_scripts("<script data-src=1 src='/a.js'></script>").is_empty());
        assert!(inline_scripts("<script>unterminated").is_empty());
    }

    #[test]
    fn hashes_are_the_ones_browsers_compute() {
        // `echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64`,
        // the example of the CSP specification.
        assert_eq!(
            hash_source("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn the_policy_allows_the_hashes_and_no_inline_script() {
        let policy = policy(&["'sha256-abc='".to_owned()]);
        let script_src = policy
            .split(';')
            .find(|d| d.trim_start().starts_with("script-src"))
            .unwrap();
        assert_eq!(
            script_src,
            " script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"
        );
        assert!(policy.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn reads_every_page_of_a_built_app() {
        let dist = tempfile::tempdir().unwrap();
        std::fs::create_dir(dist.path().join("admin")).unwrap();
        std::fs::write(dist.path().join("index.html"), "<script>a()</script>").unwrap();
        std::fs::write(
            dist.path().join("admin/index.html"),
            "<script>b()</script><script>a()</script>",
        )
        .unwrap();
        std::fs::write(dist.path().join("app.js"), "<script>c()</script>").unwrap();
        let hashes = inline_script_hashes(dist.path()).unwrap();
        let mut expected = vec![hash_source("a()"), hash_source("b()")];
        expected.sort();
        assert_eq!(hashes, expected);
    }
}
