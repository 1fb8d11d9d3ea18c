"""The command line through main([...]): extract, show, check, exit codes, resume."""

from __future__ import annotations

import bz2
import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import wikifilm
from tests.conftest import FIXTURES
from tests.fake_mediawiki import FakeWiki, serve
from wikifilm.cli import main, sample_dump


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
    assert "13 pages read, 10 films written, 0 error records, 2 not films, 1 redirect skipped" in summary


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
    assert "1 error record," in capsys.readouterr().err
    [error] = lines(tmp_path / "films.errors.jsonl")
    assert error["code"] == "WF904" and error["page_title"] == "Barry Lyndon" and error["source"].startswith(f"{dump}@")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No subcommand, or extract with no input."""
    assert main([]) == 2
    assert main(["extract", "-o", "x.jsonl"]) == 2
    assert main(["show"]) == 2 and "--title alone to fetch" in capsys.readouterr().err
    assert main(["check"]) == 2 and "needs a FILE or --sample" in capsys.readouterr().err


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
    out = capsys.readouterr().out
    assert out.count("round trip exact") == 2 and out.splitlines()[-1].startswith("2 pages checked: 2 exact, 0 failed")
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
    workers = _children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _wait_gone(workers)  # no worker outlives the run it belonged to
    written = out.read_text(encoding="utf-8")
    complete = written[: written.rfind("\n") + 1]
    assert all(json.loads(line) for line in complete.splitlines())  # every complete line is a record
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--resume", "--no-progress"]) == 0
    titles = [film["page_title"] for film in lines(out)]
    assert len(titles) == len(set(titles)) == 3 * 79  # 79 of the 83 corpus articles are films


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux's /proc; none elsewhere)."""
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []


def _wait_gone(pids: list[int], seconds: float = 20.0) -> None:
    """Wait until none of ``pids`` is alive (a zombie counts as gone), failing after ``seconds``."""
    import time

    deadline = time.monotonic() + seconds
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if Path(f"/proc/{pid}").exists() and " Z " not in Path(f"/proc/{pid}/stat").read_text().split(")", 1)[1][:3]]
        time.sleep(0.1)
    assert not alive, f"workers {alive} outlived their killed run"


def test_output_piped_into_a_closed_reader_exits_quietly() -> None:
    """`wikifilm show FILE | head -1`: no BrokenPipeError traceback."""
    command = f'"{sys.executable}" -m wikifilm show "{FIXTURES / "articles" / "Barry_Lyndon.wikitext"}" | head -1'
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout.strip() and "Traceback" not in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"wikifilm {wikifilm.__version__}"


def test_the_readme_show_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's `wikifilm show` line names something every user has: the shipped sample."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("wikifilm show --sample"))
    assert main(shlex.split(line.split("#")[0])[1:]) == 0
    assert capsys.readouterr().out.startswith("Barry Lyndon")


