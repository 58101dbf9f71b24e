"""Pictures of an :class:`~tweetmix.evaluate.EvaluationReport` (optional extra ``tweetmix[plots]``).

Four views answer the questions people ask of a classifier they are about to trust:

* :func:`plot_confusion_matrix` — at the chosen threshold, how many posts land where;
* :func:`plot_precision_recall` — what moving the threshold trades, with the chosen one marked;
* :func:`plot_calibration` — whether "80 % personal" means 80 % (reliability diagram, with
  how many posts fall in each score bin);
* :func:`plot_top_features` — the words that pull hardest towards each class.

Each takes a report (or plain arrays), draws on ``ax`` if given (else a new figure) and returns
the :class:`~matplotlib.figure.Figure`. :func:`save_plots` writes all four as PNG files.
matplotlib is imported only when a plot is drawn.
"""
from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .evaluate import EvaluationReport

__all__ = ["plot_confusion_matrix", "plot_precision_recall", "plot_calibration",
           "plot_top_features", "save_plots", "PLOT_FILES"]

#: File names :func:`save_plots` writes, in order.
PLOT_FILES = ("confusion_matrix.png", "precision_recall.png", "calibration.png",
              "top_features.png")

PERSONAL_COLOUR = "#c2185b"
PROFESSIONAL_COLOUR = "#1565c0"


def _pyplot(backend: str | None = None) -> Any:
    """matplotlib's pyplot, or an ImportError that says how to install it."""
    try:
        import matplotlib

        if backend is not None:
            matplotlib.use(backend)
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(
            "tweetmix plots need matplotlib, which is not installed; install it with "
            'pip install "tweetmix[plots]"'
        ) from exc
    return plt


def _axes(ax: "Axes | None", figsize: tuple[float, float]) -> "Axes":
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=figsize, layout="constrained")
    return new


def _scores(report: "EvaluationReport | None", y_true: Any, p_personal: Any,
            threshold: float | None) -> tuple[np.ndarray, np.ndarray, float]:
    """``(y, p, threshold)`` from a report or from arrays (arrays win when both are given)."""
    from .evaluate import _paired

    if y_true is None and p_personal is None:
        if report is None:
            raise TypeError("give a report, or y_true and p_personal")
        y, p = report.y_true, report.p_personal
        cut = report.threshold if threshold is None else threshold
    else:
        if y_true is None or p_personal is None:
            raise TypeError("give both y_true and p_personal")
        y, p = _paired(y_true, p_personal)
        cut = 0.5 if threshold is None else threshold
    return y, p, float(cut)


