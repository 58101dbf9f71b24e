"""Quality of the default (or a given) model on real posts nobody here wrote.

Reads ../shared/data (TweetTopicXL, MINT, TweetEval); prints a markdown table and exits 0 with a
note when that folder is absent. Targets are DESIGN §5. Usage::

    python benchmarks/real_posts.py [--model PATH] [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
from datetime import date

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    if not shared.is_dir():
        print(f"skipped: {shared} not found (the real-post datasets are not on this machine)")
        return 0

    import tweetmix
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import f1_score, roc_auc_score

    from tweetmix.datasets import load_mint, load_starter, load_tweettopic
    from tweetmix.evaluate import binary_metrics

    model = tweetmix.load(args.model, estimator=False) if args.model else tweetmix.default_model()
    rows = []
    texts, kinds = load_tweettopic(shared / "tweettopic_xl_en" / "en_1000.jsonl")
    personal = [k == "personal" for k in kinds]
    p = model.score(texts)
    rows.append(("TweetTopicXL ROC-AUC (p_personal)", f"{roc_auc_score(personal, p):.3f}",
                 "≥ 0.93 (issue floor 0.90)", f"n={len(texts)}, {sum(personal)} personal"))
    rows.append(("TweetTopicXL macro-F1 @0.5", f"{f1_score(personal, p >= 0.5, average='macro'):.3f}",
                 "", ""))
    texts, intimacy = load_mint(shared / "mint_intimacy" / "train.csv")
    p = model.score(texts)
    ok = ~np.isnan(p)
    rows.append(("MINT English Spearman", f"{spearmanr(p[ok], np.asarray(intimacy)[ok])[0]:.3f}",
                 "≥ 0.55 (issue floor 0.45)", f"n={ok.sum()}"))
    rows.append(("MINT English Pearson", f"{pearsonr(p[ok], np.asarray(intimacy)[ok])[0]:.3f}",
                 "", ""))
    results = model.check(texts)
    disclosure = np.array([1 - np.prod([1 - v for v in r.category_scores.values()])
                           for r in results])
    if disclosure.any():
        rows.append(("MINT English Spearman, disclosure score",
                     f"{spearmanr(disclosure, intimacy)[0]:.3f}", "≥ 0.55 (issue floor 0.45)",
                     "P(any sensitive category)"))
        rows.append(("MINT English Spearman, p_personal × disclosure",
                     f"{spearmanr(p * disclosure, intimacy)[0]:.3f}", "", ""))
    pool = [line for path in sorted((shared / "tweeteval").glob("*/*_text.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts = [r.verdict for r in model.check(pool)]
    rows.append(("TweetEval warning rate", f"{verdicts.count('warning') / len(pool):.3f}",
                 "≤ 0.05 (issue: ≤ 0.08)", f"n={len(pool)}; notice rate "
                 f"{verdicts.count('notice') / len(pool):.3f}"))
    held_out = model.manifest.get("evaluation", {}).get("starter_test")
    if held_out is None:  # a model that never saw the test split can be measured directly
        test = load_starter(split="test")
        held_out = binary_metrics([t == "personal" for t in test.target], model.score(test.data))
        note = "measured now"
    else:
        note = "train-split model on the test split's new authors (from the manifest)"
    for key in ("accuracy", "macro_f1", "roc_auc", "ece"):
        rows.append((f"starter test split {key}", f"{held_out[key]:.3f}",
                     "≤ 0.05" if key == "ece" else "", note if key == "accuracy" else ""))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "uncommitted"
    print(f"Measured {date.today()} at commit {commit}, model {model.name!r}\n")
    print("| metric | value | target | note |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