def test_show_a_page_of_a_dump_readably(capsys: pytest.CaptureFixture[str]) -> None:
    """show DUMP --title T: the page's record in words; no Python reprs, no "?", money with thousands and currency."""
    assert main(["show", str(sample_dump()), "--title", "Barry Lyndon"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "Barry Lyndon  (page id 900001, revision 953837852)"
    assert "directors: Stanley Kubrick" in text and "budget: 12,000,000 USD" in text and "runtime: 187 minutes" in text
    assert "    - The Luck of Barry Lyndon, by William Makepeace Thackeray" in text  # based_on was a dict repr
    assert "  release dates:\n    - 1975-12-18\n" in text  # {{Film date|df=y|1975|12|18}}, no place
    assert "    - Michael Hordern as Narrator" in text
    assert "    - Academy Awards (year unknown): Best Art Direction (Ken Adam; Roy Walker; Vernon Dixon) — won" in text
    assert "{" not in text and "'name'" not in text and "?" not in text
    assert text.rstrip().endswith("0 diagnostics")


def test_show_names_the_cast_version(capsys: pytest.CaptureFixture[str]) -> None:
    """A film with one cast per language shows which cast each entry is from (Totoro's "Japanese voice actor" column)."""
    assert main(["show", "--sample", "--title", "My Neighbor Totoro"]) == 0
    assert "    - Noriko Hidaka as Satsuki Kusakabe (Japanese)\n" in capsys.readouterr().out


def test_show_unknown_results_say_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    """An award whose result the article does not give reads "result unknown"; the diagnostics are counted."""
    assert main(["show", str(FIXTURES / "plaintext" / "escape_2024.txt")]) == 0
    text = capsys.readouterr().out
    assert "    - Blue Dragon Film Awards 2024: Best Editing (Lee Gang-hee) — result unknown" in text
    assert "\n10 diagnostics:\n" in text


def test_show_follows_a_redirect_in_a_dump(capsys: pytest.CaptureFixture[str]) -> None:
    """A redirect's title shows its target, and says so; titles are matched as MediaWiki spells them."""
    assert main(["show", "--sample", "--title", "lupin_III:_The_Castle_of_Cagliostro"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("Lupin III: The Castle of Cagliostro  (page 'The Castle of Cagliostro', "  # the infobox name
                     "redirected from 'Lupin III: The Castle of Cagliostro', page id 900007, revision 870532376)")


def test_show_a_dump_needs_a_title_it_holds(capsys: pytest.CaptureFixture[str]) -> None:
    """No --title, or one the dump lacks: exit 2 with the fix (an example title, the closest titles)."""
    assert main(["show", "--sample"]) == 2
    assert "is a dump; name the page to show with --title, e.g. --title 'Actrius'" in capsys.readouterr().err
    assert main(["show", "--sample", "--title", "Barry Lyndom"]) == 2
    assert "no page titled 'Barry Lyndom'" in (err := capsys.readouterr().err) and "did you mean 'Barry Lyndon'?" in err


def test_show_fetches_a_title_from_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    """show --title T alone fetches the article (here from a fake api.php on 127.0.0.1), following redirects."""
    text = (FIXTURES / "articles" / "Barry_Lyndon.wikitext").read_text(encoding="utf-8")
    wiki = FakeWiki(pages={"Barry Lyndon": (4264, 1225433066, text)}, redirects={"Kubrick's Barry Lyndon": "Barry Lyndon"})
    with serve(wiki):
        assert main(["show", "--title", "Kubrick's Barry Lyndon", "--api-url", wiki.url]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0] == "Barry Lyndon  (redirected from \"Kubrick's Barry Lyndon\", page id 4264, revision 1225433066)"
        assert "budget: 12,000,000 USD" in out
        assert main(["show", "--title", "Barry Lyndon (novel)", "--api-url", wiki.url]) == 2
        assert "127.0.0.1" in (err := capsys.readouterr().err) and "no article titled 'Barry Lyndon (novel)'" in err


def test_check_a_dump_checks_every_page_and_counts_as_show(capsys: pytest.CaptureFixture[str]) -> None:
    """check DUMP: one line per page (12: the redirect is skipped), diagnostics counted as show counts them."""
    assert main(["check", "--sample"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("  ")]
    assert len(lines) == 13 and lines[-1].startswith("12 pages checked: 12 exact, 0 failed")
    assert lines[4].endswith("[Rush (2013 film)]: round trip exact, 1 diagnostic")
    assert main(["show", "--sample", "--title", "Rush (2013 film)"]) == 0
    assert "\n1 diagnostic:\n" in capsys.readouterr().out


def test_check_reads_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check FOLDER checks every article file and dump in it, as extract reads folders."""
    for stem in ["Actrius", "Barry_Lyndon"]:
        (tmp_path / f"{stem}.wikitext").write_bytes((FIXTURES / "articles" / f"{stem}.wikitext").read_bytes())
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 pages checked: 2 exact, 0 failed; 0 diagnostics"


def test_check_counts_the_seed_as_show_does(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed: show prints ten diagnostics, and check says ten (it said 0)."""
    assert main(["check", str(FIXTURES / "plaintext" / "escape_2024.txt")]) == 0
    assert "escape_2024.txt: round trip exact, 10 diagnostics" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["show", "check"])
def test_a_missing_file_says_so_plainly(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file: exit 2, the name and what to give instead; no raw [Errno 2]."""
    assert main([command, str(tmp_path / "Heat.wikitext")]) == 2
    err = capsys.readouterr().err
    assert f"wikifilm {command}: no such file: {tmp_path / 'Heat.wikitext'}; check the path" in err and "Errno" not in err


@pytest.mark.parametrize("command", [["show"], ["extract", "-o", "films.jsonl", "--workers", "1"]])
def test_text_that_is_not_utf8_names_the_file(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An article file that is not UTF-8: exit 3, the file, the byte, and the fix."""
    bad = tmp_path / "Heat.wikitext"
    text = b"{{Infobox film\n| name = Heat\n}}"
    bad.write_bytes(text + b"\xff")
    assert main([command[0], str(bad), *[part if part != "films.jsonl" else str(tmp_path / part) for part in command[1:]]]) == 3
    assert f"{bad}: byte {len(text)}: not UTF-8 text (invalid start byte); save the article as UTF-8 text" in capsys.readouterr().err


def test_an_output_suffix_the_writer_does_not_know_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o out.csv is refused (it used to be written as JSON lines), and nothing is written."""
    assert main(["extract", "--sample", "-o", str(tmp_path / "out.csv")]) == 2
    assert "writes JSON lines (.jsonl) or Parquet (.parquet), not .csv" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["show", "--title", "Heat"], ["extract", "-o", "films.jsonl", "--workers", "1"]])
def test_html_saved_as_a_dump_is_called_html(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Wikipedia page saved from the browser as .xml is told apart from an entity attack, with what a dump is."""
    page = tmp_path / "Heat.xml"
    page.write_text("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Heat (1995 film) - Wikipedia</title></head></html>")
    assert main([command[0], str(page), *[part if part != "films.jsonl" else str(tmp_path / part) for part in command[1:]]]) == 3
    err = capsys.readouterr().err
    assert "this is an HTML page (<!DOCTYPE html>), not a MediaWiki XML export" in err and "attack" not in err


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
