"""The PDF report with fpdf2 (pure Python): text in the core Helvetica font, map and timeline as PNG."""

from __future__ import annotations

from fpdf import FPDF

from newsevents.report.build import SituationReport
from newsevents.report.render import png_stream

# The core PDF fonts cover Latin-1 only; these common characters get an ASCII spelling, others a "?".
ASCII = str.maketrans({"—": "-", "–": "-", "…": "...", "≥": ">=", "≤": "<=", "“": '"', "”": '"', "‘": "'",
                       "’": "'", "•": "*", "\u00a0": " "})
WIDTH = 180  # mm of text width on A4 with 15 mm margins


def latin(text: object) -> str:
    return str(text).translate(ASCII).encode("latin-1", "replace").decode("latin-1")


class ReportPdf(FPDF):
    def heading(self, text: str, size: int = 13) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(WIDTH, 7, latin(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9)

    def para(self, text: str) -> None:
        self.multi_cell(WIDTH, 5, latin(text), new_x="LMARGIN", new_y="NEXT")

    def table(self, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
        self.set_font("Helvetica", "B", 8)
        for title, width in zip(header, widths):
            self.cell(width, 6, latin(title), border=1)
        self.ln()
        self.set_font("Helvetica", "", 8)
        for row in rows:
            for value, width in zip(row, widths):
                text = latin(value)
                limit = int(width * 0.55)
                self.cell(width, 5, text if len(text) <= limit else text[:limit - 3] + "...", border=1)
            self.ln()
        self.ln(2)


def to_pdf(report: SituationReport) -> bytes:
    pdf = ReportPdf(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, 15)
    pdf.add_page()
    pdf.heading(f"{report.title} - {report.generated.isoformat()}", 16)
    start, end = report.period
    pdf.para(f"Period: {start or 'unknown'} to {end or 'unknown'}. Filters: {report.filters}.")
    pdf.para(f"{report.events} events in {report.incidents} incidents, from {report.articles} articles.")
    pdf.heading("What happened")
    pdf.para("; ".join(f"{t}: {n}" for t, n in report.by_type) or "No events.")
    pdf.heading("Where")
    pdf.para("; ".join(f"{p}: {n}" for p, n in report.by_place) or "No located events.")
    pdf.image(png_stream(report.map), w=WIDTH)
    pdf.heading("Trend by day")
    pdf.image(png_stream(report.timeline), w=WIDTH)
    pdf.heading("Disruptions")
    pdf.table(("What", "Status", "Where", "Since"),
              [(d.what, d.status, d.where, str(d.since or "unknown")) for d in report.disruptions] or [("none", "", "", "")],
              (55, 30, 65, 30))
    pdf.heading("Key incidents")
    for k in report.key_incidents:
        pdf.set_font("Helvetica", "B", 9)
        pdf.para(f"{k.label} - confidence {k.confidence:.2f}, {k.source_count} source(s)")
        pdf.set_font("Helvetica", "", 9)
        for source in k.sources[:5]:
            pdf.para(f"  * {source}")
        if k.evidence:
            pdf.para(f'  "{k.evidence[:300]}"')
    pdf.heading("What is established (reported as fact)")
    for s in report.established:
        pdf.para(f"* {s.text} [{s.modality}, {s.confidence:.2f}]")
    pdf.heading("What is claimed (attributed or not asserted)")
    for s in report.claimed:
        pdf.para(f"* {s.text} - {('according to ' + s.claimed_by) if s.claimed_by else s.modality} [{s.confidence:.2f}]")
    return bytes(pdf.output())
