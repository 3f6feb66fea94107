"""Situation reports: a dated summary of the filtered events (HTML, Markdown or PDF).

    report = build_report(catalog.snapshot(), filters)
    data = render_report(report, "pdf")     # bytes
"""

from newsevents.report.build import SituationReport, build_report
from newsevents.report.render import render_report, write_report

__all__ = ["SituationReport", "build_report", "render_report", "write_report"]
