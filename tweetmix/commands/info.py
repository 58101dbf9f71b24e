"""``tweetmix info``: a model's manifest (versions, training data, metrics, policy)."""
from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK


def add_parser(sub: Any) -> None:
    info = sub.add_parser("info", help="print a model's manifest")
    info.add_argument("model", nargs="?", help="model file (default: the bundled model)")
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import _resolve

    model = _resolve(args.model)
    manifest = dict(model.manifest, source=model.source)
    if args.format == "json":
        print(json.dumps(manifest, indent=2, sort_keys=True))
        return EXIT_OK
    data = manifest.get("training_data", {})
    print(f"model:     {model.name} ({model.source})")
    print(f"labels:    {', '.join(manifest.get('labels', []))}")
    print(f"trained:   {data.get('n_posts')} posts {data.get('label_counts')}, "
          f"sha256 {str(data.get('sha256'))[:12]}…")
    metrics = manifest.get("metrics") or {}
    if metrics:
        print("metrics:   " + ", ".join(f"{k} {metrics[k]:.3f}" for k in
                                         ("accuracy", "macro_f1", "roc_auc", "ece") if k in metrics))
    for key, value in sorted(manifest.get("evaluation", {}).items()):
        print(f"eval:      {key}: {value}")
    versions = manifest.get("versions", {})
    print("versions:  " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    print(f"policy:    {manifest.get('policy')}")
    return EXIT_OK
