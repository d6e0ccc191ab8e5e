"""User-facing errors: each message says what is wrong and what to do; the CLI and UI never show a traceback."""

from __future__ import annotations


class NewsragError(Exception):
    """A user-facing error: its message says what is wrong and what to do; never shown as a traceback."""


class SettingsError(NewsragError):
    """A bad value in the environment (NEWSRAG_*) or in newsrag.toml."""


class IndexUnavailable(NewsragError):
    """The index is missing, empty, of another schema, or unreachable (a Chroma server that does not answer)."""


class InputError(NewsragError):
    """A question, filter, file or URL that cannot be used as given."""


class ModelError(NewsragError):
    """A model file that is missing, incomplete or fails its checksum, or a model server that does not answer."""
