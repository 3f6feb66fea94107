"""Temporal expressions: find them, normalise them relative to publication, infer a missing publication date.

Public API: ``TimeFinder`` (protocol), ``make_time_finder(settings)``, ``RuleTimeFinder``,
``DateparserTimeFinder`` (the evaluation baseline), ``infer_publication_date(text, today)``.
"""

from __future__ import annotations

from newsevents.temporal.baseline import DateparserTimeFinder
from newsevents.temporal.finder import RuleTimeFinder, TimeFinder, make_time_finder
from newsevents.temporal.publication import infer_publication_date

__all__ = ["DateparserTimeFinder", "RuleTimeFinder", "TimeFinder", "infer_publication_date", "make_time_finder"]
