"""Geometry for the server-drawn SVG chart and grid map (templates draw them)."""

from __future__ import annotations

from typing import Any

REGION_ORDER = ["africa", "americas", "asia", "europe", "oceania", ""]


def history_points(
    results: list[Any], width: int = 640, height: int = 220, pad: int = 40
) -> dict[str, Any]:
    """Points of the share-of-points line across cycles (None where not enough data)."""
    n = len(results)
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    pts = []
    for i, r in enumerate(results):
        x = pad + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)
        # no point where there is not enough data (a share would read as a low score)
        enough = r.maximum and r.status != "not_enough_data"
        share = r.total / r.maximum if enough else None
        y = pad + inner_h * (1 - share) if share is not None else None
        pts.append(
            {
                "x": round(x, 1),
                "y": round(y, 1) if y is not None else None,
                "year": r.cycle.year,
                "status": r.status,
                "total": r.total,
                "maximum": r.maximum,
                "share": round(100 * share) if share is not None else None,
            }
        )
    line = " ".join(f"{p['x']},{p['y']}" for p in pts if p["y"] is not None)
    threshold_y = round(pad + inner_h * 0.25, 1)
    gridlines = [
        {"y": round(pad + inner_h * (1 - v / 100), 1), "label": v} for v in (0, 25, 50, 75, 100)
    ]
    return {
        "width": width,
        "height": height,
        "pad": pad,
        "points": pts,
        "line": line,
        "threshold_y": threshold_y,
        "gridlines": gridlines,
        "right": width - pad,
        "bottom": height - pad,
    }


def grid_map(
    rows: list[dict[str, Any]], columns: int = 12, tile: int = 34, gap: int = 4, header: int = 22
) -> dict[str, Any]:
    """Countries as equal tiles (labelled with ISO codes), one block per region."""
    blocks = []
    y = 0
    by_region: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_region.setdefault(r["region"] or "", []).append(r)
    for region in REGION_ORDER:
        items = sorted(by_region.get(region, []), key=lambda r: r["iso3"])
        if not items:
            continue
        tiles = []
        for i, r in enumerate(items):
            col, row = i % columns, i // columns
            tiles.append({"x": col * (tile + gap), "y": y + header + row * (tile + gap), "row": r})
        nrows = (len(items) + columns - 1) // columns
        blocks.append({"region": region, "y": y + 15, "tiles": tiles})
        y += header + nrows * (tile + gap) + 12
    return {"blocks": blocks, "width": columns * (tile + gap), "height": y, "tile": tile}
