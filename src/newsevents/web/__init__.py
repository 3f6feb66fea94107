"""The web app: dashboard, incident and article pages, analyst review, and the JSON API.

    app = create_app(settings, store)            # a FastAPI app; serve with uvicorn
    app = create_app(settings, store, web=WebSettings(read_open=False, secret_key=...))
"""

from newsevents.web.app import create_app
from newsevents.web.config import WebSettings

__all__ = ["WebSettings", "create_app"]
