"""Saving and loading models: joblib payload + JSON manifest + sha256 checks.

File layout (all offsets after the header line)::

    TWEETMIX-MODEL\\n
    {"format_version": 1, "manifest": {...}, "sections": {"runtime": {...}, "estimator": {...}}}\\n
    <runtime section: zlib-compressed JSON>   (what the check path reads; no pickle)
    <estimator section: joblib pickle>        (the scikit-learn estimator, for training-side work)

The header is plain JSON, read before anything is unpickled, so a file that is not a tweetmix
model, comes from another version, or was truncated or edited is refused with a specific
:class:`~tweetmix.exceptions.ModelFileError` *before* any pickle runs.

.. warning::
   The estimator section is a pickle (joblib). Loading a pickle can run arbitrary code: only load
   models you made or got from a source you trust. The sha256 checks detect damage and edits, not
   a forger who rewrites the header too. The runtime section is JSON and safe to read.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pathlib
import platform
from datetime import datetime, timezone
from typing import Any, Mapping

from .exceptions import CorruptModelError, IncompatibleModelError, ModelNotFoundError, NotAModelError

__all__ = ["MAGIC", "FORMAT_VERSION", "write_model_file", "read_header", "read_section",
           "environment_versions", "data_fingerprint"]

MAGIC = b"TWEETMIX-MODEL\n"
FORMAT_VERSION = 1
_MAX_HEADER = 1 << 20


def environment_versions() -> dict[str, str]:
    """Versions that decide whether a pickled estimator can be trusted to reload."""
    from importlib import metadata

    versions = {"python": platform.python_version()}
    for dist in ("tweetmix", "scikit-learn", "nltk", "numpy", "scipy", "joblib"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


def data_fingerprint(texts: list[str], labels: list[str]) -> str:
    """sha256 of the training posts and labels, in order: identifies the data a model saw."""
    digest = hashlib.sha256()
    for text, label in zip(texts, labels):
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
        digest.update(str(label).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def write_model_file(path: str | os.PathLike[str], manifest: Mapping[str, Any],
                     sections: Mapping[str, bytes]) -> pathlib.Path:
    """Write ``sections`` (name -> bytes) behind a JSON header; atomic via a temporary file."""
    path = pathlib.Path(path)
    table: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, blob in sections.items():
        table[name] = {"offset": offset, "size": len(blob),
                       "sha256": hashlib.sha256(blob).hexdigest()}
        offset += len(blob)
    header = {
        "format": "tweetmix-model",
        "format_version": FORMAT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "manifest": dict(manifest),
        "sections": table,
    }
    header_line = json.dumps(header, sort_keys=True, ensure_ascii=True).encode("ascii") + b"\n"
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(MAGIC)
        handle.write(header_line)
        for blob in sections.values():
            handle.write(blob)
    os.replace(tmp, path)
    return path


def read_header(path: str | os.PathLike[str]) -> tuple[dict[str, Any], int]:
    """Return the header and the byte offset where sections start; raise if not a model."""
    path = pathlib.Path(path)
    if not path.exists():
        raise ModelNotFoundError(
            f"no model file at {path}; check the path, or train one with `tweetmix train`"
        )
    if path.is_dir():
        raise NotAModelError(f"{path} is a folder, not a model file")
    with open(path, "rb") as handle:
        magic = handle.read(len(MAGIC))
        if magic != MAGIC:
            hint = (" It looks like a bare joblib/pickle file; tweetmix only loads files written by"
                    " tweetmix.save, which carry a manifest and checksums.") if magic[:1] == b"\x80" else ""
            raise NotAModelError(f"{path} is not a tweetmix model file.{hint}")
        line = handle.readline(_MAX_HEADER)
    if not line.endswith(b"\n"):
        raise CorruptModelError(f"{path}: the model header is cut off; the file is truncated. "
                                "Copy or download it again, or retrain.")
    try:
        header = json.loads(line)
    except ValueError:
        raise CorruptModelError(f"{path}: the model header is not valid JSON; the file was "
                                "damaged or edited. Copy it again or retrain.") from None
    if not isinstance(header, dict) or header.get("format") != "tweetmix-model":
        raise NotAModelError(f"{path} is not a tweetmix model file")
    version = header.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise IncompatibleModelError(
            f"{path} uses model format {version!r}, newer than this tweetmix understands "
            f"({FORMAT_VERSION}); upgrade tweetmix (pip install -U tweetmix)"
        )
    return header, len(MAGIC) + len(line)


def read_section(path: str | os.PathLike[str], header: Mapping[str, Any], start: int,
                 name: str) -> bytes:
    """Read one section and check its size and sha256."""
    entry = header.get("sections", {}).get(name)
    if entry is None:
        raise CorruptModelError(f"{path} has no {name!r} section; it was written incompletely")
    with open(path, "rb") as handle:
        handle.seek(start + int(entry["offset"]))
        blob = handle.read(int(entry["size"]))
    if len(blob) != int(entry["size"]):
        raise CorruptModelError(
            f"{path}: the {name} section is {len(blob)} bytes, expected {entry['size']}; the file "
            "is truncated. Copy or download it again, or retrain."
        )
    if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
        raise CorruptModelError(
            f"{path}: the {name} section's sha256 does not match the manifest; the file was "
            "damaged or edited after it was saved. Do not use it: copy it again from its source "
            "or retrain."
        )
    return blob


def dump_estimator(estimator: Any) -> bytes:
    import joblib

    buffer = io.BytesIO()
    joblib.dump(estimator, buffer, compress=3)
    return buffer.getvalue()


def load_estimator(blob: bytes) -> Any:
    import joblib

    return joblib.load(io.BytesIO(blob))


def check_estimator_versions(path: str | os.PathLike[str], manifest: Mapping[str, Any]) -> None:
    """Refuse to unpickle an estimator built with another scikit-learn."""
    saved = manifest.get("versions", {}).get("scikit-learn")
    installed = environment_versions()["scikit-learn"]
    if saved != installed:
        raise IncompatibleModelError(
            f"{path} was saved with scikit-learn {saved} but {installed} is installed; pickled "
            "estimators are not portable across scikit-learn versions. Retrain it with this "
            "version (tweetmix train ...), or install scikit-learn=="
            f"{saved}. Checking posts does not need the estimator: tweetmix.load(path, "
            "estimator=False) still works."
        )
