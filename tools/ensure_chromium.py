"""The Chromium the browser tests and screenshots drive, and how they launch it.

Run as a script (``commands_pre`` of ``tox -e browser`` and ``tox -e
screenshots``) it makes sure that Chromium is installed, and fails the env
when it cannot be: a browser run without a browser would prove nothing.

* Chromium present (``$CS_CHROMIUM``, else ``/usr/bin/chromium``): say so, exit 0.
* Missing, running as root with ``apt-get`` (CI): ``apt-get update``, then
  ``apt-get install -y chromium chromium-driver`` (Debian's packages), exit 0
  when Chromium is then there.
* Otherwise: say why and what to do, exit 1.

Playwright's own browser download is never used (it cannot work offline);
imported as a module, this file is where the tests and ``tools/screenshots.py``
find the executable and its flags, so the two never disagree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
PACKAGES = ("chromium", "chromium-driver")

# Headless, and nothing that reaches out of the machine on its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def find_chromium() -> str | None:
    """The Chromium to use: ``$CS_CHROMIUM`` when set (and only it), else a system one."""
    wanted = os.environ.get("CS_CHROMIUM")
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    for path in CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return None


def say(message: str) -> None:
    print(f"ensure_chromium: {message}", flush=True)


def install() -> str | None:
    """Why Chromium cannot be installed here, or None once apt-get has run cleanly."""
    if os.environ.get("CS_CHROMIUM"):
        return (f"CS_CHROMIUM={os.environ['CS_CHROMIUM']} is not an executable "
                "(unset it to use /usr/bin/chromium)")
    apt = shutil.which("apt-get")
    if apt is None:
        return "no /usr/bin/chromium and no apt-get: install Chromium, or set CS_CHROMIUM"
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ("no /usr/bin/chromium, and not root, so apt-get is not run: "
                f"`sudo apt-get install {' '.join(PACKAGES)}`, or set CS_CHROMIUM")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in ([apt, "update"], [apt, "install", "-y", *PACKAGES]):
        say("running " + " ".join(cmd))
        try:
            done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False,
                                  timeout=900)
        except (OSError, subprocess.SubprocessError) as exc:
            return f"apt-get {cmd[1]} failed: {exc}"
        if done.returncode != 0:
            return f"apt-get {cmd[1]} exited {done.returncode}"
    return None


def main() -> int:
    found = find_chromium()
    if found is None:
        problem = install()
        found = find_chromium()
        if found is None:
            say(f"{problem or 'apt-get installed no /usr/bin/chromium'}; "
                "the browser tests cannot run")
            return 1
        say(f"installed {found}")
        return 0
    say(f"using {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
