"""docs/editing.md runs as written: each Python block executes, and the output block after it
(```diff or ```text) is exactly what it printed; the console block is the CLI's output."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from wikifilm.cli import main

ROOT = Path(__file__).parent.parent.parent
DOC = ROOT / "docs" / "editing.md"
_BLOCK = re.compile(r"```(?P<lang>\w+)\n(?P<body>.*?)```", re.DOTALL)


def test_python_blocks_print_the_output_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = [(match["lang"], match["body"]) for match in _BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    namespace: dict[str, object] = {}
    checked = 0
    for index, (lang, body) in enumerate(blocks):
        if lang != "python":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(body, f"docs/editing.md block {index}", "exec"), namespace)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and following[0] in ("diff", "text"):
            assert printed.getvalue() == following[1], f"block {index} printed something else"
            checked += 1
    assert checked == 5


def test_console_block_is_the_lint_output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    console = next(match["body"] for match in _BLOCK.finditer(DOC.read_text(encoding="utf-8")) if match["lang"] == "console")
    command, *expected = console.splitlines()
    argv = command.removeprefix("$ wikifilm ").split()
    argv[argv.index("-o") + 1] = str(tmp_path / "report.csv")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(argv) == 0
    assert printed.getvalue().splitlines() == expected
