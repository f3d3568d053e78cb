"""Install Debian packages a check needs on a bare machine (CI starts bare)."""

from __future__ import annotations

import os
import subprocess


def install_packages(*packages: str) -> None:
    print(f"Installing {', '.join(packages)} from Debian packages ...", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    subprocess.run([*sudo, *install, *packages], check=True, env=env)
