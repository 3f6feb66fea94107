"""Screenshots of the dashboard, an incident and an article for the README, from a store holding only
our own example articles (examples/articles). Needs Debian's chromium and the test extras.

    python scripts/take_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def build_store(url: str) -> None:
    for args in (["ingest", str(ROOT / "examples" / "articles"), "--db", url], ["merge", "--db", url]):
        subprocess.run([sys.executable, "-m", "newsevents", *args], check=True)


def serve(url: str, port: int):
    import uvicorn

    from newsevents.settings import Settings
    from newsevents.store import open_store
    from newsevents.web import WebSettings, create_app

    app = create_app(Settings(), open_store(url), web=WebSettings(secret_key="screenshots", cache_check_s=0.0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


def capture(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base).new_page()
        page.goto("/")
        page.screenshot(path=str(out / "dashboard.png"))
        page.locator("a.incident-link").first.click()
        page.wait_for_url("**/incidents/**")
        page.screenshot(path=str(out / "incident.png"))
        page.locator("a.article-link").first.click()
        page.wait_for_url("**/articles/**")
        page.screenshot(path=str(out / "article.png"))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'examples.db'}"
        build_store(url)
        server = serve(url, args.port)
        try:
            capture(f"http://127.0.0.1:{args.port}", args.out)
        finally:
            server.should_exit = True
    print(f"wrote {', '.join(str(args.out / n) for n in ('dashboard.png', 'incident.png', 'article.png'))}")


if __name__ == "__main__":
    main()
