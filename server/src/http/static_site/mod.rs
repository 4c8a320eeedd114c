//! The built app (trunk's `dist/`): `/admin/rollout/…` is the roll-out
//! bundle (hospitals, posters, kiosks), `/admin/cases/…` the cases bundle
//! (cases, action plans, alert settings), the rest of `/admin/…` the
//! dashboard bundle, everything else the survey bundle, each a single-page
//! app whose routes (`/s/H001`, `/admin/report`, `/admin/rollout/kiosks`,
//! `/admin/cases/case/7`) fall back to its `index.html`.

mod cache;
pub mod csp;

use std::convert::Infallible;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

pub use cache::cache_policy;

/// Serves `dist` (see the module documentation).
pub fn router(dist: &Path) -> Router {
    Router::new()
        .nest_service(
            "/admin/rollout",
            single_page_app(dist.join("admin/rollout")),
        )
        .nest_service("/admin/cases", single_page_app(dist.join("admin/cases")))
        .nest_service("/admin", single_page_app(dist.join("admin")))
        .fallback_service(single_page_app(dist.to_path_buf()))
        .layer(axum::middleware::from_fn(cache::set_cache_control))
}

/// Files of `folder`; a path that names no file and looks like an app
/// route (no extension) gets `folder/index.html`, a missing asset a 404
/// (never an HTML page where a script was expected).
fn single_page_app(
    folder: PathBuf,
) -> ServeDir<
    impl tower::Service<
            Request,
            Response = axum::response::Response,
            Error = Infallible,
            Future = impl Send,
        > + Clone,
> {
    let index = folder.join("index.html");
    let fallback = tower::service_fn(move |request: Request| {
        let index = index.clone();
        async move {
            if names_a_file(request.uri().path()) {
                return Ok::<_, Infallible>(StatusCode::NOT_FOUND.into_response());
            }
            let page = ServeFile::new(index).oneshot(request).await?;
            Ok(page.map(Body::new))
        }
    });
    ServeDir::new(folder).fallback(fallback)
}

/// Whether the last segment of `path` has an extension (`/app-1a2b.js`),
/// as app routes (`/s/H001`) do not.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|segment| segment.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_routes_have_no_extension() {
        assert!(!names_a_file("/"));
        assert!(!names_a_file("/s/H001"));
        assert!(!names_a_file("/admin/report"));
        assert!(names_a_file("/survey-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(names_a_file("/public/icon.png"));
    }
}
