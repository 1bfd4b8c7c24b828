"""The first-name table and honorifics that pronouns must agree with."""
import pytest

from service.ingest import gender
from tests.support import LEXICONS

NAMES = LEXICONS.view(gender.first_names)


@pytest.mark.parametrize("name, expected", [
    ("Hillary", "f"), ("Angela", "f"), ("Jacinda", "f"), ("Joschka", "m"), ("Volodymyr", "m"),
    ("Narendra", "m"), ("MARCO", None), ("Chris", None), ("Kim", None), ("Jean", None),
    ("J.", None), ("Xyzzyq", None),
])
def test_gender_first_name_decides_only_plain_names(name, expected):
    assert gender.of_first_name(name, NAMES) == expected


@pytest.mark.parametrize("label, expected", [
    ("Angela Merkel", "f"), ("Boris Johnson", "m"), ("Merkel", None), ("Kim Jong Un", None),
])
def test_gender_label_reads_the_first_word_of_a_full_name(label, expected):
    assert gender.of_label(label, NAMES) == expected


@pytest.mark.parametrize("word, expected", [("Mrs.", "f"), ("Ms", "f"), ("Mr.", "m"), ("Dr.", None)])
def test_gender_honorific(word, expected):
    assert gender.of_honorific(word) == expected
