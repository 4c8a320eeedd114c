//! Where the dashboard is served from (`/admin/` by default).
//!
//! The server's Content-Security-Policy has `base-uri 'none'`, so the page
//! cannot carry a `<base>` element; the base is read from the URL of the
//! page's own script instead, which trunk writes with its `--public-url`.

/// The served folder of the dashboard, with a trailing slash.
pub fn base_path() -> String {
    let from_script = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|link| link.get_attribute("href"));
    folder_of(from_script.as_deref()).unwrap_or_else(|| "/admin/".to_owned())
}

/// `/admin/dashboard-1a2b.js` → `/admin/`.
pub fn folder_of(script: Option<&str>) -> Option<String> {
    let script = script?;
    let (folder, _) = script.rsplit_once('/')?;
    folder.starts_with('/').then(|| format!("{folder}/"))
}

/// The absolute path of a route, for links and the history.
pub fn href(base: &str, relative: &str) -> String {
    format!("{base}{relative}")
}
