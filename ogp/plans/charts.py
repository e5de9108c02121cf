"""Geometry of the server-drawn SVG bar charts (each is shown with its data table)."""

from __future__ import annotations

from typing import Any


def bar_chart(
    rows: list[tuple[str, int]], width: int = 480, bar: int = 22, gap: int = 6, label_w: int = 170
) -> dict[str, Any]:
    top = max((v for _l, v in rows), default=0) or 1
    inner = width - label_w - 50
    bars = []
    for i, (label, value) in enumerate(rows):
        y = i * (bar + gap)
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + bar * 0.7,
                "w": round(inner * value / top, 1),
                "value_x": round(label_w + inner * value / top + 6, 1),
            }
        )
    return {
        "bars": bars,
        "width": width,
        "height": max(len(rows) * (bar + gap), bar),
        "bar": bar,
        "label_w": label_w,
        "label_x": label_w - 6,
    }
