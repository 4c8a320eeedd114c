//! The pages as paths under the bundle's base (`/admin/rollout/`), so a
//! page can be bookmarked and the back button moves between them.

use super::i18n::T;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Registry,
    Posters,
    Kiosks,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Registry, Route::Posters, Route::Kiosks];

    /// Reads the path after the base; anything else is the registry.
    pub fn parse(relative: &str) -> Route {
        match relative.trim_matches('/') {
            "posters" => Route::Posters,
            "kiosks" => Route::Kiosks,
            _ => Route::Registry,
        }
    }

    /// The path after the base, the inverse of [`Route::parse`].
    pub fn to_relative(self) -> &'static str {
        match self {
            Route::Registry => "",
            Route::Posters => "posters",
            Route::Kiosks => "kiosks",
        }
    }

    pub fn title(self) -> T {
        match self {
            Route::Registry => T::NavRegistry,
            Route::Posters => T::NavPosters,
            Route::Kiosks => T::NavKiosks,
        }
    }
}

/// The part of `path` after `base` (`/admin/rollout/kiosks` → `kiosks`).
pub fn relative_to_base<'a>(path: &'a str, base: &str) -> &'a str {
    path.strip_prefix(base)
        .or_else(|| path.strip_prefix(base.trim_end_matches('/')))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_routes_round_trip() {
        for route in Route::ALL {
            let path = format!("/admin/rollout/{}", route.to_relative());
            assert_eq!(
                Route::parse(relative_to_base(&path, "/admin/rollout/")),
                route
            );
        }
        assert_eq!(
            Route::parse(relative_to_base("/admin/rollout", "/admin/rollout/")),
            Route::Registry
        );
        assert_eq!(Route::parse("nothing"), Route::Registry);
    }
}
