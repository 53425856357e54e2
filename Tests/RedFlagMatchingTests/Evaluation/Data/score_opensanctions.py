#!/usr/bin/env python3
"""Scores OpenSanctions' matchers (nomenklatura logic-v2, logic-v1, ofac) on redflag's evaluation
set, side by side with redflag (matching-anchors.md §6). Never run by CI.

Setup (once; a few minutes, mostly compiling pyicu):
    python3 -m venv /tmp/osvenv && /tmp/osvenv/bin/pip install nomenklatura rigour followthemoney rapidfuzz jellyfish

Inputs:
    evaluation-set-dev.tsv and evaluation-set-test.tsv (beside this script) for the classes, queries, types and base names;
    redflag's per-query outcomes, written by the Swift evaluation test:
        REDFLAG_EVAL_OUT=/tmp/redflag-eval.tsv swift test --filter EvaluationTests
Run:
    /tmp/osvenv/bin/python score_opensanctions.py /tmp/redflag-eval.tsv [--shared ../../../../../shared/lists]
Output: opensanctions-comparison.md and opensanctions-comparison.tsv beside this script.

Parts: the test part by default (--split dev,test for both). Address classes are left out (name scorers).
Country classes are scored on names only (the OpenSanctions side gets no country), published pairs
against their candidate, cross-script rows against the anchor name of their party.

Candidates (yente scores the ~50 candidates its Elasticsearch retrieves; there is none here):
  * a positive counts as found when the matcher scores the query against the listed name it was
    made from (base_name) at or above the threshold: candidate retrieval is assumed perfect, which
    favours OpenSanctions;
  * a negative is a false alarm when any candidate reaches the threshold; candidates are the 10
    list names closest by rapidfuzz WRatio (a stand-in for the Elasticsearch retrieval) plus
    redflag's 5 best-scoring names.
Thresholds: 0.70 for logic-v2 and logic-v1 (yente's default), 0.85 for ofac (what SLS users set,
80–85); redflag at its defaults (review 0.80).
"""
import argparse
import csv
import os
import sys
import time
import itertools
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from followthemoney.proxy import EntityProxy  # noqa: E402
from nomenklatura.matching import get_algorithm  # noqa: E402
from nomenklatura.matching.types import ScoringConfig  # noqa: E402

THRESHOLDS = {"logic-v2": 0.70, "logic-v1": 0.70, "ofac": 0.85}
_ids = itertools.count()


def make(schema, name):
    # unique ids: nomenklatura caches analysed names per entity id
    return EntityProxy.from_dict({"id": f"e{next(_ids)}", "schema": schema, "properties": {"name": [name]}})


def schema_for(kind):
    return {"person": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}.get(kind, "LegalEntity")


