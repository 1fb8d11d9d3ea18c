"""The README and the package docstring say what the code does: their examples run."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import wikifilm

README = Path(__file__).parent.parent / "README.md"


def test_readme_opens_with_the_two_setup_commands() -> None:
    """First block: install + run on the shipped sample, then install + run the suite (as .ci/run)."""
    first = re.search(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert first is not None
    commands = first.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "wikifilm extract --sample" in commands[0]
    assert commands[1].endswith("python -m pytest")
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]' && .venv/bin/python -m pytest" in ci


def test_readme_python_example_runs() -> None:
    """The Python block of the README runs as written."""
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    exec(compile(block.group(1), "README.md", "exec"), {})


def test_package_docstring_example_runs() -> None:
    """The example opening wikifilm's docstring."""
    result = doctest.testmod(wikifilm)
    assert result.attempted >= 4 and result.failed == 0


def test_public_api_names() -> None:
    """The names the issues and docs promise are importable from the package."""
    import wikifilm.spark

    for name in ("read", "extract", "iter_pages", "extract_pages", "Film", "Document", "Diagnostic", "ErrorRecord", "Page", "sample_dump", "Provenance"):
        assert name in wikifilm.__all__ and hasattr(wikifilm, name)
    assert callable(wikifilm.spark.extract_films)


@pytest.mark.parametrize("name", ["film-record.md", "tables.md"])
def test_docs_python_examples_run(name: str) -> None:
    """Every Python block of these guides runs as written, in order, sharing one namespace."""
    text = (README.parent / "docs" / name).read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, name, "exec"), namespace)


def test_the_tutorial_runs_and_draws_its_figure(tmp_path: Path) -> None:
    """docs/tutorial.md's code runs in order (its asserts hold) and saves the plot the docs show, as a PNG."""
    import importlib.util

    pytest.importorskip("matplotlib", reason="matplotlib is not installed; pip install 'wikifilm[docs]'")
    spec = importlib.util.spec_from_file_location("tutorial_figure", README.parent / "scripts" / "tutorial_figure.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.run(tmp_path / "figure.png")
    assert (tmp_path / "figure.png").read_bytes().startswith(b"\x89PNG")
    assert (README.parent / "docs" / "img" / "budgets-by-year.png").read_bytes().startswith(b"\x89PNG")


def _blocks(page: Path, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)


def test_graph_page_answers_the_oracle_of_bacon_question(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/graph.md: its Python block builds the corpus graph, its SQL block finds the chain the page prints
    (checked by reading Cars 2, Health and Till the Clouds Roll By)."""
    duckdb = pytest.importorskip("duckdb")
    page = README.parent / "docs" / "graph.md"
    (tmp_path / "tests").symlink_to(README.parent / "tests")
    monkeypatch.chdir(tmp_path)
    (python,) = _blocks(page, "python")
    exec(compile(python, "docs/graph.md", "exec"), {})
    (query,) = _blocks(page, "sql")
    people, films = duckdb.connect().execute(query).fetchone()
    assert people == ["Bruce Campbell", "Paul Dooley", "Dinah Shore", "Frank Sinatra"]
    assert films == ["Cars 2", "Health (film)", "Till the Clouds Roll By"]
    (shown,) = _blocks(page, "text")
    assert shown == f"people: [{', '.join(people)}]\nfilms:  [{', '.join(films)}]\n"


def test_graph_picture_script_draws_the_pages_chain(tmp_path: Path) -> None:
    """scripts/draw_graph_neighbourhood.py draws a PNG from a graph folder with the page's query."""
    pytest.importorskip("matplotlib")
    pytest.importorskip("duckdb")
    import importlib.util

    spec = importlib.util.spec_from_file_location("draw", README.parent / "scripts" / "draw_graph_neighbourhood.py")
    assert spec is not None and spec.loader is not None
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    wikifilm.graph([README.parent / "tests" / "fixtures" / "articles"], tmp_path / "graph", workers=1)
    assert draw.shortest_chain(tmp_path / "graph")[1] == ["Cars 2", "Health (film)", "Till the Clouds Roll By"]
    draw.draw(tmp_path / "graph", tmp_path / "out.png")
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
