#!/usr/bin/env python3
"""Golden fixtures for the scoring crate, computed independently.

Run once (`python3 make_golden.py` in this folder; needs numpy, scipy,
statsmodels, pandas); the Rust tests read what it writes and never run it.
`python3 make_golden.py scales` writes only the frequency4 / likert7
fixtures.

It writes
- instrument.json      a small instrument with unequal item and stage
                       weights, reverse-coded items, yes/no and 0-10 items
                       inside stages, `na` options;
- instrument_scales.json  the same shape with frequency4 and likert7 items
                       (reverse-coded, `na`, mixed with likert5 in a stage);
- responses/*.jsonl    deterministic synthetic responses (seeded);
- cases/*.json         for each case: the dataset, the options and the
                       expected report (docs/formats.md §4–§5), every statistic
                       computed here from the raw responses; `units` and
                       `spc` cases (methodology version 2, docs/scoring.md
                       §10–§12) on datasets made to reach every branch:
                       over-dispersed hospitals and not over-dispersed
                       channels, a unit with zero variance, suppressed
                       units alone (complementary suppression) and
                       together, and monthly series that trip each XmR
                       rule, break a run at the centre, or have too few
                       reference points;
- big.json             a case of more than 10^6 responses per period,
                       described as blocks of responses repeated 2^k times
                       (the Rust test builds it by merging tallies);
- distributions.json   Student t and normal functions on a grid of
                       degrees of freedom up to 10^9 (docs/scoring.md §9).

Independence: nothing here reuses the Rust design (integer scaling,
tallies). Scores are exact fractions (`fractions.Fraction`) computed per
respondent straight from docs/scoring.md; distribution functions are SciPy's;
Wilson intervals, two-proportion tests, Benjamini-Hochberg and the case-mix
OLS are statsmodels'; version 2's percentiles are numpy's, its chi-square
and normal quantiles SciPy's, and its pooled mean squares are checked
against scipy.stats.f_oneway. Where SciPy offers the whole test (ttest_ind,
pearsonr) the script checks that its exact-moment route agrees with SciPy
on the raw data to 1e-9.
"""

import json
import math
import random
import uuid
from fractions import Fraction as Fr
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

HERE = Path(__file__).resolve().parent
SCALES = {"likert5": (1, 5), "rating11": (0, 10), "yesno": (0, 1), "frequency4": (1, 4), "likert7": (1, 7)}
# docs/scoring.md §1: the best value(s) and the "satisfied" values, on v'.
TOP = {"likert5": lambda v: v == 5, "rating11": lambda v: v >= 9, "yesno": lambda v: v == 1,
       "frequency4": lambda v: v == 4, "likert7": lambda v: v == 7}
SATISFIED = {"likert5": lambda v: v >= 4, "rating11": lambda v: v >= 7, "yesno": lambda v: v == 1,
             "frequency4": lambda v: v >= 3, "likert7": lambda v: v >= 5}
# docs/scoring.md §4: the ordinal satisfaction scales, whose stage items are drivers.
DRIVER_SCALES = {"likert5", "likert7", "frequency4"}
LANGS = ["zh-CN", "en", "zh-Hant"]
FIELDS = ["age_band", "education", "self_rated_health", "answered_by"]


def texts(en):
    return {"zh-CN": en, "en": en, "zh-Hant": en}


def item(iid, scale, reverse=False, weight=1, allow_na=False):
    d = {"id": iid, "text": texts(iid), "scale": scale, "weight": weight, "allow_na": allow_na}
    if reverse:
        d["reverse"] = True
    return d


def choice_field(values):
    return {"label": texts("field"), "values": [{"value": v, "label": texts(str(v))} for v in values]}


INSTRUMENT = {
    "id": "golden",
    "version": 1,
    "languages": LANGS,
    "stages": [
        {
            "id": "pre_visit",
            "title": texts("pre"),
            "weight": 1,
            "items": [
                item("pre_visit.a", "likert5"),
                item("pre_visit.b", "likert5", weight=2),
                item("pre_visit.c", "yesno", reverse=True, allow_na=True),
                item("pre_visit.d", "likert5", reverse=True, weight=0.5, allow_na=True),
            ],
        },
        {
            "id": "outpatient",
            "title": texts("out"),
            "weight": 2,
            "items": [
                item("outpatient.a", "likert5"),
                item("outpatient.b", "likert5", allow_na=True),
                item("outpatient.c", "likert5"),
            ],
        },
        {
            "id": "emergency",
            "title": texts("emg"),
            "weight": 1,
            "items": [
                item("emergency.a", "likert5"),
                item("emergency.b", "likert5", allow_na=True),
            ],
        },
        {
            "id": "whole_care",
            "title": texts("whole"),
            "weight": 1.5,
            "items": [
                item("whole_care.a", "likert5"),
                item("whole_care.b", "rating11", weight=1.5),
                item("whole_care.c", "likert5", allow_na=True),
            ],
        },
    ],
    "overall": [item("overall.rating", "rating11"), item("overall.recommend", "rating11")],
    "visit_types": {
        "outpatient": ["pre_visit", "outpatient", "whole_care"],
        "emergency": ["emergency", "whole_care"],
        "inpatient": ["pre_visit", "whole_care"],
    },
    "respondent": {
        "age_band": choice_field(["18-34", "35-49", "50-64", "65-74", "75+"]),
        "education": choice_field(["primary", "secondary", "tertiary"]),
        "self_rated_health": choice_field([1, 2, 3, 4, 5]),
        "answered_by": choice_field(["patient", "relative"]),
    },
}

GOLDEN_INSTRUMENT = INSTRUMENT

# frequency4 (1..4) and likert7 (1..7) beside likert5 in one stage, both
# reverse-coded somewhere, with `na`, unequal weights.
SCALES_INSTRUMENT = {
    **INSTRUMENT,
    "id": "golden-scales",
    "stages": [
        {
            "id": "pre_visit",
            "title": texts("pre"),
            "weight": 1,
            "items": [
                item("pre_visit.a", "frequency4"),
                item("pre_visit.b", "likert7", weight=2),
                item("pre_visit.c", "frequency4", reverse=True, allow_na=True),
            ],
        },
        {
            "id": "inpatient",
            "title": texts("inp"),
            "weight": 2,
            "items": [
                item("inpatient.a", "frequency4"),
                item("inpatient.b", "frequency4", allow_na=True),
                item("inpatient.c", "likert5"),
                item("inpatient.d", "likert7", reverse=True, weight=0.5, allow_na=True),
            ],
        },
        {
            "id": "emergency",
            "title": texts("emg"),
            "weight": 1,
            "items": [
                item("emergency.a", "likert7"),
                item("emergency.b", "yesno", allow_na=True),
            ],
        },
        {
            "id": "whole_care",
            "title": texts("whole"),
            "weight": 1.5,
            "items": [
                item("whole_care.a", "likert7"),
                item("whole_care.b", "frequency4", weight=1.5),
                item("whole_care.c", "rating11", allow_na=True),
            ],
        },
    ],
    "visit_types": {
        "outpatient": ["pre_visit", "whole_care"],
        "emergency": ["emergency", "whole_care"],
        "inpatient": ["pre_visit", "inpatient", "whole_care"],
    },
}