def list_names(shared):
    import evallib as m
    entries = []
    entries += m.read_ofac(os.path.join(shared, "ofac/sdn.xml"), "OFAC-SDN")
    entries += m.read_ofac(os.path.join(shared, "ofac/consolidated.xml"), "OFAC-CONS")
    entries += m.read_csl(os.path.join(shared, "csl/consolidated.csv"))
    entries += m.read_un(os.path.join(shared, "un/consolidated.xml"))
    entries += m.read_eu(os.path.join(shared, "eu/fsf-full-1_1-20240513.xml"))
    entries += m.read_uk(os.path.join(shared, "uk/ofsi-conlist-20200427.csv"))
    names = sorted({n for e in entries for n in e.names + e.scripts if n})
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outcomes")
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(HERE, "../../../../../shared/lists")))
    ap.add_argument("--algorithms", default="logic-v2,logic-v1,ofac")
    ap.add_argument("--retrieved", type=int, default=10)
    ap.add_argument("--positives-only", action="store_true", help="score recall only (no candidate retrieval for negatives)")
    ap.add_argument("--split", default="test", help="parts to score: test (default), dev or dev,test")
    a = ap.parse_args()

    evalset = [r for part in ("dev", "test")
               for r in csv.DictReader(open(os.path.join(HERE, f"evaluation-set-{part}.tsv"), encoding="utf-8"), delimiter="\t",
                                       quoting=csv.QUOTE_NONE)]
    outcomes = list(csv.DictReader(open(a.outcomes, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    # the Swift run may have screened a sample: join on (class, split, query, base_name)
    by_row = {(e["class"], e["split"], e["query"], e["base_name"]): e for e in evalset}
    evalset = [by_row[(o["class"], o["split"], o["query"], o["base_name"])] for o in outcomes]
    # address classes are not name matching: the OpenSanctions name scorers have nothing to compare
    keep = [i for i, e in enumerate(evalset) if e["split"] in a.split.split(",") and "address" not in e["class"]]
    evalset = [evalset[i] for i in keep]
    outcomes = [outcomes[i] for i in keep]

    if a.positives_only:
        keep = [i for i, e in enumerate(evalset) if not e["class"].startswith("negative")]
        evalset = [evalset[i] for i in keep]
        outcomes = [outcomes[i] for i in keep]
    negatives = [i for i, e in enumerate(evalset) if e["class"].startswith("negative")]
    org_rows = [i for i, e in enumerate(evalset) if e["class"] == "negative_organisation"]
    from rapidfuzz import process, fuzz
    # --retrieved 0: negatives are scored against redflag's own candidates only (fast, but weaker retrieval)
    names = list_names(a.shared) if negatives and a.retrieved > 0 else []
    print(f"{len(names)} list names; retrieving {a.retrieved} candidates for {len(negatives)} negatives", file=sys.stderr)
    t0 = time.perf_counter()
    retrieved = {}
    for start in range(0, len(negatives) if names else 0, 200):
        batch = negatives[start:start + 200]
        scores = process.cdist([evalset[i]["query"] for i in batch], names, scorer=fuzz.WRatio,
                               processor=lambda s: s.lower(), workers=-1, dtype="uint8")
        for row, i in enumerate(batch):
            top = scores[row].argsort()[::-1][: a.retrieved]
            retrieved[i] = [names[j] for j in top]
    print(f"retrieval {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    results = {}
    cfg = ScoringConfig.defaults()
    for alg in [x for x in a.algorithms.split(",") if x]:
        algo = get_algorithm(alg)
        algo.compare(make("Person", "John Smith"), make("Person", "Jon Smyth"), cfg)  # warm-up
        thr = THRESHOLDS[alg]
        ok = []
        t0 = time.perf_counter()
        pairs = 0
        for i, e in enumerate(evalset):
            schema = schema_for(e["type"])
            q = make(schema, e["query"])
            if e["class"].startswith("published"):
                s = algo.compare(q, make(schema, e["candidate"]), cfg).score
                pairs += 1
                ok.append(s >= thr if e["class"] == "published_match" else s < thr)
            elif e["class"].startswith("negative"):
                cands = set(retrieved.get(i, [])) | {c for c in outcomes[i]["candidates"].split("|") if c}
                best = 0.0
                for c in cands:
                    best = max(best, algo.compare(q, make(schema, c), cfg).score)
                    pairs += 1
                ok.append(best < thr)
            else:
                base = e["base_name"].split(" [")[0].split("|")[0] if e["class"] == "cross_script" else e["base_name"]
                s = algo.compare(q, make(schema, base), cfg).score
                pairs += 1
                ok.append(s >= thr)
        dt = time.perf_counter() - t0
        print(f"{alg}: {pairs} pairs in {dt:.0f} s ({pairs / dt:,.0f}/s)", file=sys.stderr)
        results[alg] = ok
    results["redflag"] = [o["redflag_ok"] == "1" for o in outcomes]

    order = ["redflag"] + [x for x in a.algorithms.split(",") if x]
    classes = []
    for e in evalset:
        if e["class"] not in classes:
            classes.append(e["class"])
    by_class = defaultdict(list)
    for i, e in enumerate(evalset):
        by_class[e["class"]].append(i)

    def rate(alg, idx):
        return sum(results[alg][i] for i in idx) / len(idx)

    pos = [i for i, e in enumerate(evalset) if not e["class"].startswith(("negative", "published", "cross_script"))]
    lines = ["| class | n | " + " | ".join(f"{x} ({'defaults' if x == 'redflag' else THRESHOLDS[x]})" for x in order) + " |",
             "|---|---:|" + "---:|" * len(order)]
    for c in classes:
        idx = by_class[c]
        neg = c.startswith("negative")
        cells = [f"{(1 - rate(x, idx)) if neg else rate(x, idx):.3f}" for x in order]
        what = "false alarms" if neg else "pass" if c.startswith("published") else "found" if c == "cross_script" else "recall"
        lines.append(f"| {c} ({what}) | {len(idx)} | " + " | ".join(cells) + " |")
    lines.append(f"| **overall recall** | {len(pos)} | " + " | ".join(f"**{rate(x, pos):.3f}**" for x in order) + " |")
    if negatives:
        lines.append(f"| **false-alarm rate** | {len(negatives)} | " + " | ".join(f"**{1 - rate(x, negatives):.3f}**" for x in order) + " |")
    cross = by_class.get("cross_script", [])
    if cross:
        lines.append(f"| **cross-script found** | {len(cross)} | " + " | ".join(f"**{rate(x, cross):.3f}**" for x in order) + " |")
    pub = [i for i, e in enumerate(evalset) if e["class"].startswith("published")]
    if pub:
        lines.append(f"| **published cases passed** | {len(pub)} | " + " | ".join(f"**{rate(x, pub):.3f}**" for x in order) + " |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(HERE, "opensanctions-comparison.md"), "w", encoding="utf-8") as f:
        f.write("# redflag vs OpenSanctions matchers on the evaluation set\n\n")
        f.write(f"Generated by score_opensanctions.py on the {a.split} part (see its docstring for the candidate and threshold rules).\n\n")
        f.write(table + "\n")
    with open(os.path.join(HERE, "opensanctions-comparison.tsv"), "w", encoding="utf-8") as f:
        f.write("class\tn\t" + "\t".join(order) + "\n")
        for c in classes:
            idx = by_class[c]
            f.write(f"{c}\t{len(idx)}\t" + "\t".join(f"{rate(x, idx):.4f}" for x in order) + "\n")


if __name__ == "__main__":
    main()
