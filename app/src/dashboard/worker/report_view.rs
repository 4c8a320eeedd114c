//! The scoring crate's report as the page reads it ([`ReportDoc`], the
//! docs/formats.md §4 shape), made in the worker by moving fields across rather
//! than by parsing the JSON again. A test checks that the two ways agree:
//! `report_doc(&r) == ReportDoc::parse(&to_canonical_json(&r))`.

use scoring::report::{
    Comparison, Driver, Group, IndexStats, ItemStats, Nps, Quadrant, Report, Scope as RScope,
    StageStats, Verdict as RVerdict,
};

use crate::dashboard::report_doc::{
    ComparisonDoc, DriverDoc, GroupDoc, IndexDoc, InstrumentRef, ItemDoc, NpsDoc, PeriodDoc,
    Periods, QuadrantKind, ReportDoc, Scope, StageDoc, Verdict,
};

pub fn report_doc(report: &Report) -> ReportDoc {
    ReportDoc {
        instrument: InstrumentRef {
            id: report.instrument.id.clone(),
            version: report.instrument.version,
        },
        periods: Periods {
            current: PeriodDoc {
                from: report.periods.current.from.clone(),
                to: report.periods.current.to.clone(),
            },
            baseline: report.periods.baseline.as_ref().map(|b| PeriodDoc {
                from: b.from.clone(),
                to: b.to.clone(),
            }),
        },
        skipped_invalid: report.skipped_invalid,
        groups: report.groups.iter().map(group).collect(),
    }
}

fn group(g: &Group) -> GroupDoc {
    let stats = g.stats.as_ref();
    GroupDoc {
        key: g.key.clone(),
        suppressed: g.suppressed,
        n: stats.map(|s| s.n),
        items: stats.map_or_else(Vec::new, |s| s.items.iter().map(item).collect()),
        stages: stats.map_or_else(Vec::new, |s| s.stages.iter().map(stage).collect()),
        index: stats.map(|s| index(&s.index)),
        nps: stats.map(|s| nps(&s.nps)),
        drivers: stats.map_or_else(Vec::new, |s| s.drivers.iter().map(driver).collect()),
        comparisons: stats
            .map_or_else(Vec::new, |s| s.comparisons.iter().map(comparison).collect()),
    }
}

fn item(i: &ItemStats) -> ItemDoc {
    ItemDoc {
        id: i.id.clone(),
        n: i.n,
        n_na: i.n_na,
        mean: i.mean,
        sd: i.sd,
        ci_low: i.ci_low,
        ci_high: i.ci_high,
        top_box: i.top_box,
        top_box_ci_low: i.top_box_ci_low,
        top_box_ci_high: i.top_box_ci_high,
        satisfied: i.satisfied,
        counts: i
            .counts
            .0
            .iter()
            .map(|(v, c)| (v.to_string(), *c))
            .collect(),
    }
}

fn stage(s: &StageStats) -> StageDoc {
    StageDoc {
        id: s.id.clone(),
        n: s.n,
        mean: s.mean,
        sd: s.sd,
        ci_low: s.ci_low,
        ci_high: s.ci_high,
        alpha: s.alpha,
    }
}

fn index(i: &IndexStats) -> IndexDoc {
    IndexDoc {
        n: i.n,
        mean: i.mean,
        sd: i.sd,
        ci_low: i.ci_low,
        ci_high: i.ci_high,
    }
}

fn nps(p: &Nps) -> NpsDoc {
    NpsDoc {
        n: p.n,
        promoters: p.promoters,
        detractors: p.detractors,
        score: p.score,
    }
}

fn driver(d: &Driver) -> DriverDoc {
    DriverDoc {
        id: d.id.clone(),
        r: d.r,
        n: d.n,
        quadrant: d.quadrant.map(|q| match q {
            Quadrant::FixFirst => QuadrantKind::FixFirst,
            Quadrant::KeepUp => QuadrantKind::KeepUp,
            Quadrant::Secondary => QuadrantKind::Secondary,
            Quadrant::Surplus => QuadrantKind::Surplus,
        }),
    }
}

fn comparison(c: &Comparison) -> ComparisonDoc {
    ComparisonDoc {
        scope: match c.scope {
            RScope::Item => Scope::Item,
            RScope::Stage => Scope::Stage,
            RScope::Index => Scope::Index,
        },
        id: c.id.clone(),
        baseline_n: c.baseline_n,
        baseline_mean: c.baseline_mean,
        current_n: c.current_n,
        current_mean: c.current_mean,
        diff: c.diff,
        ci_low: c.ci_low,
        ci_high: c.ci_high,
        t: c.t,
        df: c.df,
        p: c.p,
        q: c.q,
        cohen_d: c.cohen_d,
        top_box_diff: c.top_box_diff,
        z: c.z,
        p_top_box: c.p_top_box,
        cohen_h: c.cohen_h,
        verdict: match c.verdict {
            RVerdict::Improved => Verdict::Improved,
            RVerdict::Declined => Verdict::Declined,
            RVerdict::NoChange => Verdict::NoChange,
            RVerdict::Insufficient => Verdict::Insufficient,
        },
    }
}
