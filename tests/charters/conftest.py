from pathlib import Path

import pytest

from secretariat.charters.loaders import do_load_charter, do_load_record

ROOT = Path(__file__).resolve().parents[2]
CSTO_CHARTER = ROOT / "charters" / "csto.yaml"
DUSHANBE_RECORD = ROOT / "records" / "csto-2021-dushanbe.yaml"


@pytest.fixture
def csto(db):
    """The CSTO charter and the Dushanbe 2021 record, loaded."""
    report = do_load_charter(CSTO_CHARTER)
    do_load_record(DUSHANBE_RECORD)
    return report.organization


@pytest.fixture
def broken(tmp_path):
    """Write a variant of a shipped file with one text replaced, and return its path."""

    def make(source: Path, old: str, new: str, *, count: int = 1) -> Path:
        text = source.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {source.name}"
        path = tmp_path / source.name
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return path

    return make
