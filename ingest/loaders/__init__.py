"""Article loaders: files, folders, URLs and feeds -> rag.core.types.Article (or LoadProblem saying what is wrong)."""

from ingest.dates import normalize_date
from ingest.loaders.common import LoadProblem, article_id
from ingest.loaders.dispatch import LOADERS, SUPPORTED, load

__all__ = ["LOADERS", "SUPPORTED", "LoadProblem", "article_id", "load", "normalize_date"]