def use_instrument(instrument):
    """Every function below reads the instrument from these globals."""
    global INSTRUMENT, STAGES, ITEMS, ITEM, LEVELS
    INSTRUMENT = instrument
    STAGES = INSTRUMENT["stages"]
    ITEMS = [it for st_ in STAGES for it in st_["items"]] + INSTRUMENT["overall"]
    ITEM = {it["id"]: it for it in ITEMS}
    LEVELS = {f: [c["value"] for c in INSTRUMENT["respondent"][f]["values"]] + ["missing"] for f in FIELDS}


use_instrument(INSTRUMENT)


# ---------------------------------------------------------------- scoring


def scored(it, v):
    """v' after reverse coding (docs/scoring.md §1)."""
    lo, hi = SCALES[it["scale"]]
    return lo + hi - v if it.get("reverse") else v


def linear(it, v):
    lo, hi = SCALES[it["scale"]]
    return Fr(100 * (scored(it, v) - lo), hi - lo)


def is_top(it, v):
    v = scored(it, v)
    return TOP[it["scale"]](v)


def is_satisfied(it, v):
    v = scored(it, v)
    return SATISFIED[it["scale"]](v)


def valid(r, iid):
    a = r["answers"].get(iid)
    return a if isinstance(a, int) else None


def composite(r, stage):
    """Weighted mean of linear scores, defined with >= ceil(k/2) answers."""
    got = [(Fr(str(it["weight"])), linear(it, valid(r, it["id"]))) for it in stage["items"] if valid(r, it["id"]) is not None]
    if len(got) < math.ceil(len(stage["items"]) / 2):
        return None
    return sum(w * s for w, s in got) / sum(w for w, _ in got)


def index(r):
    got = [(Fr(str(s["weight"])), composite(r, s)) for s in STAGES]
    got = [(w, c) for w, c in got if c is not None]
    if not got:
        return None
    return sum(w * c for w, c in got) / sum(w for w, _ in got)


# ------------------------------------------------- weighted exact samples
# A sample is a list of (value: Fraction, weight: int) so that the >10^6
# case costs nothing; small cases have weight 1 everywhere.


def n_of(xs):
    return sum(w for _, w in xs)


def mean_of(xs):
    return sum(v * w for v, w in xs) / n_of(xs)


def var_of(xs):
    n = n_of(xs)
    m = mean_of(xs)
    return sum(w * (v - m) ** 2 for v, w in xs) / (n - 1)


def f(x):
    return None if x is None else float(x)


def describe(xs):
    n = n_of(xs)
    out = {"n": n, "mean": None, "sd": None, "ci_low": None, "ci_high": None}
    if n == 0:
        return out
    m = mean_of(xs)
    out["mean"] = float(m)
    if n >= 2:
        v = var_of(xs)
        sd = math.sqrt(float(v))
        half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
        out.update(sd=sd, ci_low=float(m) - half, ci_high=float(m) + half)
        if all(w == 1 for _, w in xs) and n < 5000:
            floats = [float(v) for v, _ in xs]
            assert close(sd, np.std(floats, ddof=1)), "exact sd disagrees with numpy"
            if sd > 0:
                ci = stats.t.interval(0.95, n - 1, loc=np.mean(floats), scale=stats.sem(floats))
                assert close(ci[0], out["ci_low"]) and close(ci[1], out["ci_high"])
    return out


def close(a, b, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    if a == 0 or b == 0:
        return abs(a - b) <= 1e-12
    return abs(a - b) <= rel * max(abs(a), abs(b))


def expand(xs):
    return [float(v) for v, w in xs for _ in range(w)]


# -------------------------------------------------------------- statistics


def item_stats(rs, it):
    iid = it["id"]
    vals = [(valid(r, iid), w) for r, w in rs if valid(r, iid) is not None]
    n_na = sum(w for r, w in rs if r["answers"].get(iid) == "na")
    out = {"id": iid}
    d = describe([(linear(it, v), w) for v, w in vals])
    n = d["n"]
    top = sum(w for v, w in vals if is_top(it, v))
    sat = sum(w for v, w in vals if is_satisfied(it, v))
    out.update(n=n, n_na=n_na, mean=d["mean"], sd=d["sd"], ci_low=d["ci_low"], ci_high=d["ci_high"])
    if n > 0:
        lo, hi = proportion_confint(top, n, alpha=0.05, method="wilson")
        out.update(top_box=top / n, top_box_ci_low=float(lo), top_box_ci_high=float(hi), satisfied=sat / n)
    else:
        out.update(top_box=None, top_box_ci_low=None, top_box_ci_high=None, satisfied=None)
    lo, hi = SCALES[it["scale"]]
    out["counts"] = {str(v): sum(w for x, w in vals if x == v) for v in range(lo, hi + 1)}
    return out


def alpha(rs, stage):
    """Cronbach's alpha over respondents with every item valid (exact)."""
    its = stage["items"]
    k = len(its)
    rows = [([linear(it, valid(r, it["id"])) for it in its], w) for r, w in rs if all(valid(r, it["id"]) is not None for it in its)]
    m = sum(w for _, w in rows)
    if k < 2 or m < 3:
        return None
    item_vars = sum(var_of([(row[i], w) for row, w in rows]) for i in range(k))
    total_var = var_of([(sum(row), w) for row, w in rows])
    if total_var == 0:
        return None
    a = Fr(k, k - 1) * (1 - item_vars / total_var)
    if all(w == 1 for _, w in rows):
        X = np.array([[float(x) for x in row] for row, _ in rows])
        a_np = k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1))
        assert close(float(a), a_np), (float(a), a_np)
    return float(a)


def samples(rs):
    """Per outcome (items, stages, index): the weighted sample."""
    out = {}
    for it in ITEMS:
        out[("item", it["id"])] = [(linear(it, valid(r, it["id"])), w) for r, w in rs if valid(r, it["id"]) is not None]
    for s in STAGES:
        out[("stage", s["id"])] = [(composite(r, s), w) for r, w in rs if composite(r, s) is not None]
    out[("index", "index")] = [(index(r), w) for r, w in rs if index(r) is not None]
    return out


def nps(rs):
    vals = [(valid(r, "overall.recommend"), w) for r, w in rs if valid(r, "overall.recommend") is not None]
    n = sum(w for _, w in vals)
    if n == 0:
        return {"n": 0, "promoters": None, "detractors": None, "score": None}
    p = sum(w for v, w in vals if v >= 9)
    d = sum(w for v, w in vals if v <= 6)
    return {"n": n, "promoters": p / n, "detractors": d / n, "score": float(Fr(100 * (p - d), n))}


