"""The process map as files: PNG (resvg) and PDF (WeasyPrint), from its SVG."""

import functools
from pathlib import Path

import resvg_py
from django.contrib.staticfiles import finders


@functools.cache
def _map_stylesheet() -> str:
    return Path(finders.find("caselog/caselog.css")).read_text(encoding="utf-8")


def map_png(svg: str) -> bytes:
    """A picture at twice the size; the page's stylesheet gives it the same look."""
    png = resvg_py.svg_to_bytes(
        svg_string=svg, background="#ffffff", style_sheet=_map_stylesheet(), zoom=2
    )
    return bytes(png)


def map_pdf(svg: str) -> bytes:
    """The map scaled to one page, as vector graphics."""
    import weasyprint  # noqa: PLC0415 - a heavy import, for this download only

    html = (
        "<!doctype html><html><head><style>@page { size: A4 landscape; margin: 12mm }"
        "body { margin: 0 } svg { width: 100%; height: auto; max-height: 180mm }"
        f"</style></head><body>{svg}</body></html>"
    )
    return weasyprint.HTML(string=html, url_fetcher=_no_fetching).write_pdf()


def _no_fetching(url: str, *args, **kwargs) -> dict:
    raise ValueError(f"The map refers to nothing outside itself: {url}")
