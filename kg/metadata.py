"""Metadata stage (stub: first line is the title)."""
from kg.model import ArticleMetadata, RawArticle


def read_metadata(raw: RawArticle, text: str, body) -> ArticleMetadata:
    first = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return ArticleMetadata(title=raw.title or first, published=raw.published, source_name=raw.source_name,
                           url=raw.url, authors=raw.authors)
