"""The rows make_eval_set.py writes with other seeds: development data from the evaluation set's own generator
(make_generated_persons.py, score_fresh_samples.py). Needs rapidfuzz and Levenshtein and ../../../../../../shared/lists."""
import csv, os, subprocess, sys, tempfile

DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def official_rows(*parts):
    """The rows of the official evaluation set's `parts` ("dev", "test")."""
    for part in parts:
        with open(os.path.join(DATA, f"evaluation-set-{part}.tsv"), encoding="utf-8") as f:
            yield from csv.DictReader(f, delimiter="\t")


def generator_rows(seeds):
    """Every row (both parts) of make_eval_set.py run with each of `seeds`, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out = os.path.join(tmp, str(seed))
            os.makedirs(out)
            subprocess.run([sys.executable, os.path.join(DATA, "make_eval_set.py"), "--seed", str(seed), "--out-dir", out],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for part in ("dev", "test"):
                with open(os.path.join(out, f"evaluation-set-{part}.tsv"), encoding="utf-8") as f:
                    yield from csv.DictReader(f, delimiter="\t")
