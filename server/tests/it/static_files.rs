//! The built app from `dist/`: single-page fallbacks, types, caching, and
//! the security headers (CSP with the inline scripts' hashes).

use std::path::Path;

use reqwest::StatusCode;
use serde_json::Value;
use server::http::static_site::csp::hash_source;

use crate::support::{on_each_backend, TestServer};

const BOOTSTRAP: &str = "\nimport init from '/survey-0123456789abcdef.js';\nawait init({ module_or_path: '/survey-0123456789abcdef_bg.wasm' });\n";
const ADMIN_BOOTSTRAP: &str =
    "\nimport init from '/admin/dashboard-fedcba9876543210.js';\nawait init();\n";

/// A `dist/` shaped like trunk's output.
fn built_app(dist: &Path) {
    std::fs::create_dir_all(dist.join("admin/rollout")).unwrap();
    std::fs::create_dir_all(dist.join("admin/cases")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!("<!DOCTYPE html><html><head><script type=\"module\">{BOOTSTRAP}</script></head><body>survey</body></html>"),
    )
    .unwrap();
    std::fs::write(
        dist.join("admin/index.html"),
        format!("<!DOCTYPE html><html><head><script type=\"module\">{ADMIN_BOOTSTRAP}</script></head><body>dashboard</body></html>"),
    )
    .unwrap();
    std::fs::write(
        dist.join("admin/rollout/index.html"),
        "<!DOCTYPE html><html><head></head><body>rollout</body></html>",
    )
    .unwrap();
    std::fs::write(
        dist.join("admin/cases/index.html"),
        "<!DOCTYPE html><html><head></head><body>cases</body></html>",
    )
    .unwrap();
    std::fs::write(
        dist.join("survey-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dist.join("survey-0123456789abcdef.js"),
        "export default function init() {}",
    )
    .unwrap();
    std::fs::write(dist.join("manifest.json"), "{}").unwrap();
}

async fn start(db_url: &str, dist: &Path) -> TestServer {
    let dist = dist.to_path_buf();
    TestServer::start_with(db_url, move |config| config.dist = dist).await
}

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    server.client.get(server.url(path)).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_routes_fall_back_to_their_bundle_page() {
    on_each_backend(|db| async move {
        let dist = tempfile::tempdir().unwrap();
        built_app(dist.path());
        let server = start(db.url(), dist.path()).await;
        for (path, page) in [
            ("/", "survey"),
            ("/s/H001?dept=cardiology&visit=outpatient&kiosk=1", "survey"),
            ("/admin", "dashboard"),
            ("/admin/", "dashboard"),
            ("/admin/report/2025", "dashboard"),
            ("/admin/rollout", "rollout"),
            ("/admin/rollout/", "rollout"),
            ("/admin/rollout/kiosks", "rollout"),
            ("/admin/cases", "cases"),
            ("/admin/cases/", "cases"),
            ("/admin/cases/case/7", "cases"),
            ("/admin/cases/plans", "cases"),
        ] {
            let response = get(&server, path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"));
            assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
            assert!(response.text().await.unwrap().contains(page), "{path}");
        }
        assert_eq!(
            get(&server, "/survey-ffffffffffffffff.js").await.status(),
            StatusCode::NOT_FOUND
        );
        // A missing asset of the cases bundle is a 404, not its page.
        assert_eq!(
            get(&server, "/admin/cases/cases-ffffffffffffffff.js")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let unknown_api = get(&server, "/api/v1/nothing-here").await;
        assert_eq!(unknown_api.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            unknown_api.json::<Value>().await.unwrap()["error"],
            "not found"
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_assets_are_immutable_and_wasm_has_its_type() {
    on_each_backend(|db| async move {
        let dist = tempfile::tempdir().unwrap();
        built_app(dist.path());
        let server = start(db.url(), dist.path()).await;
        let wasm = get(&server, "/survey-0123456789abcdef_bg.wasm").await;
        assert_eq!(wasm.status(), StatusCode::OK);
        assert_eq!(wasm.headers()["content-type"], "application/wasm");
        assert_eq!(
            wasm.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        let manifest = get(&server, "/manifest.json").await;
        assert_eq!(manifest.headers()["cache-control"], "no-cache");

        let compressed = server
            .client
            .get(server.url("/survey-0123456789abcdef.js"))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.headers()["content-encoding"], "gzip");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers() {
    on_each_backend(|db| async move {
        let dist = tempfile::tempdir().unwrap();
        built_app(dist.path());
        let server = start(db.url(), dist.path()).await;
        for path in [
            "/",
            "/admin/",
            "/api/v1/health",
            "/api/v1/me",
            "/survey-0123456789abcdef_bg.wasm",
        ] {
            let response = get(&server, path).await;
            let headers = response.headers();
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
            let csp = headers["content-security-policy"].to_str().unwrap();
            let script_src = csp
                .split(';')
                .map(str::trim)
                .find(|d| d.starts_with("script-src"))
                .unwrap();
            assert!(!script_src.contains("'unsafe-inline'"), "{script_src}");
            assert!(script_src.contains("'wasm-unsafe-eval'"));
            assert!(script_src.contains(&hash_source(BOOTSTRAP)), "{script_src}");
            assert!(
                script_src.contains(&hash_source(ADMIN_BOOTSTRAP)),
                "{script_src}"
            );
            assert!(csp.contains("frame-ancestors 'none'"));
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_built_app_only_the_api_is_served() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let page = get(&server, "/s/H001").await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            get(&server, "/api/v1/health")
                .await
                .json::<Value>()
                .await
                .unwrap(),
            serde_json::json!({"status": "ok"})
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_describes_itself_and_its_instrument() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let openapi: Value = get(&server, "/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap();
        assert!(openapi["openapi"].as_str().unwrap().starts_with("3."));
        let paths: Vec<&String> = openapi["paths"].as_object().unwrap().keys().collect();
        for path in [
            "/health",
            "/instrument",
            "/openapi.json",
            "/responses",
            "/login",
            "/logout",
            "/me",
            "/export",
            "/report",
            "/hospitals/{hospital}/alerting",
            "/cases",
            "/cases/{id}",
            "/cases/{id}/events",
            "/action-plans",
            "/action-plans/{id}",
            "/public/{hospital}/actions",
        ] {
            assert!(paths.iter().any(|p| *p == path), "{path} is not described");
        }
        let instrument: scoring::instrument::Instrument = get(&server, "/api/v1/instrument")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(instrument, scoring::instrument::default_instrument());
        server.stop().await;
    })
    .await;
}
