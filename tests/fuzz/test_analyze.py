"""Every generated text through ``parley.analyze``: no exception, CPU within budget, output that
keeps the schema, and spans that quote the text and are never empty."""
from __future__ import annotations

import time

import pytest

from .conftest import SEED
from .generate import generate
from .props import Tally, contract_json, cpu_budget, offset_errors, schema_errors, text_errors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tally(cases, validator, warm) -> Tally:
    """Analyse every text case once and check each property on it."""
    import parley

    tally = Tally()
    for case in (c for c in cases if c.channel == "text"):
        started = time.process_time()
        try:
            analysis = parley.analyze(case.data)
        except Exception as exc:  # noqa: BLE001 - any exception escaping is what is counted
            tally.check("no exception", case, f"{type(exc).__name__}: {str(exc)[:200]}")
            continue
        spent = time.process_time() - started
        tally.check("no exception", case, None)
        tally.check("CPU within budget", case,
                    f"{spent:.2f} s CPU > {cpu_budget(case.size):.2f} s" if spent > cpu_budget(case.size) else None)
        data = contract_json(analysis)
        tally.check("schema", case, schema_errors(data, validator))
        tally.check("offsets", case, offset_errors(data, analysis.article.text))
        tally.check("analysed text is the input", case, text_errors(case.data, analysis))
    return tally


def test_enough_inputs():
    cases = generate(SEED)
    assert len(cases) >= 2000 and cases == generate(SEED)
    assert len({c.kind for c in cases}) >= 20


@pytest.mark.parametrize("prop", ["no exception", "CPU within budget", "schema", "offsets",
                                  "analysed text is the input"])
def test_every_text_keeps(tally, prop):
    tally.assert_holds(prop)


@pytest.mark.parametrize("published", ["2020-02-30", "garbage", "2020-6-1", "5"])
def test_a_bad_date_is_refused_or_left_out(validator, warm, published):
    """A date that is not a real ISO date is refused with a clear error, or never reaches the output."""
    import parley
    from parley.errors import ParleyError

    try:
        analysis = parley.analyze("Russia said it supports the ceasefire in Libya.", published=published)
    except (ValueError, ParleyError):
        return
    assert not schema_errors(contract_json(analysis), validator)
