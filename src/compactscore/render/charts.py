"""The board report's charts as inline SVG (pygal), with no scripts and a colour-blind palette.

pygal was chosen over matplotlib's SVG backend: it writes SVG natively with text
kept as text (readable, searchable, scalable), has a radar chart built in,
imports in a tenth of the time and needs no numpy.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from xml.etree import ElementTree

import pygal
from pygal.style import Style

from compactscore.render.board import EVERY_POINT_LABELLED
from compactscore.render.words import percent_words, scored_words
from compactscore.results import PeriodTotal, Scorecard

# pygal appends an import hook for its map plugins (unused here) that has no find_spec, so
# every failed optional import anywhere after it raises an ImportWarning. Take it out.
sys.meta_path[:] = [hook for hook in sys.meta_path if type(hook).__name__ != "PluginImportFixer"]

# Okabe and Ito's palette, told apart by most colour-blind readers; line styles differ too,
# so the charts still read when printed in black and white.
BLUE, ORANGE, VERMILLION, GREEN = "#0072B2", "#E69F00", "#D55E00", "#009E73"
DASHED = {"dasharray": "9,6"}
SOLID: dict[str, str] = {}
FONT = '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif'

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
AXIS_LABELS = 12  # about as many periods as the line chart's axis names without crowding


def _style(*colours: str) -> Style:
    return Style(
        font_family=FONT,
        background="white",
        plot_background="white",
        foreground="#222222",
        foreground_strong="#111111",
        foreground_subtle="#8a8a8a",
        colors=colours,
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        value_font_size=12,
        title_font_size=16,
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
        stroke_width="3",
        stroke_width_hover="3",
    )


def radar_svg(card: Scorecard, previous: Scorecard | None) -> str:
    """A star chart of each indicator's score this period against the previous period."""
    # The previous period is drawn first, so this period's line lies on top where they meet.
    readings = [previous, card] if previous is not None else [card]
    chart = pygal.Radar(
        style=_style(*([ORANGE, BLUE] if previous is not None else [BLUE])),
        width=600,
        height=560,
        fill=False,
        range=(0, card.indicators[0].max if card.indicators else 3),
        y_labels=sorted(card.scale),
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=len(readings),
        dots_size=5,
        margin=16,
        js=[],
    )
    chart.x_labels = [str(indicator.number) for indicator in card.indicators]
    gaps = []
    for position, reading in enumerate(readings):
        values = _radar_values(card, reading)
        current = position == len(readings) - 1
        chart.add(_reading_title(reading), values, stroke_style=SOLID if current else DASHED)
        gaps.append([value is None for value in values])
    root = chart.render_tree()
    _upright_labels(root)
    for position, missing in enumerate(gaps):
        if any(missing):
            _break_at_gaps(root, position, chart.x_labels, missing)
    return _svg_text(
        root,
        "Star chart: " + " against ".join(r.period for r in readings[::-1]),
        [r.period for r in readings],
        "indicator ",
    )


def _radar_values(card: Scorecard, reading: Scorecard) -> list[int | None]:
    """The reading's scores on this period's axes (None where there is no score)."""
    if reading is card:
        return [indicator.score for indicator in card.indicators]
    # Scored against this period's indicators, so a replaced indicator keeps its axis.
    return [indicator.previous_score for indicator in card.indicators]


def _reading_title(reading: Scorecard) -> str:
    if not reading.totals.scored:
        return f"{reading.period} (nothing scored yet)"
    if reading.totals.partly_scored:
        counts = scored_words(reading.totals)
        return f"{reading.period} (only {counts})"
    return reading.period


