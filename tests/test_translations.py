"""The Russian catalog: complete, faithful to its placeholders, and compiled.

``make messages`` re-extracts the catalogs; these tests catch what a translator or a
forgotten ``compilemessages`` would otherwise leave behind: an empty or fuzzy entry, a
placeholder lost in translation, a ``.mo`` older than its ``.po``.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.utils import translation

import secretariat

CATALOG_DIR = Path(secretariat.__file__).resolve().parent / "locale" / "ru" / "LC_MESSAGES"
PO_FILE = CATALOG_DIR / "django.po"
MO_FILE = CATALOG_DIR / "django.mo"

#: ``%(name)s``, ``%(count)d`` and ``{name}``: what the code fills in.
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|\{[^{}]*\}")
#: Tags and character references: what the page renders.
MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>|&[a-zA-Z]+;")


def read_po_catalog() -> Catalog:
    with PO_FILE.open("rb") as file:
        return read_po(file)


def read_mo_catalog() -> Catalog:
    with MO_FILE.open("rb") as file:
        return read_mo(file)


def messages(catalog: Catalog) -> Iterator[Message]:
    """Every message but the header."""
    return (message for message in catalog if message.id)


def forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's id or string as a tuple: one item, or one per plural form."""
    if value is None:
        return ("",)
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def label(message: Message) -> str:
    context = f"[{message.context}] " if message.context else ""
    return f"{context}{forms(message.id)[0]!r}"


def tokens(pattern: re.Pattern[str], text: str) -> set[str]:
    return set(pattern.findall(text))


def original_tokens(pattern: re.Pattern[str], message: Message) -> set[str]:
    """The tokens of the English, both forms of a plural message together."""
    return set().union(*(tokens(pattern, text) for text in forms(message.id)))


def test_the_header_is_russian_with_three_plural_forms():
    catalog = read_po_catalog()
    assert str(catalog.locale) == "ru"
    assert catalog.charset.lower() == "utf-8"
    assert catalog.num_plurals == 3
    assert not catalog.fuzzy


def test_every_message_is_translated_and_none_is_fuzzy():
    catalog = read_po_catalog()
    untranslated = [
        label(message)
        for message in messages(catalog)
        if len(forms(message.string)) != (catalog.num_plurals if message.pluralizable else 1)
        or not all(form.strip() for form in forms(message.string))
    ]
    fuzzy = [label(message) for message in messages(catalog) if message.fuzzy]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


@pytest.mark.parametrize(("pattern", "kind"), [(PLACEHOLDER, "placeholders"), (MARKUP, "markup")])
def test_translations_keep_the_placeholders_and_markup_of_the_original(pattern, kind):
    wrong = [
        f"{label(message)}: {sorted(tokens(pattern, form))} != "
        f"{sorted(original_tokens(pattern, message))}"
        for message in messages(read_po_catalog())
        for form in forms(message.string)
        if tokens(pattern, form) != original_tokens(pattern, message)
    ]
    assert not wrong, f"{kind} differ:\n" + "\n".join(wrong)


def test_translations_keep_the_leading_and_trailing_whitespace_of_the_original():
    def edges(text: str) -> tuple[str, str]:
        return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]

    wrong = [
        label(message)
        for message in messages(read_po_catalog())
        for form in forms(message.string)
        if edges(form) != edges(forms(message.id)[0])
    ]
    assert not wrong, f"whitespace differs: {wrong}"


def test_the_compiled_catalog_holds_exactly_the_translations_of_the_po_file():
    def translations(catalog: Catalog) -> dict[tuple[str | None, tuple[str, ...]], tuple[str, ...]]:
        return {
            (message.context, forms(message.id)): forms(message.string)
            for message in messages(catalog)
        }

    po, mo = translations(read_po_catalog()), translations(read_mo_catalog())
    stale = sorted(str(key) for key in po.keys() | mo.keys() if po.get(key) != mo.get(key))
    assert not stale, (
        "django.mo is out of date; run `secretariat compilemessages -l ru` in src/secretariat:\n"
        + "\n".join(stale)
    )


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("member states", "государства-члены"),
        ("restricted", "ограниченного пользования"),
        ("videoconference", "в формате видеоконференции"),
        ("protocol decision", "протокольное решение"),
    ],
)
def test_django_serves_the_russian_translation(english, russian):
    with translation.override("ru"):
        assert translation.gettext(english) == russian
    with translation.override("en"):
        assert translation.gettext(english) == english


def test_django_translates_by_context():
    with translation.override("ru"):
        assert translation.pgettext("what happened at a session", "Summary") != "Summary"
        # One English word, two Russian ones: a state leaves, a document is recalled.
        assert translation.pgettext("participation status", "withdrawn") == "вышло из организации"
        assert translation.pgettext("document status", "withdrawn") == "отозвано"


def test_django_fills_placeholders_in_russian():
    with translation.override("ru"):
        sentence = translation.gettext("expected one of %(expected)s") % {"expected": "'a', 'b'"}
    assert sentence == "ожидается одно из значений: 'a', 'b'"
