"""Rendering a situation report: HTML (self-contained, images inline), Markdown, PDF (fpdf2, PNG images)."""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsevents.errors import ConfigError
from newsevents.report.build import SituationReport
from newsevents.web.drawing import to_png, to_svg

FORMATS = ("html", "md", "pdf")
TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def to_html(report: SituationReport) -> str:
    return environment().get_template("report.html").render(
        r=report, map_uri=svg_data_uri(to_svg(report.map)), timeline_uri=svg_data_uri(to_svg(report.timeline)))


def to_markdown(report: SituationReport, *, map_ref: str | None = None, timeline_ref: str | None = None) -> str:
    """Markdown; images are the given file names, or inline data URIs when none are given."""
    return environment().get_template("report.md").render(
        r=report, map_uri=map_ref or svg_data_uri(to_svg(report.map)),
        timeline_uri=timeline_ref or svg_data_uri(to_svg(report.timeline)))


def render_report(report: SituationReport, fmt: str) -> bytes:
    if fmt == "html":
        return to_html(report).encode("utf-8")
    if fmt == "md":
        return to_markdown(report).encode("utf-8")
    if fmt == "pdf":
        from newsevents.report.pdf import to_pdf

        return to_pdf(report)
    raise ConfigError(f"unknown report format {fmt!r}.", hint=f"Use one of: {', '.join(FORMATS)}.")


def write_report(report: SituationReport, out: Path) -> list[Path]:
    """Write the report to ``out`` (format from its suffix); Markdown gets its two SVG images beside it."""
    fmt = out.suffix.lower().lstrip(".")
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in FORMATS:
        raise ConfigError(f"cannot tell the report format from {out.name!r}.", hint="Use --out FILE.html, .pdf or .md.")
    if not out.parent.is_dir():
        raise ConfigError(f"cannot write {out}: the folder {out.parent} does not exist.", hint="Create it first.")
    if fmt != "md":
        out.write_bytes(render_report(report, fmt))
        return [out]
    map_file, timeline_file = out.with_suffix(".map.svg"), out.with_suffix(".timeline.svg")
    map_file.write_text(to_svg(report.map), encoding="utf-8")
    timeline_file.write_text(to_svg(report.timeline), encoding="utf-8")
    out.write_text(to_markdown(report, map_ref=map_file.name, timeline_ref=timeline_file.name), encoding="utf-8")
    return [out, map_file, timeline_file]


def png_stream(scene) -> io.BytesIO:
    return io.BytesIO(to_png(scene))
