"""Who may open the UI: anyone on this machine by default; any other bind address needs credentials."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path

from rag.core.errors import NewsragError

AUTH_ENV = "NEWSRAG_UI_AUTH"  # "user:password"
AUTH_FILE_ENV = "NEWSRAG_UI_AUTH_FILE"  # a file of "user:password" lines ('#' comments)


def is_loopback(host: str) -> bool:
    host = (host or "").strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _pair(text: str, where: str) -> tuple[str, str]:
    user, sep, password = text.strip().partition(":")
    if not sep or not user.strip() or not password:
        raise NewsragError(f"{where}: expected 'user:password' with both parts non-empty")
    return user.strip(), password


def load_credentials(env: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Credentials from NEWSRAG_UI_AUTH and/or the file named by NEWSRAG_UI_AUTH_FILE (empty list when neither)."""
    env = os.environ if env is None else env
    pairs: list[tuple[str, str]] = []
    if env.get(AUTH_ENV):
        pairs.append(_pair(env[AUTH_ENV], AUTH_ENV))
    if env.get(AUTH_FILE_ENV):
        path = Path(env[AUTH_FILE_ENV]).expanduser()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise NewsragError(
                f"{AUTH_FILE_ENV}={path}: cannot read it ({exc.strerror}); point it at a file of user:password lines"
            ) from None
        for i, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                pairs.append(_pair(line, f"{path}:{i}"))
        if not pairs:
            raise NewsragError(f"{AUTH_FILE_ENV}={path} holds no user:password line")
    return pairs


def auth_for(host: str, env: dict[str, str] | None = None) -> list[tuple[str, str]] | None:
    """Credentials to launch with: None on loopback without any configured; refuse other hosts without them."""
    pairs = load_credentials(env)
    if not pairs and not is_loopback(host):
        raise NewsragError(
            f"refusing to serve on {host}: that address is reachable from other machines and the UI can add articles. "
            f"Set {AUTH_ENV}=user:password (or {AUTH_FILE_ENV}=FILE of user:password lines), or bind 127.0.0.1"
        )
    return pairs or None
