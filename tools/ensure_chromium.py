"""Make sure a Chromium for the browser tests is installed; never fail the run.

Used by ``tox -e browser`` and ``tox -e screenshots`` (``commands_pre``).  The
tests drive the system's Chromium (``/usr/bin/chromium``, or ``$CS_CHROMIUM``)
through Playwright; Playwright's own browser download is not used.

* Chromium present: say so, exit 0.
* Missing, running as root with ``apt-get``: ``apt-get update`` and
  ``apt-get install -y chromium`` (non-interactive), exit 0 whatever happens.
* Otherwise: print why nothing was installed, exit 0; the browser tests then
  skip with a reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def find_chromium() -> str | None:
    """The Chromium the tests will use: ``$CS_CHROMIUM``, else a system one."""
    wanted = os.environ.get("CS_CHROMIUM")
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    for path in CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return None


def say(message: str) -> None:
    print(f"ensure_chromium: {message}", flush=True)


def main() -> int:
    found = find_chromium()
    if found:
        say(f"using {found}")
        return 0
    if os.environ.get("CS_CHROMIUM"):
        say(f"CS_CHROMIUM={os.environ['CS_CHROMIUM']} is not an executable; "
            "not installing anything, the browser tests will skip")
        return 0
    apt = shutil.which("apt-get")
    if apt is None:
        say("no Chromium at /usr/bin/chromium and no apt-get here; install Chromium "
            "yourself (or set CS_CHROMIUM); the browser tests will skip")
        return 0
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        say("no Chromium at /usr/bin/chromium; not root, so not running apt-get. Run "
            "`sudo apt-get install chromium` (Debian) or set CS_CHROMIUM; "
            "the browser tests will skip")
        return 0
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in ([apt, "update"],
                [apt, "install", "-y", "chromium"]):
        say("running " + " ".join(cmd))
        try:
            done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False,
                                  timeout=900)
        except (OSError, subprocess.SubprocessError) as exc:
            say(f"{cmd[1]} failed ({exc}); the browser tests will skip")
            return 0
        if done.returncode != 0:
            say(f"apt-get {cmd[1]} exited {done.returncode}; the browser tests will skip")
            return 0
    found = find_chromium()
    say(f"installed {found}" if found else
        "apt-get installed no /usr/bin/chromium; the browser tests will skip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
