"""newsrag: question answering over news articles, every sentence cited to an exact passage."""

from rag.core.errors import NewsragError
from rag.core.types import Answer, Article, Chunk, Citation, Hit

__all__ = ["Answer", "Article", "Assistant", "Chunk", "Citation", "Hit", "NewsragError"]


def __getattr__(name: str):
    # Lazy: `import rag` stays cheap (no torch) for tools that only need the types.
    if name == "Assistant":
        from rag.assistant import Assistant

        return Assistant
    raise AttributeError(name)
