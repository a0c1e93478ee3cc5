from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules.paragraphs import find, split

DECISION = """The Council of Foreign Ministers,

noting the report of the Secretary General,

1. Approves the plan.

2) Instructs the Secretariat to report by 1 June.

(3) Decides to meet again."""


def test_numbers_paragraphs_in_order_and_tells_operative_ones():
    paragraphs = split(DECISION)
    assert [p.number for p in paragraphs] == [1, 2, 3, 4, 5]
    assert [p.label for p in paragraphs] == ["", "", "1", "2", "3"]
    assert [p.is_operative for p in paragraphs] == [False, False, True, True, True]
    assert paragraphs[3].text == "2) Instructs the Secretariat to report by 1 June."


def test_a_number_inside_a_sentence_is_not_a_label():
    assert split("In 2021 the Council met.")[0].label == ""
    assert split("2021 was a year.")[0].label == ""


def test_windows_line_ends_and_extra_blank_lines_change_nothing():
    assert split(DECISION.replace("\n", "\r\n").replace("\r\n\r\n", "\r\n\r\n\r\n")) == split(
        DECISION
    )


def test_find_answers_none_outside_the_text():
    assert find(DECISION, 3) is not None
    assert find(DECISION, 0) is None
    assert find(DECISION, 6) is None
    assert find("", 1) is None


paragraph_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), min_size=1
).filter(str.strip)


@given(st.lists(paragraph_text, max_size=8))
def test_joined_paragraphs_split_back_into_the_same_texts(texts):
    assert [p.text for p in split("\n\n".join(texts))] == [t.strip() for t in texts]
