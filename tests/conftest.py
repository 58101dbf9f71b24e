"""Shared fixtures: small inline corpora and one model trained once per session."""
from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

PERSONAL_POSTS = [
    "third night in A&E with my dad, no sleep",
    "cannot believe my cat ate my sandwich again 😂",
    "date night with the wife, first time in months <3",
    "so hungover i want to cry",
    "my landlord put the rent up again and i'm skint",
    "anyone else just lie in bed scrolling at 3am",
    "happy birthday to my little sister!! love you loads",
    "ugh my boss made me stay late AGAIN",
]
PROFESSIONAL_POSTS = [
    "We're hiring two data engineers in Leeds, apply by Friday",
    "Our Q3 report is out: revenue up 12% year on year",
    "New blog post: five ways to speed up your CI pipeline",
    "Join our webinar on cloud security next Tuesday at 2pm",
    "The clinic is open 9-5 on weekdays; book online",
    "Thrilled to announce our partnership with Acme Logistics",
    "Reminder: submissions for the conference close on 1 March",
    "Read our guide to mortgage rates for first-time buyers",
]


# Repeated words and grams (the sublinear-tf correction), hashtags, handles, numbers, emoji,
# an ellipsis token that contains spaces, odd whitespace and unknown words.
AWKWARD_POSTS = [
    "so so so tired tired tired",
    "my my my mum mum",
    "the the the the",
    "aaaa aaaa aaaa",
    "🙂🙂🙂 lol lol",
    "call 020 7946 0958 . . . or not",
    "#NightShift again @Anna @anna https://t.co/x",
    "x\ty\nz  z",
    "zzzqqqxxx unknownwordhere",
    "I'm off to Ibiza till the 14th, house empty, my mum's got the keys",
]


@pytest.fixture(scope="session")
def small_corpus():
    texts = PERSONAL_POSTS + PROFESSIONAL_POSTS
    labels = ["personal"] * len(PERSONAL_POSTS) + ["professional"] * len(PROFESSIONAL_POSTS)
    return texts, labels


@pytest.fixture(scope="session")
def starter():
    from tweetmix.datasets import load_starter

    return load_starter()


@pytest.fixture(scope="session")
def default_runtime():
    import tweetmix

    return tweetmix.default_model().runtime


@pytest.fixture(scope="session")
def sample_posts(starter):
    """300 starter posts and :data:`AWKWARD_POSTS`: what the check path's shortcuts are held to."""
    return list(starter.data[:300]) + AWKWARD_POSTS


@pytest.fixture(scope="session")
def trained(starter):
    """A full model (word + char + style) trained on the starter train split, no CV."""
    from tweetmix.training import train

    idx = [i for i, s in enumerate(starter.split) if s == "train"]
    return train([starter.data[i] for i in idx], [starter.target[i] for i in idx],
                 categories=[starter.categories[i] for i in idx],
                 groups=[starter.groups[i] for i in idx], cv=0, name="test-model")


@pytest.fixture(scope="session")
def saved_model(trained, tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "model.tweetmix"
    trained.save(path)
    return path


def run_python(code: str, *args: str, **kwargs):
    import subprocess

    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, **kwargs)
