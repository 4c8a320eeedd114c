#!/usr/bin/env python3
"""Which version 1 numbers of the stored golden reports changed.

Compares each `reports/*.json` with the same file at a git revision
(default `main`, methodology version 1), leaving out what version 2 adds
(`methodology_version`, `options.min_difference`,
`options.target_reliability`, `units`, each group's `spc`), and lists every
group whose version 1 fields differ, with the reason when it is the
complementary suppression of docs/scoring.md §12.

    python3 diff_v1.py [REVISION]

Exit status 1 when a difference is not explained by §12.
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
V2_TOP = {"methodology_version", "units"}
V2_OPTIONS = {"min_difference", "target_reliability"}


def v1_view(report):
    out = {k: v for k, v in report.items() if k not in V2_TOP}
    out["options"] = {k: v for k, v in report["options"].items() if k not in V2_OPTIONS}
    out["groups"] = [{k: v for k, v in g.items() if k != "spc"} for g in report["groups"]]
    return out


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else "main"
    unexplained = 0
    for path in sorted((HERE / "reports").glob("*.json")):
        rel = path.relative_to(HERE.parents[2]).as_posix()
        old_text = subprocess.run(["git", "show", f"{rev}:{rel}"], capture_output=True, text=True, cwd=HERE)
        if old_text.returncode != 0:
            print(f"{path.name}: new (no version at {rev})")
            continue
        old, new = v1_view(json.loads(old_text.stdout)), v1_view(json.loads(path.read_text()))
        rest_old = {k: v for k, v in old.items() if k != "groups"}
        rest_new = {k: v for k, v in new.items() if k != "groups"}
        if rest_old != rest_new:
            print(f"{path.name}: top-level version 1 fields differ")
            unexplained += 1
        old_groups = {g["key"]: g for g in old["groups"]}
        new_groups = {g["key"]: g for g in new["groups"]}
        if list(old_groups) != list(new_groups):
            print(f"{path.name}: the groups differ: {list(old_groups)} -> {list(new_groups)}")
            unexplained += 1
        changed = []
        for key, g_old in old_groups.items():
            g_new = new_groups.get(key)
            if g_new == g_old:
                continue
            if not g_old["suppressed"] and g_new is not None and g_new["suppressed"]:
                changed.append(f"{key!r} (n = {g_old['n']}) suppressed by §12 complementary suppression")
            else:
                changed.append(f"{key!r} changed without §12")
                unexplained += 1
        print(f"{path.name}: " + ("; ".join(changed) if changed else "every version 1 number unchanged"))
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
