//! The dashboard's views as paths under its base (`/admin/`): the path is
//! bookmarkable and the browser's back button moves between views.

use super::i18n::T;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Overview,
    Comparison,
    /// A stage's drill-down; `None` shows the first stage.
    Stage(Option<String>),
    Priorities,
    Groups,
    Benchmark,
    Trend,
    Comments,
    Print,
}

impl Route {
    /// The tabs of the navigation, in order.
    pub const TABS: [Route; 9] = [
        Route::Overview,
        Route::Comparison,
        Route::Stage(None),
        Route::Priorities,
        Route::Groups,
        Route::Benchmark,
        Route::Trend,
        Route::Comments,
        Route::Print,
    ];

    /// Reads the part of the path after the base; unknown paths show the
    /// overview.
    pub fn parse(relative: &str) -> Route {
        let relative = relative.trim_matches('/');
        let mut parts = relative.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("comparison", _) => Route::Comparison,
            ("stages", Some(id)) if !id.is_empty() => Route::Stage(Some(id.to_owned())),
            ("stages", _) => Route::Stage(None),
            ("priorities", _) => Route::Priorities,
            ("groups", _) => Route::Groups,
            ("benchmark", _) => Route::Benchmark,
            ("trend", _) => Route::Trend,
            ("comments", _) => Route::Comments,
            ("print", _) => Route::Print,
            _ => Route::Overview,
        }
    }

    /// The path after the base, the inverse of [`Route::parse`].
    pub fn to_relative(&self) -> String {
        match self {
            Route::Overview => String::new(),
            Route::Comparison => "comparison".to_owned(),
            Route::Stage(None) => "stages".to_owned(),
            Route::Stage(Some(id)) => format!("stages/{id}"),
            Route::Priorities => "priorities".to_owned(),
            Route::Groups => "groups".to_owned(),
            Route::Benchmark => "benchmark".to_owned(),
            Route::Trend => "trend".to_owned(),
            Route::Comments => "comments".to_owned(),
            Route::Print => "print".to_owned(),
        }
    }

    /// Whether this tab is the current route (any stage for the stage tab).
    pub fn same_tab(&self, other: &Route) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    pub fn title(&self) -> T {
        match self {
            Route::Overview => T::NavOverview,
            Route::Comparison => T::NavComparison,
            Route::Stage(_) => T::NavStages,
            Route::Priorities => T::NavPriorities,
            Route::Groups => T::NavGroups,
            Route::Benchmark => T::NavBenchmark,
            Route::Trend => T::NavTrend,
            Route::Comments => T::NavComments,
            Route::Print => T::NavPrint,
        }
    }
}

/// Splits a location path into the part after `base` (`/admin/` →
/// `/admin/stages/inpatient` gives `stages/inpatient`). A path outside
/// the base gives the empty route.
pub fn relative_to_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    path.strip_prefix(base)
        .map(|rest| rest.trim_start_matches('/'))
        .unwrap_or("")
}
