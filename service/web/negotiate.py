"""Content negotiation shared by the routes: pick a media type from Accept or answer 406."""
from __future__ import annotations

from flask import Flask, g, request

from ..errors import NotAcceptable


def best(offered: list[str], default: str | None = None) -> str:
    """The offered media type the client accepts best. No Accept header (or */*): `default` or the
    first offered. Nothing acceptable: NotAcceptable naming what is offered."""
    g.kgqa_negotiated = True  # the response depends on Accept: caches must know (Vary)
    accept = request.accept_mimetypes
    if not accept or not request.headers.get("Accept", "").strip():
        return default or offered[0]
    choice = accept.best_match(offered, default=None)
    if choice is None:
        raise NotAcceptable(f"None of the requested types ({request.headers.get('Accept')}) can be "
                            f"served here; acceptable: {', '.join(offered)}",
                            details={"acceptable": offered})
    if default and accept[choice] == accept["*/*"] and accept[default] >= accept[choice]:
        return default  # a wildcard match: prefer the route's default
    return choice


def register(app: Flask) -> None:
    @app.after_request
    def vary_on_accept(response):
        if g.get("kgqa_negotiated"):
            response.vary.add("Accept")
        return response
