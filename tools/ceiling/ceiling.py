#!/usr/bin/python3
"""How far can any model of a Medium post's title and subtitle predict its claps?

A reference point for issue 11's target (held-out Spearman rho, median over the
six publications, at least 0.20): the same split and measure as
`make eval-calibration`, but with general-purpose learners that the product
does not ship (scikit-learn's TF-IDF and ridge regression), so that the
calibration's result can be read against what the data allows.

Every model is fitted on a publication's `profile` posts only; its penalty is
chosen by 5-fold cross-validation on those posts (never on held-out posts);
the table gives Spearman's rho with claps on the `heldout` posts. One family
adds the post's publication date, which a content score never sees (a draft
has no date yet): it shows how much of the predictable part is the date.

    make eval-ceiling          # installs python3-sklearn from Debian if missing

Evaluation only: it reads ../shared/data/real and writes nothing.
"""
import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from scipy.stats import rankdata, spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold

CHECKS = ["relevance", "focus", "value", "generations", "readability", "channel", "hooks"]
ALPHAS = [1, 3, 10, 30, 100]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def engine_scores(cli, folder, by):
    """The uncalibrated engine's score and checks for every post, against the
    data set's profile of its publication (`sweetspot score --jsonl`)."""
    out = {}
    for community, posts in by.items():
        lines = "".join(json.dumps({"id": p["id"], "title": p["title"], "body": p["body"], "network": "blog"}) + "\n" for p in posts)
        audience = os.path.join(folder, "profiles", slug(community) + ".json")
        run = subprocess.run(cli + ["score", "--audience", audience, "--jsonl"], input=lines, capture_output=True, text=True, check=True)
        for line in run.stdout.splitlines():
            r = json.loads(line)
            checks = {c["id"]: c["score"] for c in r.get("checks", [])}
            out[r["id"]] = [r.get("score", 0)] + [checks.get(c, 0) for c in CHECKS]
    return out


def shape(p):
    """Length and style of the title and subtitle (what any draft shows)."""
    t, b = p["title"], p["body"] or ""
    return [len(t.split()), len(b.split()), len(t), t.endswith("?"), any(c.isdigit() for c in t), ":" in t, b == ""]


def dense(posts, engine, with_engine, with_date):
    rows = []
    for p in posts:
        row = shape(p)
        if with_engine:
            row += engine[p["id"]]
        if with_date:
            row.append(datetime.date.fromisoformat(p["created"][:10]).toordinal())
        rows.append(row)
    return np.array(rows, float)


def text(p):
    return p["title"] + " . " + (p["body"] or "")


def fit_ridge(X, y):
    """Ridge with its penalty chosen by 5-fold cross-validation on (X, y)."""
    best = None
    for a in ALPHAS:
        pred = np.zeros(len(y))
        for train, val in KFold(5, shuffle=True, random_state=0).split(X):
            pred[val] = Ridge(alpha=a).fit(X[train], y[train]).predict(X[val])
        rho = spearmanr(pred, y).correlation
        if best is None or rho > best[0]:
            best = (rho, a)
    return Ridge(alpha=best[1]).fit(X, y)


FAMILIES = [
    # name, words, characters, engine, date
    ("shape only", False, False, False, False),
    ("words + shape", True, False, False, False),
    ("characters + shape", False, True, False, False),
    ("words + characters + shape + engine checks", True, True, True, False),
    ("the same + publication date (not content)", True, True, True, True),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-set", default="../shared/data/real/medium-publications")
    ap.add_argument("-cli", default="go run ./cmd/sweetspot", help="how to run the sweetspot CLI")
    args = ap.parse_args()
    posts = [json.loads(l) for l in open(os.path.join(args.set, "posts.jsonl"))]
    by = collections.defaultdict(list)
    for p in posts:
        by[p["community"]].append(p)
    engine = engine_scores(args.cli.split(), args.set, by)
    names = sorted(by)
    table = {}
    for community in names:
        train = [p for p in by[community] if p["split"] == "profile"]
        test = [p for p in by[community] if p["split"] == "heldout"]
        claps = np.array([p["engagement"] for p in train], float)
        y = rankdata(claps) / len(claps) - 0.5  # the calibration's own target
        held = [p["engagement"] for p in test]
        table[("uncalibrated engine", community)] = spearmanr([engine[p["id"]][0] for p in test], held).correlation
        for name, words, chars, with_engine, with_date in FAMILIES:
            D = dense(train, engine, with_engine, with_date)
            mu, sd = D.mean(0), D.std(0) + 1e-9
            parts, parts_test = [csr_matrix((D - mu) / sd)], [csr_matrix((dense(test, engine, with_engine, with_date) - mu) / sd)]
            for on, vec in ((words, lambda: TfidfVectorizer(min_df=2, sublinear_tf=True)),
                            (chars, lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True))):
                if on:
                    v = vec()
                    parts.append(v.fit_transform([text(p) for p in train]))
                    parts_test.append(v.transform([text(p) for p in test]))
            model = fit_ridge(hstack(parts).tocsr(), y)
            table[(name, community)] = spearmanr(model.predict(hstack(parts_test).tocsr()), held).correlation
    rows = ["uncalibrated engine"] + [f[0] for f in FAMILIES]
    print("held-out Spearman rho with claps; fitted on profile posts, penalty by 5-fold CV on them")
    print(f"{'model':44s} {'median':>7s}  " + "  ".join(f"{n[:12]:>12s}" for n in names))
    for r in rows:
        vals = [table[(r, n)] for n in names]
        print(f"{r:44s} {np.median(vals):+7.3f}  " + "  ".join(f"{v:+12.3f}" for v in vals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
