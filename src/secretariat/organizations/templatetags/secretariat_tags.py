"""Template filters for texts kept per language (``{"en": …, "ru": …}``) and language codes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from secretariat.organizations.display import language_name
from secretariat.organizations.translated import pick

register = template.Library()


@register.filter
def translated(texts: Any) -> str:
    """Return the text in the active language (see :func:`pick`); ``""`` for no texts."""
    if not isinstance(texts, Mapping):
        return ""
    return pick(texts)


register.filter("language_name", language_name)


@register.filter
def language_names(codes: Any) -> str:
    """Return the names of several languages, comma-separated."""
    if not isinstance(codes, list | tuple):
        return ""
    return ", ".join(language_name(str(code)) for code in codes)