def drivers(rs, item_means):
    out = []
    for it in ITEMS:
        if it["id"].startswith("overall.") or it["scale"] not in DRIVER_SCALES:
            continue
        pairs = [(linear(it, valid(r, it["id"])), Fr(valid(r, "overall.rating")), w) for r, w in rs
                 if valid(r, it["id"]) is not None and valid(r, "overall.rating") is not None]
        n = sum(w for _, _, w in pairs)
        r_ = None
        if n >= 3:
            vx = var_of([(x, w) for x, _, w in pairs])
            vy = var_of([(y, w) for _, y, w in pairs])
            if vx > 0 and vy > 0:
                mx = mean_of([(x, w) for x, _, w in pairs])
                my = mean_of([(y, w) for _, y, w in pairs])
                cov = sum(w * (x - mx) * (y - my) for x, y, w in pairs) / (n - 1)
                r_ = float(cov) / math.sqrt(float(vx) * float(vy))
                if all(w == 1 for _, _, w in pairs):
                    sp = stats.pearsonr([float(x) for x, _, _ in pairs], [float(y) for _, y, _ in pairs]).statistic
                    assert close(r_, float(sp)), (r_, sp)
        out.append({"id": it["id"], "r": r_, "n": n, "quadrant": None})
    defined = [(d["r"], item_means[d["id"]]) for d in out if d["r"] is not None]
    if defined:
        mr = float(np.median([x for x, _ in defined]))
        mm = float(np.median([x for _, x in defined]))
        for d in out:
            if d["r"] is None:
                continue
            hi_r, hi_m = d["r"] >= mr, item_means[d["id"]] >= mm
            d["quadrant"] = {(True, False): "fix_first", (True, True): "keep_up",
                             (False, False): "secondary", (False, True): "surplus"}[(hi_r, hi_m)]
    return out


def welch(c, b):
    """docs/scoring.md §5 from exact moments; checked against ttest_ind."""
    out = dict(diff=None, ci_low=None, ci_high=None, t=None, df=None, p=None, cohen_d=None)
    nc, nb = n_of(c), n_of(b)
    if nc == 0 or nb == 0:
        return out, False
    diff = mean_of(c) - mean_of(b)
    out["diff"] = float(diff)
    if nc < 2 or nb < 2:
        return out, False
    vc, vb = var_of(c), var_of(b)
    if vc == 0 and vb == 0:
        return out, True
    wc, wb = vc / nc, vb / nb
    se2 = wc + wb
    df = se2 * se2 / (wc * wc / (nc - 1) + wb * wb / (nb - 1))
    se = math.sqrt(float(se2))
    t = float(diff) / se
    df = float(df)
    p = 2 * stats.t.sf(abs(t), df)
    half = stats.t.ppf(0.975, df) * se
    sp = math.sqrt(float(((nc - 1) * vc + (nb - 1) * vb) / (nc + nb - 2)))
    out.update(ci_low=float(diff) - half, ci_high=float(diff) + half, t=t, df=df, p=min(p, 1.0), cohen_d=float(diff) / sp)
    if all(w == 1 for _, w in c + b):
        r = stats.ttest_ind(expand(c), expand(b), equal_var=False)
        ci = r.confidence_interval(0.95)
        for mine, theirs in [(t, r.statistic), (df, r.df), (out["p"], r.pvalue), (out["ci_low"], ci.low), (out["ci_high"], ci.high)]:
            assert close(mine, float(theirs), 1e-8), (mine, theirs)
    return out, False


def top_box_test(kc, nc, kb, nb):
    out = dict(top_box_diff=None, z=None, p_top_box=None, cohen_h=None)
    if nc == 0 or nb == 0:
        return out
    out["top_box_diff"] = float(Fr(kc, nc) - Fr(kb, nb))
    out["cohen_h"] = 2 * math.asin(math.sqrt(kc / nc)) - 2 * math.asin(math.sqrt(kb / nb))
    if 0 < kc + kb < nc + nb:
        z, p = proportions_ztest([kc, kb], [nc, nb])
        out.update(z=float(z), p_top_box=float(p))
    return out


def comparisons(cur, base, min_compare):
    sc, sb = samples(cur), samples(base)
    rows = []
    for key in sc:
        scope, oid = key
        w, both_constant = welch(sc[key], sb[key])
        nc, nb = n_of(sc[key]), n_of(sb[key])
        row = {"scope": scope, "id": oid, "baseline_n": nb,
               "baseline_mean": float(mean_of(sb[key])) if nb else None,
               "current_n": nc, "current_mean": float(mean_of(sc[key])) if nc else None}
        row.update(diff=w["diff"], ci_low=w["ci_low"], ci_high=w["ci_high"], t=w["t"], df=w["df"], p=w["p"], q=None, cohen_d=w["cohen_d"])
        if scope == "item":
            it = ITEM[oid]
            kc = sum(wt for r, wt in cur if valid(r, oid) is not None and is_top(it, valid(r, oid)))
            kb = sum(wt for r, wt in base if valid(r, oid) is not None and is_top(it, valid(r, oid)))
            row.update(top_box_test(kc, nc, kb, nb))
        else:
            row.update(top_box_diff=None, z=None, p_top_box=None, cohen_h=None)
        exact_diff = (mean_of(sc[key]) - mean_of(sb[key])) if nc and nb else None
        row["_verdict_inputs"] = (nc, nb, both_constant, exact_diff)
        rows.append(row)
    ps = [r["p"] for r in rows if r["p"] is not None]
    if ps:
        qs = iter(multipletests(ps, method="fdr_bh")[1])
        for r in rows:
            if r["p"] is not None:
                r["q"] = float(next(qs))
    for r in rows:
        nc, nb, both_constant, d = r.pop("_verdict_inputs")
        if nc < max(min_compare, 1) or nb < max(min_compare, 1):
            v = "insufficient"
        elif both_constant:
            v = "no_change" if d == 0 else "insufficient"
        elif r["q"] is None:
            v = "insufficient"
        elif r["q"] < 0.05 and d > 0:
            v = "improved"
        elif r["q"] < 0.05 and d < 0:
            v = "declined"
        else:
            v = "no_change"
        r["verdict"] = v
    return rows


# ----------------------------------------------------------------- case-mix


def level_of(r, field):
    v = r.get("respondent", {}).get(field)
    return "missing" if v is None else str(v)


def level_names(field):
    return [str(v) for v in LEVELS[field]]


def case_mix_models(cur):
    """statsmodels OLS per outcome over every respondent of the period."""
    sc = samples_with_respondents(cur)
    models = {}
    for key, rows in sc.items():
        if not rows:
            continue
        df = pd.DataFrame([{**{fl: level_of(r, fl) for fl in FIELDS}, "y": float(y)} for r, y in rows])
        reference, columns = {}, []
        for fl in FIELDS:
            present = [lv for lv in level_names(fl) if (df[fl] == lv).any()]
            reference[fl] = present[0]
            columns += [(fl, lv) for lv in present[1:]]
        X = pd.DataFrame({"const": 1.0, **{f"{fl}={lv}": (df[fl] == lv).astype(float) for fl, lv in columns}})
        fit = sm.OLS(df["y"], X).fit()
        assert np.linalg.matrix_rank(X.values) == X.shape[1], "fixture must not alias dummies"
        models[key] = {"n": len(rows), "intercept": float(fit.params["const"]),
                       "reference": [{"field": fl, "level": reference[fl]} for fl in FIELDS],
                       "coefficients": [{"field": fl, "level": lv, "beta": float(fit.params[f"{fl}={lv}"])} for fl, lv in columns],
                       "_df": df, "_beta": {f"{fl}={lv}": float(fit.params[f"{fl}={lv}"]) for fl, lv in columns}}
    return models


