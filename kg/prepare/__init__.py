"""Prepare stage: an input file's article, normalised, with its body told from page furniture.

``read`` finds and decodes files (``read_file`` gives ``RawArticle``s or
``Skipped`` reasons); ``prepare_article`` then runs, for one article,
``normalise`` (simplified script, folded widths, offsets kept),
``boilerplate`` (navigation, link lists, footers dropped) and ``metadata``
(title, date, outlet). The rule tables are the TOML files beside these modules.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from kg.errors import stage
from kg.model import Article, RawArticle
from kg.prepare.boilerplate import classify_page, split_body
from kg.prepare.metadata import read_metadata
from kg.prepare.normalise import normalise
from kg.prepare.read import clean_text


def article_id(text: str) -> str:
    """A stable id from the normalised content: renaming or moving a file keeps it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def prepare_article(raw: RawArticle) -> Article:
    """Normalise one raw article, separate its body from page furniture, read its metadata.

    Lone surrogates (which a ``RawArticle`` built in Python may carry; the
    read stage already replaces them) become U+FFFD first, so that the text
    can always be encoded, hashed and written.
    """
    raw = replace(raw, text=clean_text(raw.text))
    with stage("normalise"):
        normalised = normalise(raw.text)
    with stage("boilerplate"):
        classified = classify_page(normalised.text)  # the metadata stage reads the same lines and reasons
        body, dropped = split_body(normalised.text, classified)
    with stage("metadata"):
        metadata = read_metadata(raw, normalised.text, body, classified)
    return Article(
        id=article_id(normalised.text),
        source=raw.source,
        original=raw.text,
        normalised=normalised,
        body=body,
        dropped=dropped,
        metadata=metadata,
        content_hash=hashlib.sha256(raw.text.encode("utf-8")).hexdigest(),
        encoding=raw.encoding,
        format=raw.format,
    )
