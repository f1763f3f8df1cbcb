"""Extract stage (stub: finds nothing)."""
from kg.model import Article, ArticleExtraction, Sentence


def extract(article: Article, sentences: tuple[Sentence, ...]) -> ArticleExtraction:
    return ArticleExtraction(article.id, (), ())
