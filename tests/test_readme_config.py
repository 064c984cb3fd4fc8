"""The README's configuration table states the defaults that ``config.py`` has."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from parley.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_defaults() -> dict[str, str]:
    """``PARLEY_*`` variable -> the Default column of its row in the configuration table."""
    section = README.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        env = re.fullmatch(r"`(PARLEY_[A-Z_]+)`", cells[1]) if len(cells) == 4 else None
        if env:
            rows[env.group(1)] = cells[3].strip("`")
    return rows


def test_every_setting_has_a_row_with_its_default():
    rows = readme_defaults()
    assert set(rows) == {f"PARLEY_{f.name.upper()}" for f in fields(Settings)}
    for f in fields(Settings):
        default = "none" if f.default is None else str(f.default)
        assert rows[f"PARLEY_{f.name.upper()}"].replace(",", "") == default, f.name


def test_the_prose_states_the_same_chunk_size():
    text = README.read_text(encoding="utf-8")
    sizes = {int(n.replace(",", "")) for n in re.findall(r"chunks of ([\d,]+) characters", text)}
    assert sizes == {Settings().chunk_chars}