def plot_confusion_matrix(report: "EvaluationReport | None" = None, *, y_true: Any = None,
                          p_personal: Any = None, threshold: float | None = None,
                          ax: "Axes | None" = None) -> "Figure":
    """Counts (and share of each actual class) of posts by actual and predicted label.

    The threshold is the report's unless given; with arrays, 0.5.
    """
    from .evaluate import confusion_counts

    y, p, cut = _scores(report, y_true, p_personal, threshold)
    ax = _axes(ax, (5.2, 4.4))
    counts = confusion_counts(y, p, cut)
    shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    labels = ["personal", "professional"]
    ax.set_xticks([0, 1], labels)
    ax.set_yticks([0, 1], labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("actual")
    for i in range(2):
        for j in range(2):
            ax.text(j, i, f"{counts[i, j]:,}\n{shares[i, j]:.0%} of row", ha="center",
                    va="center", fontsize=11, color="white" if shares[i, j] > 0.55 else "black")
    ax.figure.colorbar(image, ax=ax, label="share of the actual class")
    ax.set_title(f"Confusion matrix at p_personal ≥ {cut:g}\n"
                 f"{len(y):,} posts, accuracy {np.trace(counts) / len(y):.3f}")
    return ax.figure


def plot_precision_recall(report: "EvaluationReport | None" = None, *, y_true: Any = None,
                          p_personal: Any = None, threshold: float | None = None,
                          ax: "Axes | None" = None) -> "Figure":
    """Precision against recall of flagging personal posts, with the chosen threshold marked."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    y, p, cut = _scores(report, y_true, p_personal, threshold)
    ax = _axes(ax, (5.6, 4.6))
    precision, recall, _ = precision_recall_curve(y, p)
    ap = average_precision_score(y, p)
    ax.step(recall, precision, where="post", color=PERSONAL_COLOUR, linewidth=2,
            label=f"model (average precision {ap:.3f})")
    base = y.mean()
    ax.axhline(base, color="grey", linestyle="--", linewidth=1,
               label=f"flag at random ({base:.2f} are personal)")
    flagged = p >= cut
    if flagged.any():
        at_precision = y[flagged].mean()
        at_recall = (y & flagged).sum() / max(y.sum(), 1)
        ax.plot([at_recall], [at_precision], "o", markersize=9, color="black", zorder=3,
                label=f"threshold {cut:g}: precision {at_precision:.2f}, recall {at_recall:.2f}, "
                      f"flags {flagged.mean():.0%}")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("recall (share of personal posts flagged)")
    ax.set_ylabel("precision (share of flags that are personal)")
    ax.set_title(f"Precision–recall of p_personal ({len(y):,} posts)")
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(alpha=0.3)
    return ax.figure


def plot_calibration(report: "EvaluationReport | None" = None, *, y_true: Any = None,
                     p_personal: Any = None, n_bins: int = 10, ax: "Axes | None" = None
                     ) -> "Figure":
    """Reliability diagram: observed share of personal posts per score bin against the mean
    score, over a histogram of how many posts fall in each bin (right axis)."""
    from .evaluate import calibration_table, expected_calibration_error

    y, p, _ = _scores(report, y_true, p_personal, None)
    ax = _axes(ax, (5.6, 4.8))
    table = calibration_table(y, p, n_bins=n_bins)
    counts = ax.twinx()
    counts.bar((table["lower"] + table["upper"]) / 2, table["count"], width=1 / n_bins * 0.9,
               color="grey", alpha=0.25, label="posts per bin (right axis)")
    counts.set_ylabel("posts per bin")
    ax.set_zorder(counts.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1,
            label="perfectly calibrated")
    filled = table[table["count"] > 0]
    ax.plot(filled["mean_predicted"], filled["observed_rate"], "o-", color=PERSONAL_COLOUR,
            linewidth=2, label="model")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("mean p_personal in bin")
    ax.set_ylabel("observed share of personal posts")
    ece = expected_calibration_error(y, p, n_bins=n_bins)
    ax.set_title(f"Calibration of p_personal ({len(y):,} posts, ECE {ece:.3f})")
    handles, labels = ax.get_legend_handles_labels()
    more_handles, more_labels = counts.get_legend_handles_labels()
    ax.legend(handles + more_handles, labels + more_labels, loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    return ax.figure


def _glyph_check() -> Any:
    """``code point -> bool``: can the default font draw it? (Emoji usually cannot.)"""
    from matplotlib.font_manager import FontProperties, findfont, get_font

    font = get_font(findfont(FontProperties()))
    return lambda code: font.get_char_index(code) != 0


def _label(term: str, has_glyph: Any) -> str:
    """A term as a tick label: quoted so punctuation terms stay visible, characters the font
    lacks (emoji) spelt by name, and ``$`` escaped so it does not start mathtext."""
    import unicodedata

    shown = []
    for char in term:
        if has_glyph(ord(char)):
            shown.append(char)
        elif unicodedata.category(char) not in ("Mn", "Cf"):  # drop joiners and selectors
            shown.append(f"[{unicodedata.name(char, hex(ord(char))).lower()}]")
    text = "".join(shown)
    if len(text) > 24:
        text = text[:23] + "…"
    return f"“{text}”".replace("$", r"\$")


def plot_top_features(report: "EvaluationReport | Any | None" = None, *, n: int = 12,
                      ax: "Axes | None" = None) -> "Figure":
    """Horizontal bars of the words that weigh most towards each class.

    ``report`` is an :class:`~tweetmix.evaluate.EvaluationReport` or the DataFrame of
    :func:`tweetmix.evaluate.top_features`. Bars to the left pull towards the first class
    (personal), to the right towards the second (professional).
    """
    if report is None:
        raise TypeError("give a report or a top_features DataFrame")
    table = getattr(report, "top_features", report)
    if not {"class", "term", "weight"} <= set(getattr(table, "columns", ())):
        raise TypeError("expected an EvaluationReport or a DataFrame from top_features()")
    classes = list(dict.fromkeys(table["class"]))
    if not classes:
        raise ValueError("there are no terms to plot")
    parts = [table[table["class"] == c].head(n) for c in classes]
    ax = _axes(ax, (7.0, max(3.0, 0.28 * sum(len(t) for t in parts) + 1.2)))
    labels, values, colours = [], [], []
    # first class at the top, strongest term first, pointing left
    colour_of = {classes[0]: PERSONAL_COLOUR}
    if len(classes) > 1:
        colour_of[classes[1]] = PROFESSIONAL_COLOUR
    has_glyph = _glyph_check()
    for side, (name, part) in zip((-1.0, 1.0), zip(classes, parts)):
        for term, weight in zip(part["term"], part["weight"]):
            labels.append(_label(term, has_glyph))
            values.append(side * float(weight))
            colours.append(colour_of[name])
    positions = np.arange(len(values))[::-1]
    ax.barh(positions, values, color=colours)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"weight (← {classes[0]}" + (f" | {classes[1]} →)" if len(classes) > 1
                                                 else ")"))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=colour_of[c], label=f"towards {c}") for c in colour_of],
              loc="lower right", fontsize=8)
    ax.set_title(f"Top {n} words towards each class")
    ax.grid(axis="x", alpha=0.3)
    return ax.figure


def save_plots(report: "EvaluationReport", directory: str | os.PathLike[str], *,
               dpi: int = 120) -> list[pathlib.Path]:
    """Write the four plots of ``report`` as PNG files in ``directory`` (created if needed).

    Returns the paths, in the order of :data:`PLOT_FILES`. Figures are closed after saving, so
    a long-running process does not collect them.
    """
    plt = _pyplot()
    folder = pathlib.Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        from .exceptions import DataError

        raise DataError(f"{folder} exists and is not a folder; give a folder for the plots"
                        ) from None
    drawers = (plot_confusion_matrix, plot_precision_recall, plot_calibration, plot_top_features)
    paths = []
    for name, draw in zip(PLOT_FILES, drawers):
        figure = draw(report)
        path = folder / name
        figure.savefig(path, dpi=dpi)
        plt.close(figure)
        paths.append(path)
    return paths
