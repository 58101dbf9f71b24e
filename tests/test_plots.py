"""Plots of an evaluation report: what each draws, the PNG files, and life without matplotlib."""
from __future__ import annotations

import builtins
import csv
import struct
import subprocess
import sys

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from tests.conftest import ROOT  # noqa: E402
from tweetmix import plots  # noqa: E402
from tweetmix.evaluate import evaluate_model  # noqa: E402
from tweetmix.exceptions import DataError  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report(starter):
    idx = [i for i, s in enumerate(starter.split) if s == "test"][::12]
    return evaluate_model(None, [starter.data[i] for i in idx], [starter.target[i] for i in idx],
                          groups=[starter.groups[i] for i in idx])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def png_size(path) -> tuple[int, int]:
    """Width and height from a PNG's header, after checking it is a PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE and head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def texts_of(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_confusion_matrix_shows_the_reports_counts(report):
    figure = plots.plot_confusion_matrix(report)
    ax = figure.axes[0]
    counts = report.confusion_matrix()
    for value in counts.to_numpy().ravel():
        assert any(t.startswith(f"{value:,}\n") for t in texts_of(ax))
    assert ax.get_xlabel() == "predicted" and ax.get_ylabel() == "actual"
    assert f"p_personal ≥ {report.threshold:g}" in ax.get_title()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["personal", "professional"]


def test_precision_recall_marks_the_chosen_threshold(report):
    figure = plots.plot_precision_recall(report, threshold=0.7)
    ax = figure.axes[0]
    marker = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(marker) == 1
    flagged = report.p_personal >= 0.7
    y = report.y_true
    assert marker[0].get_xdata()[0] == pytest.approx((y & flagged).sum() / y.sum())
    assert marker[0].get_ydata()[0] == pytest.approx(y[flagged].mean())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.startswith("threshold 0.7: precision") for t in legend)
    assert "recall" in ax.get_xlabel() and "precision" in ax.get_ylabel()


def test_calibration_plots_the_reliability_table_and_counts(report):
    from tweetmix.evaluate import calibration_table

    figure = plots.plot_calibration(report)
    ax = figure.axes[0]
    table = calibration_table(report.y_true, report.p_personal)
    filled = table[table["count"] > 0]
    model_line = [line for line in ax.lines if line.get_label() == "model"][0]
    assert np.allclose(model_line.get_ydata(), filled["observed_rate"])
    heights = [bar.get_height() for bar in figure.axes[1].patches]
    assert heights == table["count"].tolist()
    assert "ECE" in ax.get_title() and figure.axes[1].get_ylabel() == "posts per bin"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["perfectly calibrated", "model", "posts per bin (right axis)"]


def test_top_features_bars_point_each_way(report):
    figure = plots.plot_top_features(report, n=5)
    ax = figure.axes[0]
    widths = [bar.get_width() for bar in ax.patches]
    assert len(widths) == 10
    assert all(w < 0 for w in widths[:5]) and all(w > 0 for w in widths[5:])
    first = report.top_features.iloc[0]["term"]
    assert ax.get_yticklabels()[0].get_text() == f"“{first}”"


def test_plots_draw_on_a_given_axes_and_take_arrays():
    figure, (left, right) = plt.subplots(1, 2)
    y = np.array([0, 0, 1, 1, 1, 0])
    p = np.array([0.1, 0.4, 0.35, 0.8, 0.9, 0.7])
    assert plots.plot_confusion_matrix(y_true=y, p_personal=p, ax=left) is figure
    assert plots.plot_calibration(y_true=y, p_personal=p, ax=right) is figure
    assert "accuracy 0.667" in left.get_title()  # 0.5 threshold: 4 of 6 right
    with pytest.raises(TypeError, match="both y_true and p_personal"):
        plots.plot_precision_recall(y_true=y)
    with pytest.raises(TypeError, match="a report"):
        plots.plot_top_features()


def test_save_plots_writes_four_pngs(report, tmp_path):
    paths = plots.save_plots(report, tmp_path / "out")
    assert [p.name for p in paths] == list(plots.PLOT_FILES)
    for path in paths:
        width, height = png_size(path)
        assert width >= 400 and height >= 300
        assert path.stat().st_size > 15_000  # drawn, not blank
    with pytest.raises(DataError, match="not a folder"):
        plots.save_plots(report, paths[0])


def test_missing_matplotlib_says_how_to_install(report, monkeypatch, capsys):
    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.split(".")[0] == "matplotlib":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(ImportError, match=r'pip install "tweetmix\[plots\]"'):
        plots.plot_confusion_matrix(report)
    from tweetmix.cli import main

    assert main(["evaluate", "nowhere.csv", "--plots", "out"]) == 2  # before reading anything
    assert 'pip install "tweetmix[plots]"' in capsys.readouterr().err


def test_cli_cross_validates_and_writes_four_pngs(starter, tmp_path):
    chosen = sorted(set(starter.groups))[::10]
    posts = tmp_path / "posts.csv"
    with posts.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "kind", "persona"])
        for g in chosen:
            rows = [(t, k, g) for t, k, x in zip(starter.data, starter.target, starter.groups)
                    if x == g]
            writer.writerows(rows[:16])
    out = tmp_path / "plots"
    result = subprocess.run(
        [sys.executable, "-m", "tweetmix", "evaluate", str(posts), "--label-col", "kind",
         "--group-col", "persona", "--cv", "3", "--plots", str(out), "--quiet"],
        capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "3-fold cross-validation, grouped by persona" in result.stdout
    for name in plots.PLOT_FILES:
        assert f"wrote {out / name}" in result.stdout
        width, height = png_size(out / name)
        assert width >= 400 and (out / name).stat().st_size > 15_000
