"""The small picture on an actor's page: the actor in the middle, the actors it met, agreed or
disagreed with around it, drawn by the server as SVG coordinates (no script, no CDN)."""
from __future__ import annotations

import math

WIDTH, HEIGHT, RADIUS = 640, 400, 150
SHOWN = 12  # neighbours drawn at most (the most linked)
COLOURS = {"met": "#1d4ed8", "agreed": "#15803d", "disagreed": "#b91c1c"}


def ego(label: str, links: list[dict], href) -> dict | None:
    """{width, height, centre, nodes: [{x, y, label, href, anchor}], edges: [{x1, y1, x2, y2, colour,
    dash, relation}]} for `links` (from service.read.actors.profile); None when there is nothing to draw."""
    shown = links[:SHOWN]
    if not shown:
        return None
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes, edges = [], []
    for n, link in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * n / len(shown)
        x, y = cx + RADIUS * 1.55 * math.cos(angle), cy + RADIUS * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        nodes.append({"x": round(x, 1), "y": round(y, 1), "label": _short(link["label"]), "title": link["label"],
                      "href": href(link["iri"]), "anchor": anchor, "relations": link["relations"],
                      "lx": round(x + (8 if anchor == "start" else -8 if anchor == "end" else 0), 1),
                      "ly": round(y + (4 if anchor != "middle" else (-10 if y < cy else 18)), 1)})
        for k, relation in enumerate(link["relations"]):  # parallel lines, one per relation
            offset = (k - (len(link["relations"]) - 1) / 2) * 4
            dx, dy = -math.sin(angle) * offset, math.cos(angle) * offset
            edges.append({"x1": round(cx + dx, 1), "y1": round(cy + dy, 1), "x2": round(x + dx, 1),
                          "y2": round(y + dy, 1), "colour": COLOURS[relation], "relation": relation,
                          "dash": "6 4" if relation == "disagreed" else ""})
    return {"width": WIDTH, "height": HEIGHT, "cx": cx, "cy": cy, "label": _short(label, 28), "nodes": nodes,
            "edges": edges, "more": max(0, len(links) - SHOWN), "colours": COLOURS}


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
