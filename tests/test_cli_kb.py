"""`parley kb show`: how a name resolves to an actor or a place, and why."""
from __future__ import annotations

from click.testing import CliRunner

from parley.cli import cli


def show(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["kb", "show", *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_place_candidates_are_listed_best_first_with_their_reasons():
    lines = [line for line in show("Gainesville") if "-> place" in line]
    assert len(lines) >= 3
    assert "chosen" in lines[0] and all("candidate" in line for line in lines[1:])
    assert "population" in lines[0] and "score" in lines[0]
    assert "(city, US, 29.6" in lines[0]          # the largest Gainesville, in Florida


def test_within_moves_the_choice_and_says_so():
    first = next(line for line in show("Gainesville", "--within", "Texas") if "-> place" in line)
    assert "(city, US, 33.6" in first and "in Texas" in first


def test_an_unknown_within_is_reported_and_ignored():
    lines = show("Gainesville", "--within", "Atlantis")
    assert any("'Atlantis': no gazetteer region or country" in line for line in lines)


def test_a_known_actor_that_is_also_a_place_says_both():
    lines = show("Moscow")
    assert any("-> russia" in line for line in lines)
    assert any("-> place Moscow (city, RU" in line for line in lines)
    assert any("a place only where it is used as one" in line for line in lines)
