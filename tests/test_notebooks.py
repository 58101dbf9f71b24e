"""The tutorial notebooks run from top to bottom, say what they promise, and are committed clean.

They are executed with nbclient in a python3 kernel that runs *this* interpreter (a kernelspec
written to a temporary JUPYTER_PATH), with the checkout on PYTHONPATH, so the test needs no
``ipykernel install`` and works in a virtual environment.
"""
from __future__ import annotations

import json
import re
import sys

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = ROOT / "notebooks"
NAMES = ("01-quickstart", "02-train-your-own", "03-how-good-is-it")
CELL_TIMEOUT = 300  # seconds; generous because CI machines are shared


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory):
    """A python3 kernelspec for this interpreter, and the checkout importable in the kernel."""
    folder = tmp_path_factory.mktemp("jupyter")
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (tweetmix tests)", "language": "python",
    }))
    return {"JUPYTER_PATH": str(folder), "PYTHONPATH": str(ROOT), "MPLBACKEND": ""}


def execute(name: str, kernel_env: dict[str, str], monkeypatch, **env: str):
    for key, value in {**kernel_env, **env}.items():
        if value:
            monkeypatch.setenv(key, value)
        else:
            monkeypatch.delenv(key, raising=False)
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    return notebook


def outputs(notebook) -> list[dict]:
    return [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]


def text_of(notebook) -> str:
    parts = []
    for out in outputs(notebook):
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out:
            parts.append(out.data.get("text/plain", ""))
            parts.append(out.data.get("text/html", ""))
    return "\n".join(parts)


def images(notebook) -> int:
    return sum("image/png" in out.get("data", {}) for out in outputs(notebook))


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_committed_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_use_only_public_names(name):
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    source = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert "import tweetmix" in source
    assert not re.search(r"\._[A-Za-z]", source)  # no private attributes or modules
    assert not re.search(r"import [^\n]*\b_[A-Za-z]", source)  # no private names imported


@pytest.mark.slow
def test_quickstart_prints_verdicts_and_reasons(kernel_env, monkeypatch):
    notebook = execute("01-quickstart", kernel_env, monkeypatch)
    text = text_of(notebook)
    assert "warning: " in text and "verdict:    warning" in text
    assert "mentions your health" in text
    assert "ok: skipped, the post carries the opt-out marker" in text
    # the stricter threshold turns the first notice into ok
    default_line = next(line for line in text.splitlines() if line.startswith("default (0.5):"))
    strict_line = next(line for line in text.splitlines() if line.startswith("threshold 0.95:"))
    assert "notice:" in default_line and "ok:" in strict_line


@pytest.mark.slow
def test_train_your_own_reloads_the_tuned_model(kernel_env, monkeypatch):
    notebook = execute("02-train-your-own", kernel_env, monkeypatch)
    text = text_of(notebook)
    assert "3-fold cross-validation, grouped by author" in text
    chosen = next(line for line in text.splitlines() if line.startswith("threshold for 85%"))
    threshold = float(chosen.rsplit(" ", 1)[1])
    assert f"threshold: {round(threshold, 3)}" in text  # the reloaded model kept it
    assert "<TweetmixModel 'my-posts' from" in text


@pytest.mark.slow
@pytest.mark.parametrize("shared", ["found", "absent"])
def test_how_good_is_it_draws_four_plots(kernel_env, monkeypatch, tmp_path, shared):
    real_data = ROOT.parent / "shared" / "data"
    if shared == "found" and not real_data.is_dir():
        pytest.skip("../shared/data is not on this machine")
    # found: the notebook's own search upwards from notebooks/; absent: an override to nowhere
    env = {"TWEETMIX_SHARED_DATA": "" if shared == "found" else str(tmp_path / "none")}
    notebook = execute("03-how-good-is-it", kernel_env, monkeypatch, **env)
    text = text_of(notebook)
    assert images(notebook) == 4
    assert "false positive" in text and "false negative" in text
    if shared == "found":
        assert "from TweetTopicXL" in text and "Spearman correlation" in text
    else:
        assert "from the starter corpus test split" in text and "MINT is not available" in text
