"""Collection settings for the doctests in tweetmix/ (setup.cfg runs --doctest-modules).

Modules of optional extras import their framework at the top; without the extra installed
their doctests cannot be collected, so they are skipped rather than failing collection.
"""
import importlib.util

collect_ignore = [] if importlib.util.find_spec("fastapi") else ["tweetmix/server.py"]
