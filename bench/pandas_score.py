#!/usr/bin/env python3
"""The report statistics of `tiyan score` computed with pandas + SciPy.

A baseline for timing `tiyan score` (BENCHMARKS.md, "Scoring (native and
wasm)"): the same input (a CSV export, docs/formats.md §3), the same
statistics (docs/scoring.md §1-§5: items, stages with Cronbach's alpha, the
experience index, NPS, key drivers, baseline comparisons with Welch's test,
top-box z-tests and Benjamini-Hochberg q), grouped by hospital, written the
idiomatic vectorised way (no Python loop over rows).

    python3 bench/pandas_score.py responses.csv --instrument \
        scoring/src/instrument/pxs-core.json --period 2024 --baseline 2023 \
        [--compare report.json] [-o out.json]

With --compare, the numbers are checked against a `tiyan score` report of
the same input and options (means, sds, alphas, r, p, q: max relative
difference printed), so the timing compares like with like.
"""

import argparse
import json
import math
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

SCALES = {"likert5": (1, 5), "rating11": (0, 10), "yesno": (0, 1)}


def load(path, items):
    # Item cells: "" = not answered, "NA" = not applicable, else an integer.
    dtypes = {it["id"]: str for it in items}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[], encoding="utf-8-sig")
    return df


def prepare(df, instrument):
    items = [it for s in instrument["stages"] for it in s["items"]] + instrument["overall"]
    raw, score, na = {}, {}, {}
    for it in items:
        col = df[it["id"]]
        na[it["id"]] = (col == "NA").to_numpy()
        v = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)  # "" and "NA" -> NaN
        lo, hi = SCALES[it["scale"]]
        raw[it["id"]] = v
        vv = lo + hi - v if it.get("reverse") else v
        score[it["id"]] = 100.0 * (vv - lo) / (hi - lo)
    comps = {}
    for s in instrument["stages"]:
        ids = [it["id"] for it in s["items"]]
        w = np.array([it.get("weight", 1.0) for it in s["items"]])
        S = np.column_stack([score[i] for i in ids])
        valid = ~np.isnan(S)
        a = np.nansum(S * w, axis=1)
        d = (valid * w).sum(axis=1)
        ok = valid.sum(axis=1) >= math.ceil(len(ids) / 2)
        with np.errstate(invalid="ignore", divide="ignore"):
            comps[s["id"]] = np.where(ok, a / d, np.nan)
    C = np.column_stack([comps[s["id"]] for s in instrument["stages"]])
    W = np.array([s.get("weight", 1.0) for s in instrument["stages"]])
    defined = ~np.isnan(C)
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.nansum(C * W, axis=1) / (defined * W).sum(axis=1)
    return items, raw, score, na, comps, index


def describe(x):
    x = x[~np.isnan(x)]
    n = len(x)
    out = {"n": n, "mean": None, "sd": None, "ci_low": None, "ci_high": None}
    if n:
        m = x.mean()
        out["mean"] = m
        if n >= 2:
            sd = x.std(ddof=1)
            half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
            out.update(sd=sd, ci_low=m - half, ci_high=m + half)
    return out


def wilson(k, n, z=stats.norm.ppf(0.975)):
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return c - h, c + h


def is_top(it, v):
    lo, hi = SCALES[it["scale"]]
    vv = lo + hi - v if it.get("reverse") else v
    return {"likert5": vv == 5, "rating11": vv >= 9, "yesno": vv == 1}[it["scale"]]


def is_sat(it, v):
    lo, hi = SCALES[it["scale"]]
    vv = lo + hi - v if it.get("reverse") else v
    return {"likert5": vv >= 4, "rating11": vv >= 7, "yesno": vv == 1}[it["scale"]]