def trend_svg(periods: list[PeriodTotal]) -> str:
    """A line chart of the total over every period, each point labelled with its percent.

    Past ``EVERY_POINT_LABELLED`` periods, labels would print over each other: only
    the first and the latest points are labelled (every point keeps its tooltip),
    and the periods along the axis are slanted and thinned to about a dozen,
    the latest always among them.
    """
    top = max((period.totals.max for period in periods), default=51)
    many = len(periods) > EVERY_POINT_LABELLED
    chart = pygal.Line(
        style=_style(BLUE),
        width=760,
        height=360,
        range=(0, top),
        print_values=True,
        print_values_position="top",
        show_legend=True,
        legend_at_bottom=True,
        dots_size=5,
        margin=16,
        margin_right=110,  # room for the last point's label
        truncate_label=-1,
        y_title="Points",
        x_label_rotation=-40 if many else 0,
        show_minor_x_labels=not many,
        js=[],
    )
    labels = [_period_label(period) for period in periods]
    chart.x_labels = labels
    if many:
        step = -(-len(labels) // AXIS_LABELS)
        chart.x_labels_major = [
            label for i, label in enumerate(labels) if (len(labels) - 1 - i) % step == 0
        ]
    # A period with nothing scored keeps its place on the axis but gets no point: a total
    # of 0 there would read as a score of nothing.
    chart.add(
        f"Total (points out of {top})",
        [
            {
                "value": period.totals.total if period.totals.scored else None,
                "formatter": _point_label(period),
            }
            for period in periods
        ],
        stroke_style=SOLID,
    )
    root = chart.render_tree()
    if many:
        _label_ends_only(root)
    return _svg_text(root, "Line chart: the total in each period", ["Total"])


def _label_ends_only(root: ElementTree.Element) -> None:
    """Keep the printed figures of the first and the latest points only."""
    for group in root.iter("g"):
        values = [t for t in group.findall("text") if "value" in t.get("class", "").split()]
        for text in values[1:-1]:
            group.remove(text)


def _period_label(period: PeriodTotal) -> str:
    if period.totals.partly_scored:
        return f"{period.period} (part)"
    return period.period


def _point_label(period: PeriodTotal) -> Callable[[float], str]:
    """``31 of 48 (64.6%)`` above each point: the maximum can change (an n/a indicator)."""
    text = f"{period.totals.total} of {period.totals.max} ({percent_words(period.totals.percent)})"
    return lambda _value: text


def _upright_labels(root: ElementTree.Element) -> None:
    """Indicator numbers upright round the star, and the rings unnumbered.

    pygal turns the numbers along their axes, gives them their angle as a tooltip,
    and writes the ring values over indicator 1's number; the caption says what
    the rings mark instead.
    """
    for group in root.iter("g"):
        classes = group.get("class", "").split()
        if "web" in classes:
            for text in group.iter("text"):
                text.attrib.pop("transform", None)
            for guides in group.iter("g"):  # angles in radians, as tooltips: no use to anyone
                for angle in guides.findall("title"):
                    guides.remove(angle)
        if "y" in classes and "axis" in classes:
            for guides in group.iter("g"):
                for text in guides.findall("text"):
                    guides.remove(text)


def _break_at_gaps(
    root: ElementTree.Element, series: int, labels: list[str], missing: list[bool]
) -> None:
    """Leave unscored indicators out of a radar line: no dot at zero, no line through it.

    pygal draws a missing value at the centre, which reads as a score of 0.
    """
    for group in root.iter("g"):
        if f"serie-{series} " not in group.get("class", "") + " ":
            continue
        for path in group.iter("path"):
            if "line" in path.get("class", "").split():
                path.set("d", _broken_path(path.get("d", ""), missing))
        for dots in list(group):
            label = dots.find("desc[@class='x_label']")
            text = label.text if label is not None else None
            if text in labels and "dots" in dots.get("class", "") and missing[labels.index(text)]:
                group.remove(dots)


def _broken_path(d: str, missing: list[bool]) -> str:
    """A closed polygon's path redrawn as the runs of points that have values."""
    numbers = _NUMBER.findall(d)
    points = list(zip(numbers[0::2], numbers[1::2], strict=False))[: len(missing)]
    if len(points) < len(missing):
        return d
    parts = []
    count = len(points)
    for index in range(count):
        after = (index + 1) % count
        if not missing[index] and not missing[after]:
            parts.append(
                f"M{points[index][0]} {points[index][1]} L{points[after][0]} {points[after][1]}"
            )
    return " ".join(parts) or "M0 0"


def _svg_text(root: ElementTree.Element, title: str, names: list[str], axis: str = "") -> str:
    """The SVG as text, named for screen readers, without pygal's scripts (a report runs none)."""
    for defs in root.iter("defs"):
        for script in defs.findall("script"):
            defs.remove(script)
    named = root.find("title")
    if named is not None:
        named.text = title
    root.set("role", "img")
    _point_titles(root, names, axis)
    return ElementTree.tostring(root, encoding="unicode")


def _point_titles(root: ElementTree.Element, names: list[str], axis: str) -> None:
    """A tooltip on every point, shown by the browser itself (pygal's need its scripts)."""
    for group in root.iter("g"):
        classes = group.get("class", "").split()
        if "series" not in classes:
            continue
        index = next(int(c[6:]) for c in classes if c.startswith("serie-"))
        for dots in group.findall("g[@class='dots']"):
            value = dots.find("desc[@class='value']")
            label = dots.find("desc[@class='x_label']")
            if value is not None and label is not None and index < len(names):
                tooltip = ElementTree.SubElement(dots, "title")
                tooltip.text = f"{names[index]}, {axis}{label.text}: {value.text}"
