"""The pages' charts: Vega-Lite specifications rendered to SVG on the server by vl-convert.

Why this way: vl-convert-python bundles Vega and Vega-Lite in its own JavaScript engine
(one wheel, nothing fetched at run time), so a chart is drawn by that well-kept library,
comes to the browser as plain SVG inside the page (no script, no style attribute: the
pages' Content-Security-Policy ``default-src 'self'`` holds) and reads without JavaScript.
The first chart starts the engine (about 0.3 s), the next take about 30 ms: a chart is
kept by its specification (``_svg``'s cache), which the same store's page asks again."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from markupsafe import Markup

# Each bar's band in pixels: a chart of few bars stays narrow, one of many months widens
# (the page scales the SVG down to its column).
BAND_WIDTH = 28
# Vega-Lite draws the axes and legends in its own font; the SVG names it for the browser.
_CONFIG = {"font": "sans-serif", "background": None, "view": {"stroke": None}}
_CACHED_CHARTS = 256


def bar_chart(rows: list[dict[str, Any]], x: str, y: str, title: str, color: str | None = None) -> Markup:
    """Bars of ``y`` for each ``x`` (months or names; ``color`` stacks a field within a bar),
    as inline SVG with ``title`` for assistive technology; an empty Markup for no rows."""
    encoding: dict[str, Any] = {
        "x": {"field": x, "type": "ordinal", "title": None, "axis": {"labelAngle": -45}},
        "y": {"field": y, "type": "quantitative", "title": y, "axis": {"tickMinStep": 1}},
    }
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "title": color.replace("_", " ")}
    return _chart(rows, (x, y, color), "bar", encoding, {"step": BAND_WIDTH}, 200, title)


def point_chart(
    rows: list[dict[str, Any]], x: str, y: str, color: str, colours: dict[str, str], title: str
) -> Markup:
    """A mark for each row at its date ``x`` on the line of its ``y`` (an actor), coloured by
    ``color`` with ``colours`` (value: CSS colour), as inline SVG; empty for no rows."""
    encoding = {
        "x": {"field": x, "type": "temporal", "title": None},
        "y": {"field": y, "type": "nominal", "title": None, "sort": None},
        "color": {
            "field": color,
            "type": "nominal",
            "scale": {"domain": list(colours), "range": list(colours.values())},
        },
    }
    lines = len({row[y] for row in rows})
    return _chart(rows, (x, y, color), {"type": "tick", "thickness": 3}, encoding, 560, 22 * lines, title)


def _chart(
    rows: list[dict[str, Any]],
    fields: tuple[str | None, ...],
    mark: str | dict[str, Any],
    encoding: dict[str, Any],
    width: int | dict[str, int],
    height: int,
    title: str,
) -> Markup:
    if not rows:
        return Markup("")
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": title,
        "width": width,
        "height": height,
        "data": {"values": [{key: row[key] for key in fields if key} for row in rows]},
        "mark": mark,
        "encoding": encoding,
        "config": _CONFIG,
    }
    return _svg(json.dumps(spec, sort_keys=True), title)


@lru_cache(maxsize=_CACHED_CHARTS)
def _svg(spec: str, title: str) -> Markup:
    # Imported on first use: the engine is large, and the API alone never needs it.
    import vl_convert

    svg = vl_convert.vegalite_to_svg(json.loads(spec))
    # role and aria-label: the chart is one image to a screen reader, named by its title.
    if not svg.startswith("<svg "):
        raise ValueError(f"vl-convert gave no SVG: {svg[:80]!r}")
    return Markup(f'<svg role="img" aria-label="{Markup.escape(title)}" ') + Markup(svg.removeprefix("<svg "))
