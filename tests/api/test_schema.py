"""Property-based requests generated from the OpenAPI schema (schemathesis): no 5xx, ever.
Kept small (a few examples per operation) so that it runs in seconds.

Schemathesis' pytest plugin (``from_fixture``) does not run under pytest 9, so the operations
are driven through Hypothesis directly."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = 8


@pytest.fixture(scope="module")
def operations(app):
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 14
    return {f"{op.method.upper()} {op.path}": op for op in ops}


def test_every_operation_without_server_errors(operations):
    failures = {}
    for label, op in operations.items():
        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report
            failures[label] = f"{type(exc).__name__}: {str(exc)[:2000]}"
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