def group_stats(mask, instrument, items, raw, score, na, comps, index):
    g = {"n": int(mask.sum()), "items": [], "stages": [], "index": None, "nps": None, "drivers": []}
    for it in items:
        v = raw[it["id"]][mask]
        v = v[~np.isnan(v)]
        d = describe(score[it["id"]][mask])
        n = d["n"]
        top = int(is_top(it, v).sum())
        entry = {"id": it["id"], **d, "n_na": int(na[it["id"]][mask].sum())}
        if n:
            entry["top_box"] = top / n
            entry["top_box_ci_low"], entry["top_box_ci_high"] = wilson(top, n)
            entry["satisfied"] = int(is_sat(it, v).sum()) / n
        lo, hi = SCALES[it["scale"]]
        counts = np.bincount((v - lo).astype(int), minlength=hi - lo + 1)
        entry["counts"] = {str(lo + i): int(c) for i, c in enumerate(counts)}
        g["items"].append(entry)
    for s in instrument["stages"]:
        d = describe(comps[s["id"]][mask])
        S = np.column_stack([score[it["id"]][mask] for it in s["items"]])
        S = S[~np.isnan(S).any(axis=1)]
        k = S.shape[1]
        alpha = None
        if k >= 2 and len(S) >= 3:
            tv = S.sum(axis=1).var(ddof=1)
            if tv > 0:
                alpha = k / (k - 1) * (1 - S.var(axis=0, ddof=1).sum() / tv)
        g["stages"].append({"id": s["id"], **d, "alpha": alpha})
    g["index"] = describe(index[mask])
    rec = raw["overall.recommend"][mask]
    rec = rec[~np.isnan(rec)]
    if len(rec):
        p, q = (rec >= 9).mean(), (rec <= 6).mean()
        g["nps"] = {"n": len(rec), "promoters": p, "detractors": q, "score": 100 * (p - q)}
    rating = raw["overall.rating"][mask]
    drivers = []
    for it in items:
        if it["id"].startswith("overall.") or it["scale"] != "likert5":
            continue
        x = score[it["id"]][mask]
        ok = ~np.isnan(x) & ~np.isnan(rating)
        r = None
        if ok.sum() >= 3 and x[ok].std() > 0 and rating[ok].std() > 0:
            r = float(np.corrcoef(x[ok], rating[ok])[0, 1])
        drivers.append({"id": it["id"], "r": r, "n": int(ok.sum())})
    g["drivers"] = drivers
    return g


def comparisons(cur, base, instrument, items, raw, score, comps, index, min_compare=30):
    rows = []
    outcomes = [("item", it["id"], score[it["id"]]) for it in items]
    outcomes += [("stage", s["id"], comps[s["id"]]) for s in instrument["stages"]]
    outcomes += [("index", "index", index)]
    for scope, oid, x in outcomes:
        c, b = x[cur], x[base]
        c, b = c[~np.isnan(c)], b[~np.isnan(b)]
        row = {"scope": scope, "id": oid, "current_n": len(c), "baseline_n": len(b), "p": None}
        if len(c) >= 2 and len(b) >= 2:
            vc, vb = c.var(ddof=1), b.var(ddof=1)
            if vc > 0 or vb > 0:
                r = stats.ttest_ind_from_stats(c.mean(), math.sqrt(vc), len(c), b.mean(), math.sqrt(vb), len(b), equal_var=False)
                wc, wb = vc / len(c), vb / len(b)
                df = (wc + wb) ** 2 / (wc ** 2 / (len(c) - 1) + wb ** 2 / (len(b) - 1))
                half = stats.t.ppf(0.975, df) * math.sqrt(wc + wb)
                diff = c.mean() - b.mean()
                sp = math.sqrt(((len(c) - 1) * vc + (len(b) - 1) * vb) / (len(c) + len(b) - 2))
                row.update(diff=diff, t=r.statistic, df=df, p=r.pvalue, ci_low=diff - half, ci_high=diff + half, cohen_d=diff / sp)
        if scope == "item":
            it = next(i for i in items if i["id"] == oid)
            vc, vb = raw[oid][cur], raw[oid][base]
            vc, vb = vc[~np.isnan(vc)], vb[~np.isnan(vb)]
            if len(vc) and len(vb):
                kc, kb = is_top(it, vc).sum(), is_top(it, vb).sum()
                pc, pb = kc / len(vc), kb / len(vb)
                pool = (kc + kb) / (len(vc) + len(vb))
                row["top_box_diff"] = pc - pb
                row["cohen_h"] = 2 * math.asin(math.sqrt(pc)) - 2 * math.asin(math.sqrt(pb))
                if 0 < pool < 1:
                    z = (pc - pb) / math.sqrt(pool * (1 - pool) * (1 / len(vc) + 1 / len(vb)))
                    row.update(z=z, p_top_box=2 * stats.norm.sf(abs(z)))
        rows.append(row)
    ps = [r["p"] for r in rows if r["p"] is not None]
    if ps:
        from statsmodels.stats.multitest import multipletests
        qs = iter(multipletests(ps, method="fdr_bh")[1])
        for r in rows:
            if r["p"] is not None:
                r["q"] = float(next(qs))
    for r in rows:
        q = r.get("q")
        if r["current_n"] < min_compare or r["baseline_n"] < min_compare or q is None:
            r["verdict"] = "insufficient"
        else:
            r["verdict"] = "improved" if q < 0.05 and r["diff"] > 0 else "declined" if q < 0.05 and r["diff"] < 0 else "no_change"
    return rows


