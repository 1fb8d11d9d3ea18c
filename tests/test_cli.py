"""The command line through main([...]): extract, show, check, exit codes, resume."""

from __future__ import annotations

import bz2
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from wikifilm.cli import main


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_the_shipped_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first command: 13 pages, 10 films, Matlock and Herzog held back, one redirect skipped."""
    out = tmp_path / "films.jsonl"
    assert main(["extract", "--sample", "-o", str(out), "--workers", "2"]) == 0
    films = lines(out)
    assert [film["page_title"] for film in films][:3] == ["Actrius", "Barry Lyndon", "K.G.F: Chapter 1"]
    assert len(films) == 10 and films[0]["page_id"] == 330 and films[0]["revision_id"] == 837663731
    summary = capsys.readouterr().err
    assert "13 pages read, 10 films written, 0 errors, 2 not films, 1 redirects skipped" in summary


def test_extract_a_folder_to_parquet_and_resume(tmp_path: Path) -> None:
    """A folder of article files to Parquet; --resume skips what is already written."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for stem in ["Actrius", "Barry_Lyndon", "Matlock_(TV_series)"]:
        (folder / f"{stem}.wikitext").write_bytes((FIXTURES / "articles" / f"{stem}.wikitext").read_bytes())
    out = tmp_path / "films.parquet"
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--limit", "1"]) == 0
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--resume"]) == 0
    from wikifilm.batch.sinks import read_parquet_records

    assert sorted(record["page_title"] for record in read_parquet_records(out)) == ["Actrius", "Barry Lyndon"]


def test_missing_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clear message and exit 2."""
    assert main(["extract", str(tmp_path / "nope.xml.bz2"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_truncated_dump_exits_3_with_earlier_records_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A dump cut after the first film: exit 3, the first film is in the output."""
    from wikifilm.cli import sample_dump

    data = bz2.decompress(sample_dump().read_bytes())
    cut = data.index(b"<title>Barry Lyndon</title>") + 500
    dump = tmp_path / "cut.xml"
    dump.write_bytes(data[:cut])
    out = tmp_path / "films.jsonl"
    assert main(["extract", str(dump), "-o", str(out), "--workers", "1"]) == 3
    assert [film["page_title"] for film in lines(out)] == ["Actrius"]
    assert "records read before it are written" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No subcommand, or extract with no input."""
    assert main([]) == 2
    assert main(["extract", "-o", "x.jsonl"]) == 2


def test_help_explains_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists the commands, examples and exit codes."""
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "extract" in text and "show" in text and "check" in text and "exit codes" in text


def test_show_prints_fields_and_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    """show on the seed: title, fields, and the WF401 diagnostic with its caret line."""
    assert main(["show", str(FIXTURES / "plaintext" / "escape_2024.txt")]) == 0
    text = capsys.readouterr().out
    assert "Escape" in text and "directors: Lee Jong-pil" in text
    assert "warning WF401 money-amount-missing" in text and "^^^^^^^" in text


def test_show_json_is_the_contract_record(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the record."""
    assert main(["show", "--json", str(FIXTURES / "articles" / "Actrius.wikitext")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Actresses" and record["page_title"] == "Actrius"


def test_check_reports_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """check passes on real articles and reports a bad file as unreadable."""
    assert main(["check", str(FIXTURES / "articles" / "Actrius.wikitext"), str(FIXTURES / "plaintext" / "escape_2024.txt")]) == 0
    assert capsys.readouterr().out.count("round trip exact") == 2
    bad = tmp_path / "bad.wikitext"
    bad.write_bytes(b"abc\xff")
    assert main(["check", str(bad)]) == 3


def test_python_dash_m_runs_the_same_command() -> None:
    """python -m wikifilm --help works."""
    result = subprocess.run([sys.executable, "-m", "wikifilm", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "wikifilm" in result.stdout


def test_killed_run_leaves_valid_output_and_resume_completes_it(tmp_path: Path) -> None:
    """SIGKILL in the middle of a run: what was written parses, and --resume writes each film exactly once."""
    import os
    import signal
    import time

    folder = tmp_path / "articles"
    folder.mkdir()
    sources = sorted((FIXTURES / "articles").glob("*.wikitext"))
    for copy in range(3):
        for source in sources:
            (folder / f"{copy}-{source.name}").write_bytes(source.read_bytes())
    out = tmp_path / "films.jsonl"
    command = [sys.executable, "-m", "wikifilm", "extract", str(folder), "-o", str(out), "--workers", "1", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_text(encoding="utf-8")
    complete = written[: written.rfind("\n") + 1]
    assert all(json.loads(line) for line in complete.splitlines())  # every complete line is a record
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--resume", "--no-progress"]) == 0
    titles = [film["page_title"] for film in lines(out)]
    assert len(titles) == len(set(titles)) == 3 * 79  # 79 of the 83 corpus articles are films


def test_output_piped_into_a_closed_reader_exits_quietly() -> None:
    """`wikifilm show FILE | head -1`: no BrokenPipeError traceback."""
    command = f'"{sys.executable}" -m wikifilm show "{FIXTURES / "articles" / "Barry_Lyndon.wikitext"}" | head -1'
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout.strip() and "Traceback" not in result.stderr


def test_graph_of_the_shipped_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`wikifilm graph --sample -o DIR`: the three tables; Miyazaki directs Totoro and Cagliostro under one key."""
    pytest.importorskip("duckdb")
    import pyarrow.parquet as pq

    assert main(["graph", "--sample", "-o", str(tmp_path), "--workers", "1"]) == 0
    assert "13 pages read, 10 films" in capsys.readouterr().err
    credits = pq.read_table(tmp_path / "credits.parquet").to_pylist()
    directed = sorted(row["film_title"] for row in credits if row["person_key"] == "Hayao Miyazaki" and row["role"] == "director")
    assert directed == ["My Neighbor Totoro", "The Castle of Cagliostro"]
    assert {path.name for path in tmp_path.iterdir()} == {"films.parquet", "people.parquet", "credits.parquet", "ambiguous.parquet"}
    assert main(["graph", "-o", str(tmp_path)]) == 2