def samples_with_respondents(rs):
    out = {}
    for it in ITEMS:
        out[("item", it["id"])] = [(r, linear(it, valid(r, it["id"]))) for r, _ in rs if valid(r, it["id"]) is not None]
    for s in STAGES:
        out[("stage", s["id"])] = [(r, composite(r, s)) for r, _ in rs if composite(r, s) is not None]
    out[("index", "index")] = [(r, index(r)) for r, _ in rs if index(r) is not None]
    return out


def adjusted_mean(model, group_rows):
    if model is None or not group_rows:
        return None
    all_df = model["_df"]
    g = pd.DataFrame([{fl: level_of(r, fl) for fl in FIELDS} for r, _ in group_rows])
    mean_g = float(sum(y for _, y in group_rows) / len(group_rows))
    shift = 0.0
    for name, beta in model["_beta"].items():
        fl, lv = name.split("=", 1)
        shift += beta * ((g[fl] == lv).mean() - (all_df[fl] == lv).mean())
    return mean_g - shift


# ------------------------------------------- methodology version 2 (§10–§12)
# Independent of the Rust design: unit samples are the respondents' exact
# Fractions straight from docs/scoring.md §1–§2; Welch's tests are checked
# against scipy.stats.ttest_ind, BH is statsmodels', percentiles numpy's,
# the chi-square and normal functions SciPy's.

MIN_DIFFERENCE = 3.0
TARGET_RELIABILITY = 0.7


def shown_keys(sizes, threshold):
    """§7 + §12: the keys (sorted) that stay shown."""
    hidden = {k for k, n in sizes.items() if n < threshold}
    if hidden:
        while sum(sizes[k] for k in hidden) < threshold:
            shown = [k for k in sorted(sizes, key=lambda k: k.encode(), reverse=True) if k not in hidden]
            if not shown:
                break
            hidden.add(min(shown, key=lambda k: sizes[k]))  # ties: the first, the greatest key
    return {k for k in sizes if k not in hidden}


def measure_keys():
    return [("index", "index")] + [("stage", s["id"]) for s in STAGES] + [("item", it["id"]) for it in ITEMS]


def insufficient_row(key, n, mean):
    row = {"key": key, "n": n, "mean": mean}
    for fld in ["diff", "ci_low", "ci_high", "t", "df", "p", "q"]:
        row[fld] = None
    row["verdict"] = "insufficient"
    for fld in ["z", "limit95_low", "limit95_high", "limit998_low", "limit998_high", "band", "reliability", "reliable"]:
        row[fld] = None
    return row


def welch_given_diff(c, b, diff):
    """Welch with a given (case-mix adjusted) difference, unadjusted spread."""
    nc, nb = n_of(c), n_of(b)
    vc, vb = float(var_of(c)), float(var_of(b))
    if vc == 0 and vb == 0:
        return dict(diff=diff, ci_low=None, ci_high=None, t=None, df=None, p=None)
    vc_np, vb_np = np.var(expand(c), ddof=1), np.var(expand(b), ddof=1)
    assert close(vc, float(vc_np), 1e-8) and close(vb, float(vb_np), 1e-8)
    wc, wb = vc / nc, vb / nb
    se = math.sqrt(wc + wb)
    df = (wc + wb) ** 2 / (wc ** 2 / (nc - 1) + wb ** 2 / (nb - 1))
    t = diff / se
    half = stats.t.ppf(0.975, df) * se
    return dict(diff=diff, ci_low=diff - half, ci_high=diff + half, t=t, df=df,
                p=min(1.0, 2 * stats.t.sf(abs(t), df)))


def units_section(by, shown_rows, all_cur, options, models):
    """§10 over the shown groups [(key, rows)] in the groups' order."""
    if by is None or len(shown_rows) < 3:
        return None
    case_mix = options["case_mix"]
    min_diff = options["min_difference"]
    target_r = options["target_reliability"]
    measures = []
    swr = {key: samples_with_respondents(rows) for key, rows in shown_rows}
    for mkey in measure_keys():
        scope, mid = mkey
        units = []
        for key, rows in shown_rows:
            pairs = swr[key][mkey]
            values = [y for _, y in pairs]
            n = len(values)
            if case_mix:
                mean = adjusted_mean(models.get(mkey), pairs) if n else None
            else:
                mean = mean_of([(v, 1) for v in values]) if n else None
            units.append({"key": key, "values": values, "n": n, "mean": mean})
        members = [u for u in units if u["n"] >= 2 and u["mean"] is not None]
        K = len(members)
        N = sum(u["n"] for u in members)
        m = {"scope": scope, "id": mid, "k": K, "n": N}
        null_fields = ["target", "sigma", "msb", "msw", "phi", "p_phi", "tau2", "tau2_used", "icc", "n_needed"]
        if K < 3:
            m.update({fl: None for fl in null_fields})
            m["units"] = [insufficient_row(u["key"], u["n"], f(u["mean"])) for u in units]
            measures.append(m)
            continue
        # θ₀, MSW, MSB: exact Fractions without case-mix, floats with it.
        theta = sum(u["n"] * u["mean"] for u in members) / N
        msw = sum((u["n"] - 1) * var_of([(v, 1) for v in u["values"]]) for u in members) / (N - K)
        msb = sum(u["n"] * (u["mean"] - theta) ** 2 for u in members) / (K - 1)
        theta, msw, msb = float(theta), float(msw), float(msb)
        # Cross-check the pooled mean squares with statsmodels' one-way ANOVA.
        if not case_mix:
            groups = [np.array([float(v) for v in u["values"]]) for u in members]
            fstat = stats.f_oneway(*groups)
            if msw > 0 and np.isfinite(fstat.statistic):
                assert close(float(fstat.statistic), msb / msw, 1e-7), (fstat.statistic, msb / msw)
        # §10.1 unit against the rest.
        rows_out = {}
        pvals = []
        for u in members:
            own = [(v, 1) for v in u["values"]]
            rest = [(v, 1) for o in members if o is not u for v in o["values"]]
            if case_mix:
                others = [o for o in members if o is not u]
                m_rest = sum(o["n"] * o["mean"] for o in others) / sum(o["n"] for o in others)
                w = welch_given_diff(own, rest, u["mean"] - m_rest)
                exact_diff = w["diff"]
            else:
                w, _ = welch(own, rest)
                exact_diff = mean_of(own) - mean_of(rest)
            row = insufficient_row(u["key"], u["n"], f(u["mean"]))
            for fld in ["diff", "ci_low", "ci_high", "t", "df", "p"]:
                row[fld] = w[fld]
            row["_verdict"] = (u["n"], n_of(rest), exact_diff)
            rows_out[u["key"]] = row
            pvals.append(row["p"])
        present = [p for p in pvals if p is not None]
        if present:
            qs = iter(multipletests(present, method="fdr_bh")[1])
            for u in members:
                if rows_out[u["key"]]["p"] is not None:
                    rows_out[u["key"]]["q"] = float(next(qs))
        for row in rows_out.values():
            n_u, n_rest, d = row.pop("_verdict")
            mc = max(options["min_compare"], 1)
            if n_u < mc or n_rest < mc or row["q"] is None:
                v = "insufficient"
            elif row["q"] < 0.05 and d >= Fr(min_diff):
                v = "better"
            elif row["q"] < 0.05 and d <= -Fr(min_diff):
                v = "worse"
            else:
                v = "as_expected"
            row["verdict"] = v
        # §10.2 funnel plot.
        phi = p_phi = tau2 = tau2_used = None
        if msw > 0:
            ns = np.array([u["n"] for u in members], dtype=float)
            means = np.array([float(u["mean"]) for u in members])
            s = math.sqrt(msw) / np.sqrt(ns)
            z = (means - theta) / s
            z_lo, z_hi = np.percentile(z, [10, 90])
            zw = np.clip(z, z_lo, z_hi)
            phi = float(np.mean(zw ** 2))
            p_phi = float(stats.chi2.sf(K * phi, K - 1))
            wts = 1 / s ** 2
            tau2 = max(0.0, float((K * phi - (K - 1)) / (wts.sum() - (wts ** 2).sum() / wts.sum())))
            tau2_used = tau2 if p_phi < 0.05 else 0.0
            z95, z998 = stats.norm.ppf(0.975), stats.norm.ppf(0.999)
            for i, u in enumerate(members):
                row = rows_out[u["key"]]
                spread = math.sqrt(s[i] ** 2 + tau2_used)
                lo95, hi95 = theta - z95 * spread, theta + z95 * spread
                lo998, hi998 = theta - z998 * spread, theta + z998 * spread
                mu = means[i]
                band = ("much_better" if mu > hi998 else "better" if mu > hi95 else
                        "much_worse" if mu < lo998 else "worse" if mu < lo95 else "as_expected")
                row.update(z=float(z[i]), limit95_low=lo95, limit95_high=hi95,
                           limit998_low=lo998, limit998_high=hi998, band=band)
        # §10.3 reliability.
        icc = n_needed = None
        n0 = (N - sum(u["n"] ** 2 for u in members) / N) / (K - 1)
        den = msb + (n0 - 1) * msw
        if den > 0:
            icc = max(0.0, (msb - msw) / den)
            for u in members:
                r_u = u["n"] * icc / (1 + (u["n"] - 1) * icc)
                rows_out[u["key"]].update(reliability=r_u, reliable=r_u >= target_r)
            if icc > 0:
                fi, fr = Fr(icc), Fr(target_r)
                n_needed = max(1, math.ceil(fr * (1 - fi) / ((1 - fr) * fi)))
        m.update(target=theta, sigma=math.sqrt(msw), msb=msb, msw=msw, phi=phi, p_phi=p_phi,
                 tau2=tau2, tau2_used=tau2_used, icc=icc, n_needed=n_needed)
        m["units"] = [rows_out.get(u["key"]) or insufficient_row(u["key"], u["n"], f(u["mean"])) for u in units]
        measures.append(m)
    return {"by": by, "measures": measures}


