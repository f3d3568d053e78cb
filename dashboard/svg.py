"""Small inline SVG line charts for the static report (no script, no fonts to fetch)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 520, 200
LEFT, RIGHT, TOP, BOTTOM = 72, 12, 12, 28
LINE_COLOR, BAND_COLOR = "#1d6f8f", "#2a9d8f"


@dataclass(frozen=True)
class Point:
    label: str  # the period, e.g. '2025-11'
    value: float | None
    text: str  # the value as people read it, e.g. '12.4 %'


def axis_label(value: float, unit: str) -> str:
    """Short enough for the axis: '5.2 %', '274k USD', '1.4M USD', '51 days'."""
    if unit == "percent":
        return f"{value:.1f} %"
    magnitude = abs(value)
    if magnitude >= 1e6:
        number = f"{value / 1e6:.1f}M"
    elif magnitude >= 1e4:
        number = f"{value / 1e3:.0f}k"
    elif magnitude >= 100 or unit in ("count", "days"):
        number = f"{value:,.0f}"
    else:
        number = f"{value:.1f}"
    suffix = {"usd": " USD", "days": " days"}.get(unit, "")
    return number + suffix


def _scale(low: float, high: float) -> tuple[float, float]:
    if low == high:
        pad = abs(low) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.08
    return low - pad, high + pad


def line_chart(
    points: list[Point], title: str, unit: str, band: tuple[float, float] | None = None
) -> str:
    """An SVG line over the points (gaps where a value is missing), the
    first, middle and last period under it, the range on the left, and a
    shaded band (a benchmark range) behind it when given."""
    values = [p.value for p in points if p.value is not None]
    if not values:
        return f'<p class="empty">{escape(title)}: no values.</p>'
    extent = values + (list(band) if band else [])
    low, high = _scale(min(extent), max(extent))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_w * index / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if band:
        top, bottom = y(max(band)), y(min(band))
        parts.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{plot_w}" height="{bottom - top:.1f}" '
            f'fill="{BAND_COLOR}" fill-opacity="0.15"/>'
        )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" '
        'stroke="#999" stroke-width="1"/>'
    )
    for value in (max(values), min(values)):
        text = axis_label(value, unit)
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'font-size="11" fill="#555">{escape(text)}</text>'
        )
    segments: list[list[str]] = [[]]
    for index, point in enumerate(points):
        if point.value is None:
            segments.append([])
            continue
        segments[-1].append(f"{x(index):.1f},{y(point.value):.1f}")
    for segment in segments:
        if len(segment) > 1:
            parts.append(
                f'<polyline points="{" ".join(segment)}" fill="none" '
                f'stroke="{LINE_COLOR}" stroke-width="2"/>'
            )
    for index, point in enumerate(points):
        if point.value is not None:
            parts.append(
                f'<circle cx="{x(index):.1f}" cy="{y(point.value):.1f}" r="2.5" '
                f'fill="{LINE_COLOR}"><title>{escape(point.label)}: {escape(point.text)}'
                "</title></circle>"
            )
    for index in sorted({0, (len(points) - 1) // 2, len(points) - 1}):
        anchor = "start" if index == 0 else ("end" if index == len(points) - 1 else "middle")
        parts.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}" '
            f'font-size="11" fill="#555">{escape(points[index].label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
