"""`make screenshots`: pictures of the home, answer and source pages for the README (docs/*.png).

Ingests data/sources/ into a temporary store, serves it on a free loopback port, and drives Debian's
chromium (tests/browser.py) as a person would: the question typed into the box, the first citation
followed to its marked passage."""
from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from tests.support import extractor

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who proposed what at the UN meeting?"


def main(out: Path = ROOT / "docs") -> int:
    import waitress

    from service.ingest.pipeline import ingest_paths
    from service.store.embedded import EmbeddedStore
    from service.web import create_app
    from tests import browser

    why = browser.missing()
    if why:
        print(f"make screenshots: {why}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(str(Path(folder) / "store"))
        server = waitress.create_server(create_app({"STORE_OBJECT": store, "QUERY_WORKERS": 0}),
                                        host="127.0.0.1", port=0, threads=4)
        url = f"http://127.0.0.1:{server.effective_port}"
        report = ingest_paths([str(ROOT / "data" / "sources")], store, extractor(BASE_IRI=url + "/"))
        print(report.summary())
        threading.Thread(target=server.run, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                chromium = browser.launch(playwright)
                page = chromium.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
                page.goto(url + "/")
                page.screenshot(path=str(out / "page-home.png"))
                page.get_by_label("Your question").fill(QUESTION)
                with page.expect_navigation():
                    page.keyboard.press("Enter")
                page.screenshot(path=str(out / "page-answer.png"))
                with page.expect_navigation():
                    page.locator("a.citation-link").first.click()
                page.locator('[aria-current="true"]').wait_for()
                page.set_viewport_size({"width": 1100, "height": 1250})  # the title above the passage
                page.evaluate("scrollTo(0, 0)")
                page.screenshot(path=str(out / "page-source.png"))
                chromium.close()
        finally:
            server.close()
            store.close()
    for name in ("page-home", "page-answer", "page-source"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
