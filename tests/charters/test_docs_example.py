"""The complete example in docs/charters.md loads: the documentation cannot drift."""

import re

import pytest

from secretariat.charters.loaders import do_load_charter, do_load_record
from secretariat.meetings.models import Session
from tests.charters.conftest import ROOT


def example_files():
    text = (ROOT / "docs" / "charters.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# (\S+)\n.*?)```", text, flags=re.DOTALL)
    return {name: body for body, name in blocks}


@pytest.mark.django_db
def test_the_documented_example_loads(tmp_path):
    # given
    files = example_files()
    assert set(files) == {"charters/example.yaml", "records/example-2025.yaml"}
    charter = tmp_path / "example.yaml"
    charter.write_text(files["charters/example.yaml"], encoding="utf-8")
    record = tmp_path / "example-2025.yaml"
    record.write_text(files["records/example-2025.yaml"], encoding="utf-8")
    # when
    report = do_load_charter(charter)
    do_load_record(record)
    # then
    assert report.organization.states.count() == 2
    session = Session.objects.get(code="ministers-2025-03-01")
    assert session.agenda.items.get().documents.get().code == "statement-2025"
