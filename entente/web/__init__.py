"""The web UI: static files only (HTML, vanilla JavaScript, CSS), served by entente.api.

Everything the UI needs is in `static/`: no build step, no outside asset, works offline.
Data is put in the page with textContent and createElement only, never as HTML.
"""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