def month_range(a, b):
    """Months a ≤ m < b as YYYY-MM."""
    y, mo = int(a[:4]), int(a[5:7])
    out = []
    while f"{y:04d}-{mo:02d}" < b:
        out.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out


def flagged_runs(flags):
    runs, i = [], 0
    while i < len(flags):
        if flags[i]:
            j = i
            while j < len(flags) and flags[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def xmr(points, reference_kind, reference):
    """§11 chart from points [(month, n, Fraction mean)] and its reference."""
    xs = [p[2] for p in reference]
    centre = sum(xs) / len(xs)
    mr = sum(abs(b - a) for a, b in zip(xs, xs[1:])) / (len(xs) - 1)
    upper, lower = centre + Fr(266, 100) * mr, centre - Fr(266, 100) * mr
    sigma = mr / Fr(1128, 1000)
    vals = [p[2] for p in points]
    P = len(vals)
    flags = {}
    flags[("outside", "high")] = [v > upper for v in vals]
    flags[("outside", "low")] = [v < lower for v in vals]
    for side, above in [("high", lambda v: v > centre), ("low", lambda v: v < centre)]:
        fl = [False] * P
        for a, b in flagged_runs([above(v) for v in vals]):
            if b - a >= 7:
                fl[a:b] = [True] * (b - a)
        flags[("shift", side)] = fl
    for side, step in [("high", lambda a, b: b > a), ("low", lambda a, b: b < a)]:
        fl = [False] * P
        start = 0
        for i in range(1, P + 1):
            if i == P or not step(vals[i - 1], vals[i]):
                if i - start >= 7:
                    fl[start:i] = [True] * (i - start)
                start = i
        flags[("trend", side)] = fl
    for side, beyond in [("high", lambda v: v > centre + 2 * sigma), ("low", lambda v: v < centre - 2 * sigma)]:
        b = [beyond(v) for v in vals]
        fl = [False] * P
        for i in range(P - 2):
            if sum(b[i:i + 3]) >= 2:
                for j in range(i, i + 3):
                    fl[j] = fl[j] or b[j]
        flags[("two_of_three", side)] = fl
    signals = []
    for rule in ["outside", "shift", "trend", "two_of_three"]:
        for side in ["high", "low"]:
            for a, b in flagged_runs(flags[(rule, side)]):
                signals.append({"rule": rule, "side": side, "months": [points[i][0] for i in range(a, b)]})
    return {"points": [{"month": m, "n": n, "mean": float(x)} for m, n, x in points],
            "reference": reference_kind, "centre": float(centre), "mr_bar": float(mr),
            "upper": float(upper), "lower": float(lower), "sigma": float(sigma), "signals": signals}


def spc_section(rows_all_time, options):
    """§11 for one group: rows are (response, weight) of every period."""
    cur_p = parse_period(options["period"])
    base_p = parse_period(options["baseline"]) if options["baseline"] else None
    span = month_range((base_p or cur_p)[0], cur_p[1])
    charts = []
    for scope, sid, fn in [("index", "index", index)] + [("stage", s["id"], (lambda s: lambda r: composite(r, s))(s)) for s in STAGES]:
        points = []
        for mth in span:
            vals = [(fn(r), w) for r, w in rows_all_time if month_of(r) == mth and fn(r) is not None]
            if n_of(vals) >= 2:
                points.append((mth, n_of(vals), mean_of(vals)))
        in_base = [p for p in points if base_p and base_p[0] <= p[0] < base_p[1]]
        if len(in_base) >= 6:
            chart = xmr(points, "baseline", in_base)
        elif len(points) >= 6:
            chart = xmr(points, "all", points)
        else:
            charts.append(None)
            continue
        charts.append({"scope": scope, "id": sid, **chart})
    return charts


# ------------------------------------------------------------------ report


def month_of(r):
    return r["submitted_at"][:7]


def in_period(r, period):
    a, b = period
    return a <= month_of(r) < b


def parse_period(p):
    def boundary(s):
        return f"{s}-01" if len(s) == 4 else s
    if ".." in p:
        a, b = p.split("..")
        return boundary(a), boundary(b)
    if len(p) == 4:
        return f"{p}-01", f"{int(p) + 1}-01"
    y, m = int(p[:4]), int(p[5:7])
    return p, f"{y + (m == 12)}-{(m % 12) + 1:02d}"


def canonical_period(p):
    a, b = parse_period(p)
    if a.endswith("-01") and int(b[:4]) == int(a[:4]) + 1 and b.endswith("-01"):
        return a[:4]
    ya, ma = int(a[:4]), int(a[5:])
    yb, mb = int(b[:4]), int(b[5:])
    if (yb * 12 + mb) - (ya * 12 + ma) == 1:
        return a
    return f"{a}..{b}"


def group_value(r, by):
    return r[by] if by else "all"


def group_report(key, cur, base, options, models, all_cur, shown=True, history=()):
    n = sum(w for _, w in cur)
    if not shown:
        return {"key": key, "suppressed": True}
    items = [item_stats(cur, it) for it in ITEMS]
    stages_ = []
    for s in STAGES:
        d = describe([(composite(r, s), w) for r, w in cur if composite(r, s) is not None])
        stages_.append({"id": s["id"], **d, "alpha": alpha(cur, s)})
    idx = describe([(index(r), w) for r, w in cur if index(r) is not None])
    if options["case_mix"]:
        swr = samples_with_respondents(cur)
        for entry, key_ in [(e, ("item", e["id"])) for e in items] + [(e, ("stage", e["id"])) for e in stages_] + [(idx, ("index", "index"))]:
            entry["adjusted_mean"] = adjusted_mean(models.get(key_), swr[key_])
    means = {e["id"]: e["mean"] for e in items}
    g = {"key": key, "suppressed": False, "n": n, "items": items, "stages": stages_, "index": idx,
         "nps": nps(cur), "drivers": drivers(cur, means),
         "comparisons": comparisons(cur, base, options["min_compare"]) if base is not None else [],
         "spc": spc_section(history, options)}
    return g


def report(responses, options, filters=None):
    """The expected report; responses are (response, weight) pairs."""
    cur_p = parse_period(options["period"])
    base_p = parse_period(options["baseline"]) if options["baseline"] else None
    cur = [(r, w) for r, w in responses if in_period(r, cur_p)]
    base = [(r, w) for r, w in responses if in_period(r, base_p)] if base_p else None
    models = case_mix_models(cur) if options["case_mix"] else {}
    n_all = sum(w for _, w in cur)
    groups = [group_report("all", cur, base, options, models, cur,
                           shown=n_all >= options["suppress_below"], history=responses)]
    by = options["group_by"]
    units = None
    if by:
        keys = sorted({group_value(r, by) for r, _ in cur})
        sizes = {k: sum(w for r, w in cur if group_value(r, by) == k) for k in keys}
        shown = shown_keys(sizes, options["suppress_below"])
        shown_rows = []
        for key in keys:
            gc = [(r, w) for r, w in cur if group_value(r, by) == key]
            gb = [(r, w) for r, w in base if group_value(r, by) == key] if base is not None else None
            hist = [(r, w) for r, w in responses if group_value(r, by) == key]
            groups.append(group_report(key, gc, gb, options, models, cur, shown=key in shown, history=hist))
            if key in shown:
                shown_rows.append((key, gc))
        units = units_section(by, shown_rows, cur, options, models)
    out = {
        "instrument": {"id": INSTRUMENT["id"], "version": INSTRUMENT["version"]},
        "methodology_version": 2,
        "options": {"period": canonical_period(options["period"]),
                    "baseline": canonical_period(options["baseline"]) if options["baseline"] else None,
                    "group_by": by, "case_mix": options["case_mix"],
                    "suppress_below": options["suppress_below"], "min_compare": options["min_compare"],
                    "min_difference": options["min_difference"],
                    "target_reliability": options["target_reliability"]},
        "periods": {"current": {"from": cur_p[0] + "-01", "to": cur_p[1] + "-01"},
                    "baseline": {"from": base_p[0] + "-01", "to": base_p[1] + "-01"} if base_p else None},
        "skipped_invalid": 0,
        "groups": groups,
        "units": units,
    }
    if options["case_mix"]:
        order = [("item", it["id"]) for it in ITEMS] + [("stage", s["id"]) for s in STAGES] + [("index", "index")]
        out["case_mix"] = {"applied": True, "models": [
            {"scope": k[0], "id": k[1], **{f: v for f, v in models[k].items() if not f.startswith("_")}}
            for k in order if k in models]}
    return out


# -------------------------------------------------------------- synthesis


def make_response(rng, hospital, department, visit_type, channel, when, quality, respondent=True):
    answers = {}
    shown = INSTRUMENT["visit_types"][visit_type]
    likert_sum, likert_n = 0, 0
    for s in STAGES:
        if s["id"] not in shown:
            continue
        for it in s["items"]:
            if rng.random() < 0.1:
                continue  # not answered
            if it["allow_na"] and rng.random() < 0.1:
                answers[it["id"]] = "na"
                continue
            lo, hi = SCALES[it["scale"]]
            if it["scale"] == "likert5":
                v = min(5, max(1, round(rng.gauss(quality, 1.0))))
            elif it["scale"] == "frequency4":
                v = min(4, max(1, round(rng.gauss(0.8 * quality, 0.9))))
            elif it["scale"] == "likert7":
                v = min(7, max(1, round(rng.gauss(1.5 * quality - 0.5, 1.4))))
            elif it["scale"] == "rating11":
                v = min(10, max(0, round(rng.gauss(2 * quality, 2.0))))
            else:
                v = 1 if rng.random() < quality / 5 else 0
            if it.get("reverse"):
                v = lo + hi - v
            answers[it["id"]] = v
            if it["scale"] == "likert5":
                likert_sum += scored(it, v)
                likert_n += 1
            elif it["scale"] in ("frequency4", "likert7"):
                # Its position on a 1..5 scale.
                likert_sum += 1 + 4 * (scored(it, v) - lo) / (hi - lo)
                likert_n += 1
    base = likert_sum / likert_n if likert_n else quality
    answers["overall.rating"] = min(10, max(0, round(2.2 * base - 1 + rng.gauss(0, 1.2))))
    answers["overall.recommend"] = min(10, max(0, round(2.3 * base - 1.5 + rng.gauss(0, 1.5))))
    resp = {}
    if respondent:
        for fl in FIELDS:
            if rng.random() < 0.85:
                resp[fl] = rng.choice(LEVELS[fl][:-1])
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "instrument": INSTRUMENT["id"], "instrument_version": INSTRUMENT["version"],
        "hospital": hospital, "department": department,
        "visit_type": visit_type, "channel": channel,
        "submitted_at": when, "answers": dict(sorted(answers.items())),
        "respondent": resp, "comment": "",
    }


