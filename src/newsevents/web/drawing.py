"""A tiny scene of shapes drawn two ways: SVG for the pages, PNG (Pillow) for the PDF report.

The map and the timeline build a ``Scene``; nothing here knows about events.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from html import escape

# One colour per event type (colour-blind-safe Okabe-Ito palette, then greys).
TYPE_COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#CC79A7",
    "Violence against civilians": "#E69F00",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73",
    "Disruptions": "#7F5FA0",
}
OTHER_COLOUR = "#777777"


def colour_of(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str


@dataclass(frozen=True, slots=True)
class Circle:
    x: float
    y: float
    r: float
    fill: str
    title: str = ""
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Text:
    x: float
    y: float
    text: str
    size: float = 11
    anchor: str = "start"  # start | middle | end
    fill: str = "#222222"


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = "#999999"


Shape = Polygon | Circle | Rect | Text | Line


@dataclass(slots=True)
class Scene:
    width: int
    height: int
    background: str = "#ffffff"
    title: str = ""
    shapes: list[Shape] = field(default_factory=list)

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Polygon):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
        return f'<polygon points="{points}" fill="{shape.fill}" stroke="{shape.stroke}" stroke-width="0.5"/>'
    if isinstance(shape, Circle):
        title = f"<title>{escape(shape.title)}</title>" if shape.title else ""
        circle = (f'<circle cx="{shape.x:.1f}" cy="{shape.y:.1f}" r="{shape.r:.1f}" fill="{shape.fill}" '
                  f'fill-opacity="0.75" stroke="#222222" stroke-width="0.7">{title}</circle>')
        return f'<a href="{escape(shape.href)}">{circle}</a>' if shape.href else circle
    if isinstance(shape, Rect):
        title = f"<title>{escape(shape.title)}</title>" if shape.title else ""
        return (f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.w:.1f}" height="{shape.h:.1f}" '
                f'fill="{shape.fill}">{title}</rect>')
    if isinstance(shape, Line):
        return (f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" y2="{shape.y2:.1f}" '
                f'stroke="{shape.stroke}" stroke-width="1"/>')
    return (f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size:g}" text-anchor="{shape.anchor}" '
            f'fill="{shape.fill}" font-family="sans-serif">{escape(shape.text)}</text>')


def to_svg(scene: Scene) -> str:
    """The scene as an SVG element (no style attributes: the pages' CSP allows no inline styles)."""
    body = "".join(_svg_shape(shape) for shape in scene.shapes)
    label = f' aria-label="{escape(scene.title)}"' if scene.title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {scene.width} {scene.height}" '
            f'width="{scene.width}" height="{scene.height}" role="img"{label}>'
            f'<rect x="0" y="0" width="{scene.width}" height="{scene.height}" fill="{scene.background}"/>'
            f"{body}</svg>")


def to_png(scene: Scene, scale: float = 2.0) -> bytes:
    """The scene rasterised with Pillow (for the PDF report)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (int(scene.width * scale), int(scene.height * scale)), scene.background)
    draw = ImageDraw.Draw(image)
    for shape in scene.shapes:
        if isinstance(shape, Polygon) and len(shape.points) > 2:
            draw.polygon([(x * scale, y * scale) for x, y in shape.points], fill=shape.fill, outline=shape.stroke)
        elif isinstance(shape, Circle):
            box = [(shape.x - shape.r) * scale, (shape.y - shape.r) * scale,
                   (shape.x + shape.r) * scale, (shape.y + shape.r) * scale]
            draw.ellipse(box, fill=shape.fill, outline="#222222")
        elif isinstance(shape, Rect):
            draw.rectangle([shape.x * scale, shape.y * scale, (shape.x + shape.w) * scale,
                            (shape.y + shape.h) * scale], fill=shape.fill)
        elif isinstance(shape, Line):
            draw.line([shape.x1 * scale, shape.y1 * scale, shape.x2 * scale, shape.y2 * scale], fill=shape.stroke)
        elif isinstance(shape, Text):
            font = ImageFont.load_default(size=max(8, int(shape.size * scale)))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text((shape.x * scale, shape.y * scale), shape.text, fill=shape.fill, font=font, anchor=anchor)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
