"""The clerks' review UI (FastAPI + Jinja2), served by `intake review`."""

from review_ui.app import create_app

__all__ = ["create_app"]
