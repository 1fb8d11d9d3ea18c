"""``wikifilm lint`` and ``wikifilm fix`` through main([...])."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SEED
from wikifilm import extract
from wikifilm.cli import main, sample_dump

DOUBLED = """{{Infobox film
| name     = Foo
| runtime  = 90 minutes
| country  = France
| runtime  = 90 minutes
| country  = Belgium
}}
'''Foo''' is a 2001 film.
"""


def test_lint_counts_per_code_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.csv"
    assert main(["lint", str(SEED), "-o", str(report)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article, 10 diagnostics\n")
    assert "      1  WF401 money-amount-missing" in out and "      7  WF701 award-row-repaired" in out
    assert "      8  accolades" in out and "      1  gross" in out
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert len(rows) == 10
    gross = next(row for row in rows if row["code"] == "WF401")
    assert (gross["line"], gross["column"], gross["field"]) == ("17", "10", "gross")  # `- Gross: million`


def test_lint_reads_the_film_pages_of_a_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(sample_dump())]) == 0
    assert capsys.readouterr().out.startswith("10 articles, ")  # the sample's ten films, not its series or person


def test_lint_refuses_an_unknown_report_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(SEED), "-o", str(tmp_path / "report.txt")]) == 2
    assert ".jsonl or .csv" in capsys.readouterr().err and not (tmp_path / "report.txt").exists()


def test_fix_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "escape_2024.txt"
    article.write_bytes(SEED.read_bytes())
    assert main(["fix", str(article), "--rule", "WF204", "--dry-run"]) == 0
    out = capsys.readouterr().out
    removed = [line for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 1
    assert removed[0].startswith("-Escape () is a 2024") and added[0] == removed[0].replace("-Escape () is", "+Escape is", 1)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["escape_2024.txt"]


def test_fix_write_puts_a_new_file_beside_the_input(tmp_path: Path) -> None:
    article = tmp_path / "doubled.wikitext"
    article.write_text(DOUBLED, encoding="utf-8")
    assert main(["fix", str(article), "--rule", "WF202", "--write"]) == 0
    fixed = (tmp_path / "doubled.fixed.wikitext").read_text(encoding="utf-8")
    assert article.read_text(encoding="utf-8") == DOUBLED  # the input is never touched
    assert fixed == DOUBLED.replace("| runtime  = 90 minutes\n", "", 1)  # the identical copy goes, the differing one stays
    assert extract(fixed).runtimes[0] == 90


def test_fix_says_which_copies_it_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "doubled.wikitext"
    article.write_text(DOUBLED, encoding="utf-8")
    assert main(["fix", str(article), "--rule", "WF202", "--dry-run"]) == 0
    assert "field 'country' is given twice with different values; a person must choose" in capsys.readouterr().err


def test_fix_refuses_a_code_without_a_safe_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", str(SEED), "--rule", "WF401", "--dry-run"]) == 2
    assert "no safe fix for WF401" in capsys.readouterr().err