def compare_with(report, ours):
    """Max relative difference of shared numbers, per kind."""
    worst = {}

    def upd(kind, a, b):
        if a is None or b is None:
            return
        if a == b or (abs(a) < 1e-300 and abs(b) < 1e-300):
            d = 0.0  # both at or below the smallest normal double
        else:
            d = abs(a - b) / max(abs(a), abs(b))
        worst[kind] = max(worst.get(kind, 0.0), d)

    rust = {g["key"]: g for g in report["groups"] if not g["suppressed"]}
    for key, g in ours.items():
        if key not in rust:
            continue
        r = rust[key]
        for a, b in zip(g["items"], r["items"]):
            upd("item mean", a["mean"], b["mean"])
            upd("item sd", a["sd"], b["sd"])
            upd("top_box_ci_low", a.get("top_box_ci_low"), b["top_box_ci_low"])
        for a, b in zip(g["stages"], r["stages"]):
            upd("stage mean", a["mean"], b["mean"])
            upd("alpha", a["alpha"], b["alpha"])
        upd("index mean", g["index"]["mean"], r["index"]["mean"])
        for a, b in zip(g["drivers"], r["drivers"]):
            upd("driver r", a["r"], b["r"])
        for a, b in zip(g["comparisons"], r["comparisons"]):
            upd("p", a.get("p"), b["p"])
            upd("q", a.get("q"), b["q"])
            upd("df", a.get("df"), b["df"])
            if a["verdict"] != b["verdict"]:
                worst["verdict mismatches"] = worst.get("verdict mismatches", 0) + 1
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--instrument", required=True)
    ap.add_argument("--period", default="2024")
    ap.add_argument("--baseline", default="2023")
    ap.add_argument("--compare")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    t0 = time.perf_counter()
    instrument = json.load(open(a.instrument, encoding="utf-8"))
    items = [it for s in instrument["stages"] for it in s["items"]] + instrument["overall"]
    df = load(a.csv, items)
    t_read = time.perf_counter()
    items, raw, score, na, comps, index = prepare(df, instrument)
    year = df["submitted_at"].str.slice(0, 4).to_numpy()
    cur_all, base_all = year == a.period, year == a.baseline
    hospital = df["hospital"].to_numpy()
    out = {}
    keys = ["all"] + sorted(set(hospital[cur_all]))
    for key in keys:
        gmask = np.ones(len(df), bool) if key == "all" else hospital == key
        cur, base = cur_all & gmask, base_all & gmask
        if cur.sum() < 10:
            out[key] = {"suppressed": True}
            continue
        g = group_stats(cur, instrument, items, raw, score, na, comps, index)
        g["comparisons"] = comparisons(cur, base, instrument, items, raw, score, comps, index)
        out[key] = g
    t_done = time.perf_counter()
    print(f"pandas {pd.__version__}, scipy: read {t_read - t0:.2f} s, statistics {t_done - t_read:.2f} s, "
          f"total {t_done - t0:.2f} s for {len(df)} rows, {len(keys)} groups", file=sys.stderr)
    if a.output:
        json.dump(out, open(a.output, "w"), default=float)
    if a.compare:
        worst = compare_with(json.load(open(a.compare)), out)
        for kind, d in sorted(worst.items()):
            print(f"  vs tiyan: max relative difference of {kind}: {d:.2e}", file=sys.stderr)


if __name__ == "__main__":
    main()
