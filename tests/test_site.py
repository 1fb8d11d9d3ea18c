"""The reference site builds with ``mkdocs build --strict``: guides, tutorial and an API reference from the docstrings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import wikifilm

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly (a broken link, a missing page or a docstring mkdocstrings cannot read fails it)."""
    for module in ("mkdocs", "material", "mkdocstrings_handlers.python"):
        pytest.importorskip(module, reason=f"{module} is not installed; pip install 'wikifilm[docs]' builds the site")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
                             "--site-dir", str(out)], capture_output=True, text=True, check=False,
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_every_guide_is_in_the_site(site: Path) -> None:
    """Each Markdown file under docs/ becomes a page (strict mode also refuses pages left out of the nav)."""
    for guide in (ROOT / "docs").rglob("*.md"):
        relative = guide.relative_to(ROOT / "docs").with_suffix("")
        page = site / (relative.parent if relative.name == "index" else relative) / "index.html"
        assert page.exists(), f"{guide} has no page"


def test_the_reference_documents_every_public_name(site: Path) -> None:
    """Each name `import wikifilm` gives has an entry in the API reference, with its docstring's first line."""
    html = "".join(page.read_text(encoding="utf-8") for page in (site / "reference").rglob("index.html"))
    anchors = {anchor.rsplit(".", 1)[-1] for anchor in re.findall(r'id="(wikifilm\.[\w.]+)"', html)}
    undocumented = [name for name in wikifilm.__all__ if name not in anchors and name != "CODES"]  # CODES: a table, see Diagnostics
    assert undocumented == []
    assert "The current wikitext of each title from a wiki" in html  # fetch()'s docstring, rendered


def test_the_tutorial_shows_its_figure(site: Path) -> None:
    """The tutorial page holds the committed figure, copied into the site."""
    page = (site / "tutorial" / "index.html").read_text(encoding="utf-8")
    assert 'src="../img/budgets-by-year.png"' in page
    assert (site / "img" / "budgets-by-year.png").read_bytes() == (ROOT / "docs" / "img" / "budgets-by-year.png").read_bytes()
