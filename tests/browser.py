"""Debian's chromium driven by Playwright for the browser tests and `make screenshots`; never a browser
downloaded at run time. Without chromium the browser tests skip with a one-line reason, unless
KGQA_REQUIRE_BROWSER=1 (.ci/run sets it after installing the package): then they fail."""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("KGQA_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# What a browser sends when it follows a link (Chromium's navigation Accept).
BROWSER_ACCEPT = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
                  "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium, or .ci/install-chromium.sh)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
