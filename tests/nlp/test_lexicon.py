"""The word lists and cue lexicons of ``nlp/data``: a missing or malformed file is named."""
from __future__ import annotations

import shutil

import pytest

from parley.errors import LexiconError, ParleyError
from parley.nlp.lexicon import DATA_DIR, WordLists, load_lexicons


@pytest.fixture
def data(tmp_path):
    """A copy of the package's data files to break."""
    for path in DATA_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_package_lexicons_load():
    lex = load_lexicons()
    assert isinstance(lex.words, WordLists)
    assert "he" in lex.words.person_pronouns and "troops" in lex.words.armed_nouns
    assert lex.numbers["three"] == 3
    assert lex.events["demand"][0] == "DEMAND"
    assert (lex.plover_of("accusation"), lex.plover_of("accept"), lex.plover_of("say")) == ("DISAPPROVE", "AGREE", None)


def test_a_copy_loads_like_the_package(data):
    assert load_lexicons(data) == load_lexicons()


def test_lexicon_error_is_a_parley_error():
    assert issubclass(LexiconError, ParleyError)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.tsv")))
def test_a_missing_file_is_named(data, name):
    (data / name).unlink()
    with pytest.raises(LexiconError, match=name):
        load_lexicons(data)


def test_a_row_with_too_few_fields_is_named_with_its_line(data):
    path = data / "stance.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(k for k, line in enumerate(lines) if line.startswith("support\t"))
    lines[row] = "support\tVERB"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"stance.tsv, line {row + 1}: 2 tab-separated fields"):
        load_lexicons(data)


def test_a_header_without_a_column_is_named(data):
    path = data / "hedging.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("lemma\tmodality", "word\tmodality"), encoding="utf-8")
    with pytest.raises(LexiconError, match="hedging.tsv: the header lacks the column lemma"):
        load_lexicons(data)


def test_an_empty_value_is_named(data):
    path = data / "hedging.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "\tfuture\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="hedging.tsv, line [0-9]+: no value for lemma"):
        load_lexicons(data)


def test_an_unknown_word_list_is_named(data):
    with (data / "words.tsv").open("a", encoding="utf-8") as fh:
        fh.write("colours\tred\n")
    with pytest.raises(LexiconError, match="words.tsv: unknown word list colours"):
        load_lexicons(data)


def test_a_word_list_without_words_is_named(data):
    path = data / "words.tsv"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("light_verbs\t")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="words.tsv: no words for the list light_verbs"):
        load_lexicons(data)


def test_a_count_that_is_not_a_number_is_named(data):
    path = data / "numbers.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("three\t3", "three\tthree"), encoding="utf-8")
    with pytest.raises(LexiconError, match="numbers.tsv: the count of 'three'"):
        load_lexicons(data)