def timestamp(rng, year, month=None):
    month = month or rng.randint(1, 12)
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"


def main_dataset():
    rng = random.Random(20240501)
    out = []
    plan = [("H001", 2023, 130, 3.4), ("H001", 2024, 160, 3.9), ("H002", 2023, 60, 3.6),
            ("H002", 2024, 55, 3.5), ("H003", 2023, 20, 3.0), ("H003", 2024, 6, 3.2)]
    for hospital, year, count, quality in plan:
        for _ in range(count):
            out.append(make_response(
                rng, hospital, rng.choice(["cardiology", "pediatrics", "", "急诊科"]),
                rng.choice(["outpatient", "outpatient", "emergency", "inpatient"]),
                rng.choice(["kiosk", "phone", "web", "paper"]), timestamp(rng, year),
                quality + (0.4 if rng.random() < 0.3 else 0.0)))
    # Outside both periods: must be ignored.
    out.append(make_response(rng, "H001", "cardiology", "outpatient", "web", "2022-12-31T23:59:59Z", 1.0))
    out.append(make_response(rng, "H002", "cardiology", "outpatient", "web", "2025-01-01T00:00:00Z", 1.0))
    rng.shuffle(out)
    return out


def small_dataset():
    """Groups of exactly 2 and 3 respondents (n < 2 and n = 2, 3 paths)."""
    rng = random.Random(7)
    out = []
    for hospital, year, count in [("H010", 2023, 2), ("H010", 2024, 2), ("H011", 2023, 3), ("H011", 2024, 3)]:
        for _ in range(count):
            out.append(make_response(rng, hospital, "cardiology", "outpatient", "kiosk",
                                     timestamp(rng, year), 3.5))
    # One respondent answers emergency: items with n = 1 there.
    out.append(make_response(rng, "H011", "cardiology", "emergency", "kiosk", timestamp(rng, 2024), 3.0))
    return out


