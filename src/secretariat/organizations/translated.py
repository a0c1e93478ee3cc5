"""Texts kept per language (``{"en": "...", "ru": "..."}``) and how to pick one.

Charters name things in every language the organization uses, which is not a
fixed list, so names live in a JSON mapping rather than in a column per language.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.utils.translation import get_language


def pick(texts: Mapping[str, str] | None, language: str | None = None) -> str:
    """Return the text in the language asked for (default: the active one).

    Falls back to the site's default language, then to any text there is, so a
    name missing in one language still shows rather than leaving a blank.
    """
    if not texts:
        return ""
    wanted = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for candidate in (wanted, settings.LANGUAGE_CODE):
        if texts.get(candidate):
            return texts[candidate]
    return next(iter(texts.values()))
