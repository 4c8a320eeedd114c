//! The pages as paths under the bundle's base (`/admin/cases/`), so a
//! case can be linked to (the webhook's `url` is `…/admin/cases/case/7`,
//! docs/formats.md §6) and the back button moves between pages.

use super::i18n::T;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    List,
    Case(i64),
    Plans,
    Alerts,
}

impl Route {
    /// The tabs, in order (a case is reached from the list).
    pub const TABS: [Route; 3] = [Route::List, Route::Plans, Route::Alerts];

    /// Reads the path after the base; anything else is the list.
    pub fn parse(relative: &str) -> Route {
        let path = relative.trim_matches('/');
        if let Some(id) = path.strip_prefix("case/") {
            return id.parse().map(Route::Case).unwrap_or(Route::List);
        }
        match path {
            "plans" => Route::Plans,
            "alerts" => Route::Alerts,
            _ => Route::List,
        }
    }

    /// The path after the base, the inverse of [`Route::parse`].
    pub fn to_relative(self) -> String {
        match self {
            Route::List => String::new(),
            Route::Case(id) => format!("case/{id}"),
            Route::Plans => "plans".to_owned(),
            Route::Alerts => "alerts".to_owned(),
        }
    }

    /// The tab a page belongs to.
    pub fn tab(self) -> Route {
        match self {
            Route::Case(_) => Route::List,
            other => other,
        }
    }

    pub fn title(self) -> T {
        match self {
            Route::List | Route::Case(_) => T::NavCases,
            Route::Plans => T::NavPlans,
            Route::Alerts => T::NavAlerts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollout::route::relative_to_base;

    #[test]
    fn paths_and_routes_round_trip() {
        for route in [Route::List, Route::Case(7), Route::Plans, Route::Alerts] {
            let path = format!("/admin/cases/{}", route.to_relative());
            assert_eq!(
                Route::parse(relative_to_base(&path, "/admin/cases/")),
                route
            );
        }
        assert_eq!(Route::parse("case/x"), Route::List);
        assert_eq!(Route::parse("case/12/"), Route::Case(12));
        assert_eq!(Route::Case(3).tab(), Route::List);
    }
}
