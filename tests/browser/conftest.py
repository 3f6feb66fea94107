"""Browser tests: Debian's chromium driven by Playwright over a live server on loopback."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))  # web_seed, web_support


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    import uvicorn
    from web_seed import ECB_SLICE, build_seed_store
    from web_support import PASSWORD

    from newsevents.settings import Settings
    from newsevents.store import open_store
    from newsevents.web import WebSettings, create_app
    from newsevents.web.auth import add_user

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seed-ecb.db'}"
    build_seed_store(url, ecb_articles=ECB_SLICE)
    store = open_store(url)
    add_user(store, "ana", PASSWORD, "analyst")
    port = free_port()
    app = create_app(Settings(), store, web=WebSettings(secret_key="browser-test", cache_check_s=0.0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def browser(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=live_server)
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda request: outside.append(request.url)
              if not request.url.startswith((live_server, "data:")) else None)
    yield opened
    context.close()
    assert outside == [], f"the page requested outside URLs: {outside}"
