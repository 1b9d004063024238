"""Take the PNG screenshots shown on docs/screenshots.rst (``tox -e screenshots``).

Builds the docs twice into a temporary folder (alabaster, Sphinx's default
theme, and furo for dark mode), serves them on 127.0.0.1, and photographs each
layout with headless Chromium, cropped to the element plus a small margin:

    python tools/screenshots.py [--out docs/_static/screenshots] [--scale 1.5]

Chromium: ``$CS_CHROMIUM``, else ``/usr/bin/chromium`` (``tools/ensure_chromium.py``
installs it where it can).  Needs playwright (Python) and furo; the browser
itself is never downloaded.  With Pillow installed, each PNG is reduced to 256
colours (no dithering: flat page colours survive, mean error about 1/255),
about a third of Chromium's size.  Every PNG must stay under 150 KB.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ensure_chromium import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OUT = DOCS / "_static" / "screenshots"
LIMIT = 150 * 1024
ARGS = [*CHROMIUM_ARGS, "--hide-scrollbars"]


@dataclass(frozen=True)
class Shot:
    name: str          # file name without .png
    theme: str         # "alabaster" or "furo"
    page: str          # page of the built docs
    selector: str      # the element photographed (the first match)
    dark: bool = False
    width: int = 1100  # viewport width
    setup: str = ""    # JavaScript run before the picture (e.g. press a chip)
    until: str = ""    # when set, the picture runs down to the end of this element too
    scale: float = 0   # device pixel ratio; 0: the --scale given


SHOTS = (
    Shot("layout-summary", "alabaster", "layouts.html", "section.cs-layout-summary"),
    Shot("layout-card", "alabaster", "layouts.html", ".cs-layout-card"),
    Shot("layout-full", "alabaster", "layouts.html", "section.cs-layout-full"),
    Shot("layout-quote", "alabaster", "layouts.html", ".cs-layout-quote"),
    Shot("showcase-cards", "alabaster", "showcase.html", ".cs-grid.cs-layout-card-group"),
    Shot("logo-grid", "alabaster", "showcase.html", ".cs-logo-grid"),
    Shot("logo-grid-dark", "furo", "showcase.html", ".cs-logo-grid", dark=True),
    Shot("logo-grid-narrow", "alabaster", "showcase.html", ".cs-logo-grid", width=375),
    Shot("filter-chips", "alabaster", "directives/case-studies.html", ".cs-filter-chips",
         until=".cs-filter-chips + .cs-grid",
         setup="document.querySelector("
               "'.cs-filter-chips button[data-cs-value=\"finance\"]').click()"),
)

THEMES = {"alabaster": "alabaster", "furo": "furo"}
DARK_SWITCH = {"furo": "document.body.dataset.theme = 'dark'"}


def chromium() -> str:
    found = find_chromium()
    if found:
        return found
    sys.exit("screenshots: no Chromium (set CS_CHROMIUM, or run tools/ensure_chromium.py as root)")


def build(theme: str, out: Path) -> None:
    # The pictures being made may not exist yet: their page would warn.
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", f"html_theme={THEMES[theme]}",
           "-D", "suppress_warnings=image.not_readable",
           "-d", str(out.parent / f"{theme}.doctrees"), str(DOCS), str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"screenshots: the {theme} build failed:\n{done.stdout}{done.stderr}")
    if done.stderr.strip():
        print(done.stderr, file=sys.stderr)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def take(page: Any, base: str, shot: Shot, out: Path, margin: int) -> Path:
    page.set_viewport_size({"width": shot.width, "height": 900})
    page.emulate_media(color_scheme="dark" if shot.dark else "light")
    page.goto(f"{base}/{shot.theme}/{shot.page}")
    if shot.dark and shot.theme in DARK_SWITCH:
        page.evaluate(f"() => {{ {DARK_SWITCH[shot.theme]}; }}")
    if shot.setup:
        page.evaluate(f"() => {{ {shot.setup}; }}")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    element = page.locator(shot.selector).first
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    if box is None:
        sys.exit(f"screenshots: {shot.selector} is not shown on {shot.page}")
    if shot.until:
        end = page.locator(shot.until).first.bounding_box()
        if end is None:
            sys.exit(f"screenshots: {shot.until} is not shown on {shot.page}")
        right = max(box["x"] + box["width"], end["x"] + end["width"])
        box = {"x": min(box["x"], end["x"]), "y": box["y"],
               "height": end["y"] + end["height"] - box["y"]}
        box["width"] = right - box["x"]
    # The element plus a margin of page around it, inside the page's width.
    scroll_x, scroll_y = page.evaluate("() => [window.scrollX, window.scrollY]")
    x = max(box["x"] + scroll_x - margin, 0)
    y = max(box["y"] + scroll_y - margin, 0)
    width = min(box["width"] + 2 * margin, shot.width - x)
    clip = {"x": x, "y": y, "width": width, "height": box["height"] + 2 * margin}
    path = out / f"{shot.name}.png"
    page.screenshot(path=str(path), clip=clip, full_page=True, animations="disabled")
    return path


def shrink(path: Path) -> bool:
    """Re-save ``path`` with a 256-colour palette; False when Pillow is missing."""
    try:
        from PIL import Image
    except ImportError:
        return False
    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(path, optimize=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the PNGs")
    parser.add_argument("--scale", type=float, default=1.5, help="device pixel ratio")
    parser.add_argument("--margin", type=int, default=12, help="CSS px of page around each element")
    parser.add_argument("--only", nargs="*", help="names of the shots to take (default: all)")
    parser.add_argument("--full-colour", action="store_true",
                        help="keep Chromium's true-colour PNGs (no 256-colour palette)")
    args = parser.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("screenshots: playwright is not installed (use `tox -e screenshots`)")
    executable = chromium()
    shots = [s for s in SHOTS if not args.only or s.name in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    too_big = []
    with tempfile.TemporaryDirectory(prefix="cs-screenshots-") as tmp:
        root = Path(tmp)
        for theme in sorted({s.theme for s in shots}):
            print(f"screenshots: building the docs with {theme}", flush=True)
            build(theme, root / theme)
        server, base = serve(root)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=executable, args=ARGS)
                pages: dict[float, Any] = {}
                for shot in shots:
                    scale = shot.scale or args.scale
                    if scale not in pages:
                        context = browser.new_context(device_scale_factor=scale,
                                                      reduced_motion="reduce")
                        pages[scale] = context.new_page()
                    path = take(pages[scale], base, shot, args.out, args.margin)
                    if not args.full_colour and not shrink(path):
                        print("screenshots: Pillow not installed, PNGs kept in true colour")
                        args.full_colour = True
                    size = path.stat().st_size
                    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    print(f"screenshots: {shown} ({size // 1024} KB)")
                    if size > LIMIT:
                        too_big.append(path.name)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    if too_big:
        print(f"screenshots: over 150 KB: {', '.join(too_big)} (try --scale 1)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
