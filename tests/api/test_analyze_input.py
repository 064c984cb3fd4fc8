"""POST /api/v1/analyze at the edge: a date must be a real ISO date; NUL is replaced, a lone surrogate refused."""
from __future__ import annotations

import pytest

TEXT = "Turkish Foreign Minister Mevlut Cavusoglu said Ankara supports the Government of National Accord."


@pytest.mark.parametrize("published", ["2020-02-30", "garbage", 5, 0, 1e300, True, {"y": 2020}])
def test_a_date_that_is_no_date_is_refused(client, published):
    response = client.post("/api/v1/analyze", json={"text": TEXT, "published": published})
    assert response.status_code == 422, response.text
    assert "published" in response.json()["message"]


def test_a_nul_is_replaced_and_a_lone_surrogate_refused(client):
    body = '{"text": "' + TEXT.replace("said", "said\\u0000") + '"}'
    response = client.post("/api/v1/analyze", content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["length"] == len(TEXT) + 1
    body = '{"text": "' + TEXT.replace("said", "said\\ud800") + '"}'
    response = client.post("/api/v1/analyze", content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 422 and "text" in response.json()["message"]