def degenerate_dataset():
    """Zero variance on both sides, all-na items, constant ratings."""
    rng = random.Random(99)
    out = []
    for year in (2023, 2024):
        for i in range(40):
            vt = "outpatient" if i < 30 else "emergency"
            r = make_response(rng, "H020", "", vt, "phone", timestamp(rng, year), 3.5)
            a = r["answers"]
            if vt == "outpatient":
                a["pre_visit.a"] = 4                      # constant, equal: no_change
                a["outpatient.a"] = 5 if year == 2024 else 3  # constant, different: insufficient
                if year == 2024:
                    a["pre_visit.b"] = 2                  # constant on one side only
                a["outpatient.b"] = "na"                  # all na
            else:
                a["emergency.a"] = 4
                a["emergency.b"] = "na"
                a["overall.rating"] = 8                   # no variance in y: r null
            r["answers"] = dict(sorted(a.items()))
            out.append(r)
    return out


def units_dataset():
    """§10: hospitals of unequal quality (over-dispersed), one whose every
    answer is the same (zero variance), two small ones suppressed together."""
    rng = random.Random(2025)
    out = []
    plan = [("H01", 45, 3.0), ("H02", 60, 3.5), ("H03", 80, 3.6), ("H04", 50, 3.9), ("H05", 70, 4.3), ("H06", 40, 3.4)]
    for hospital, count, quality in plan:
        for year, n in [(2023, count // 2), (2024, count)]:
            for _ in range(n):
                out.append(make_response(
                    rng, hospital, rng.choice(["cardiology", "pediatrics"]),
                    rng.choice(["outpatient", "outpatient", "emergency", "inpatient"]),
                    rng.choice(["kiosk", "phone", "web", "paper"]), timestamp(rng, year), quality))
    for year in (2023, 2024):
        for _ in range(25):
            r = make_response(rng, "H07", "cardiology", "outpatient", rng.choice(["kiosk", "phone", "web", "paper"]),
                              timestamp(rng, year), 4.0)
            answers = {}
            for st_ in STAGES:
                if st_["id"] in INSTRUMENT["visit_types"]["outpatient"]:
                    for it in st_["items"]:
                        answers[it["id"]] = {"likert5": 4, "rating11": 8, "yesno": 1}[it["scale"]]
            answers["overall.rating"] = 8
            answers["overall.recommend"] = 8
            r["answers"] = dict(sorted(answers.items()))
            out.append(r)
    for hospital, n in [("H08", 4), ("H09", 7)]:
        for _ in range(n):
            out.append(make_response(rng, hospital, "cardiology", "outpatient", "web", timestamp(rng, 2024), 3.5))
    rng.shuffle(out)
    return out


# Monthly sums a₁ + a₂ of two emergency answers: the XmR series of §11
# (mean 12.5·(v − 2)). The baseline's centre is 6 exactly, its moving
# ranges all 1: limits 6 ± 2.66, 2σ = 1.77.
SPC_BASELINE = [6, 5, 6, 7, 6, 5, 6, 7, 6, 5, 6, 7]
SPC_PLAN = {
    # shift high from May (7 points); the April point equal to the centre
    # breaks the run that started in December.
    "S1": (SPC_BASELINE, [7, 7, 7, 6, 7, 7, 7, 7, 7, 7, 7, 6]),
    # trend high over 7 points; outside and two of three low at its start.
    "S2": (SPC_BASELINE, [2, 3, 4, 5, 6, 7, 8, 6, 6, 6, 6, 6]),
    # two of three high (8, 5, 8), outside high (10).
    "S3": (SPC_BASELINE, [6, 8, 5, 8, 6, 6, 10, 6, 6, 6, 6, 6]),
    # 3 baseline points only: reference "all"; a falling trend; August has
    # one respondent and is left out of the series.
    "S4": ([None] * 9 + [5, 6, 7], [9, 8, 7, 6, 5, 4, 3, 1, 6, 6, 6, 6]),
    # 5 points in all: no chart.
    "S5": ([None] * 12, [6, 7, 5, 6, 8, None, None, None, None, None, None, None]),
}


def spc_dataset():
    rng = random.Random(11)
    out = []
    for hospital, (base, cur) in SPC_PLAN.items():
        for year, seq in [(2023, base), (2024, cur)]:
            for month, v in enumerate(seq, start=1):
                if v is None:
                    continue
                answers = [v] if v == 1 else [v // 2, v - v // 2]
                if hospital == "S4" and year == 2024 and month == 8:
                    answers = [3]
                for a in answers:
                    r = make_response(rng, hospital, "", "emergency", "kiosk", timestamp(rng, year, month), 3.0)
                    r["answers"] = {"emergency.a": a, "emergency.b": "na", "overall.rating": 7, "overall.recommend": 7}
                    out.append(r)
    rng.shuffle(out)
    return out


def write_jsonl(name, responses):
    path = HERE / "responses" / f"{name}.jsonl"
    path.parent.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in responses:
            fh.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def options(period, baseline=None, group_by=None, case_mix=False, suppress_below=10, min_compare=30,
            min_difference=MIN_DIFFERENCE, target_reliability=TARGET_RELIABILITY):
    return {"period": period, "baseline": baseline, "group_by": group_by, "case_mix": case_mix,
            "suppress_below": suppress_below, "min_compare": min_compare,
            "min_difference": min_difference, "target_reliability": target_reliability}


def scales_dataset():
    """Two years of a hospital with frequency4 and likert7 items."""
    rng = random.Random(4711)
    out = []
    for year, count, quality in [(2023, 120, 3.4), (2024, 150, 3.8)]:
        for _ in range(count):
            out.append(make_response(
                rng, rng.choice(["H001", "H002"]), rng.choice(["cardiology", "pediatrics"]),
                rng.choice(["outpatient", "emergency", "inpatient", "inpatient"]),
                rng.choice(["kiosk", "phone"]), timestamp(rng, year),
                quality + (0.5 if rng.random() < 0.3 else 0.0)))
    return out


def scales():
    use_instrument(SCALES_INSTRUMENT)
    (HERE / "instrument_scales.json").write_text(json.dumps(INSTRUMENT, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
    rs = scales_dataset()
    write_jsonl("scales", rs)
    write_case("scales_by_visit_type", "scales", rs, options("2024", "2023", "visit_type"))
    write_case("scales_case_mix_by_hospital", "scales", rs, options("2024", None, "hospital", case_mix=True))
    use_instrument(GOLDEN_INSTRUMENT)


def write_case(name, dataset, responses, opts):
    expected = report([(r, 1) for r in responses], opts)
    path = HERE / "cases" / f"{name}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"dataset": dataset, "options": opts, "expected": expected},
                               ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    return expected


def check_coverage(cases):
    """The version 2 cases reach every condition they are there for."""
    by_hospital, by_channel, spc, main_by_hospital, case_mix = cases
    index = lambda rep: rep["units"]["measures"][0]
    assert index(by_hospital)["p_phi"] < 0.05 < index(by_channel)["p_phi"], "over-dispersed / not"
    h07 = next(u for u in index(by_hospital)["units"] if u["key"] == "H07")
    assert h07["band"] is not None, "the zero-variance unit is on the funnel"
    shown = {g["key"]: g["suppressed"] for g in by_hospital["groups"]}
    assert shown["H08"] and shown["H09"] and not shown["H07"], "two small units hidden together, alone enough"
    groups = {g["key"]: g for g in main_by_hospital["groups"]}
    assert groups["H003"]["suppressed"] and groups["H002"]["suppressed"], "complementary suppression"
    assert main_by_hospital["units"] is None, "fewer than 3 units"
    assert case_mix["options"]["case_mix"] and case_mix["units"] is not None
    assert any(m["k"] < 3 for m in spc["units"]["measures"]), "a measure with K < 3"
    charts = {g["key"]: g["spc"][0] for g in spc["groups"] if not g["suppressed"]}
    rules = {(s["rule"], s["side"]) for c in charts.values() if c for s in c["signals"]}
    for rule in ["outside", "shift", "trend", "two_of_three"]:
        assert any(r == rule for r, _ in rules), rule
    s1 = charts["S1"]["signals"]
    assert [s["months"][0] for s in s1 if s["rule"] == "shift"] == ["2024-05"], "a run broken at the centre"
    assert charts["S4"]["reference"] == "all" and charts["S5"] is None, "fewer than 6 reference points"


# -------------------------------------------------------------------- big


def big_case():
    """> 10^6 responses per period as blocks repeated 2^k times."""
    rng = random.Random(1_000_000)
    base = [make_response(rng, "H100", "", vt, "web", timestamp(rng, 2024, 5), 3.6)
            for vt in ["outpatient"] * 6 + ["inpatient"] * 3 + ["emergency"] * 3]
    shifted = make_response(rng, "H100", "", "outpatient", "web", timestamp(rng, 2024, 6), 4.6)
    extra_c = [make_response(rng, "H100", "", "outpatient", "kiosk", timestamp(rng, 2024, 7), 3.0) for _ in range(3)]
    base_b = []
    for r in base:
        b = json.loads(json.dumps(r))
        b["submitted_at"] = "2023" + r["submitted_at"][4:]
        b["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        base_b.append(b)
    extra_b = [make_response(rng, "H100", "", "emergency", "phone", timestamp(rng, 2023, 8), 4.0) for _ in range(5)]
    blocks = [
        {"responses": base, "doublings": 17},
        {"responses": [shifted], "doublings": 13},
        {"responses": extra_c, "doublings": 0},
        {"responses": base_b, "doublings": 17},
        {"responses": extra_b, "doublings": 0},
    ]
    weighted = [(r, 2 ** b["doublings"]) for b in blocks for r in b["responses"]]
    opts = options("2024", "2023")
    expected = report(weighted, opts)
    n_cur = expected["groups"][0]["n"]
    dfs = [c["df"] for c in expected["groups"][0]["comparisons"] if c["df"] is not None]
    assert n_cur >= 10 ** 6 and min(dfs) >= 10 ** 5, (n_cur, min(dfs))
    (HERE / "big.json").write_text(json.dumps({"blocks": blocks, "options": opts, "expected": expected},
                                              ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------- distributions


def distributions():
    dfs = [1, 1.5, 2, 3, 4.7, 10, 29.3, 100, 1e3, 4e4, 8e4, 1e5, 2e5, 1e6, 1e7, 1e9]
    ts = [0.01, 0.5, 1.0, 1.7, 1.96, 2.5, 4.0, 8.0, 20.0, 40.0]
    t_sf = [{"t": t, "df": d, "sf": float(stats.t.sf(t, d))} for d in dfs for t in ts]
    t_q = [{"df": d, "q975": float(stats.t.ppf(0.975, d))} for d in dfs]
    normal = [{"z": z, "sf": float(stats.norm.sf(z))} for z in [0.0, 0.5, 1.96, 3.0, 6.0, 10.0, 20.0]]
    chi2_sf = [{"x": x, "df": d, "sf": float(stats.chi2.sf(x, d))}
               for d in [1, 2, 3, 4, 7, 10, 19, 50, 150, 400]
               for x in [0.001, 0.3, 1, 2.5, 5, 9, 15, 30, 60, 120, 300, 700]]
    data = {"scipy": scipy.__version__, "z975": float(stats.norm.ppf(0.975)),
            "z999": float(stats.norm.ppf(0.999)),
            "t_sf": t_sf, "t_quantile": t_q, "normal_sf": normal, "chi2_sf": chi2_sf}
    (HERE / "distributions.json").write_text(json.dumps(data, indent=1) + "\n")


def main():
    import sys
    if sys.argv[1:] == ["scales"]:
        scales()
        return
    (HERE / "instrument.json").write_text(json.dumps(INSTRUMENT, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    main_rs, small_rs, degenerate_rs = main_dataset(), small_dataset(), degenerate_dataset()
    units_rs, spc_rs = units_dataset(), spc_dataset()
    write_jsonl("units", units_rs)
    write_jsonl("spc", spc_rs)
    v2_cases = [
        write_case("units_by_hospital", "units", units_rs, options("2024", "2023", "hospital")),
        write_case("units_by_channel", "units", units_rs,
                   options("2024", None, "channel", min_difference=1.5, target_reliability=0.6)),
        write_case("spc_by_hospital", "spc", spc_rs, options("2024", "2023", "hospital", min_compare=5)),
    ]
    write_jsonl("main", main_rs)
    write_jsonl("small", small_rs)
    write_jsonl("degenerate", degenerate_rs)
    v2_cases.append(write_case("main_by_hospital", "main", main_rs, options("2024", "2023", "hospital")))
    v2_cases.append(write_case("main_case_mix_by_department", "main", main_rs,
                               options("2024", None, "department", case_mix=True)))
    check_coverage(v2_cases)
    write_case("main_months_by_channel", "main", main_rs,
               options("2024-03..2024-09", "2023-03..2023-09", "channel", suppress_below=5, min_compare=20))
    write_case("small", "small", small_rs, options("2024", "2023", "hospital", suppress_below=2, min_compare=2))
    write_case("degenerate_by_visit_type", "degenerate", degenerate_rs, options("2024", "2023", "visit_type"))
    big_case()
    distributions()
    scales()
    print(f"golden fixtures written with scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, "
          f"numpy {np.__version__}, pandas {pd.__version__}")


if __name__ == "__main__":
    main()
