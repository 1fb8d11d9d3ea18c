"""The ``wikifilm`` command: extract films from dumps and files, show one record, check round trips.

Exit codes: 0 done, no error records written; 1 ``check`` found a file that does not round-trip;
2 usage error or missing input; 3 done, and error records were written (pages, files or dump
blocks that could not be read or extracted: each is a line of the errors file, and everything
else is written); 130 interrupted by Ctrl-C or SIGTERM (everything before it is written; rerun
with ``--resume``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal

from wikifilm._words import plural
from wikifilm.batch.sample import sample_dump
from wikifilm.diagnostics import Severity
from wikifilm.errors import DumpError, FetchError, ReadError

if TYPE_CHECKING:
    from wikifilm.batch.pages import Page

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_ERRORS = EXIT_INPUT
"""``extract`` finished and wrote error records."""

EPILOG = """examples:
  wikifilm extract --sample -o films.jsonl                 the film sample shipped with wikifilm
  wikifilm extract enwiki-pages-articles.xml.bz2 -o films.parquet --format parquet
  wikifilm extract articles/ -o films.jsonl --errors failed.jsonl --resume
  wikifilm extract --sample -o films.jsonl --tables tables/  tidy tables: films, credits, cast, accolades...
  wikifilm graph --sample -o graph/                        films, people and credits tables (Parquet)
  wikifilm show Barry_Lyndon.wikitext                      one article file, readably
  wikifilm show --sample --title "Barry Lyndon"            one page of a dump (here the shipped sample)
  wikifilm show --title "Barry Lyndon"                     fetched from en.wikipedia.org
  wikifilm check articles/*.wikitext pages-articles.xml.bz2
  wikifilm lint articles/ -o report.csv                     diagnostics counted per code and per field
  wikifilm fix articles/ --rule WF204 --dry-run             the diffs of the safe fixes, nothing written

exit codes: 0 done, no error records; 1 check failed; 2 usage or missing input;
  3 done, with error records (pages or inputs that could not be read or extracted, in the errors file);
  130 interrupted by Ctrl-C or SIGTERM (rerun with --resume)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wikifilm", description="Wikipedia film articles to clean, typed, auditable film records.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"wikifilm {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract film records from dumps, article files or folders",
                                  description="Extract a record per film article; non-film pages and redirects are skipped and counted.")
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help="a dump (.xml, .xml.bz2, multistream .bz2), an article file, or a folder")
    extract.add_argument("--sample", action="store_true", help="read the sample dump shipped with wikifilm")
    extract.add_argument("-o", "--output", required=True, help="output file: .jsonl, or .parquet (a file or a folder)")
    extract.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: from the output name, else jsonl)")
    extract.add_argument("--workers", type=int, help="processes to use (default: all cores)")
    extract.add_argument("--tables", metavar="DIR", help="also write tidy tables, one Parquet file each (films, credits, cast, accolades, releases...)")
    extract.add_argument("--errors", help="where error records go (default: OUTPUT-name.errors.jsonl)")
    extract.add_argument("--resume", action="store_true", help="keep what earlier runs wrote and skip those pages")
    extract.add_argument("--limit", type=int, help="stop after this many film pages")
    extract.add_argument("--all-pages", action="store_true", help="extract every page, not only those with a film infobox")
    extract.add_argument("--timeout", type=float, default=60.0, help="seconds one page may take (default: 60)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar (default: on a terminal)")

    graph = commands.add_parser("graph", help="build the film-person graph of dumps: films, people and credits tables",
                                description="Films, people and credits as Parquet tables (person keys across articles, "
                                            "Wikidata properties and enwiki sitelinks); see docs/graph.md.")
    graph.add_argument("inputs", nargs="*", metavar="INPUT", help="a dump (.xml, .xml.bz2), an article file, or a folder")
    graph.add_argument("--sample", action="store_true", help="read the sample dump shipped with wikifilm")
    graph.add_argument("-o", "--output", required=True, help="output folder")
    graph.add_argument("--format", choices=("parquet", "wikidata"), default="parquet",
                       help="parquet: films/people/credits tables; wikidata: statements.jsonl keyed by sitelink")
    graph.add_argument("--workers", type=int, help="processes to use (default: all cores)")
    graph.add_argument("--limit", type=int, help="stop after this many film pages")
    graph.add_argument("--memory-limit", default="1GB", help="memory DuckDB may use before spilling to disk (default: 1GB)")

    show = commands.add_parser("show", help="print one article's record and its diagnostics",
                               description="Print one record readably: from an article file, from a page of a dump "
                                           "(--title), or fetched by title from a wiki's API (--title alone).")
    show.add_argument("file", nargs="?", metavar="FILE", help="an article file (wikitext or plain-text rendering) or a dump")
    show.add_argument("--sample", action="store_true", help="read the sample dump shipped with wikifilm (with --title)")
    show.add_argument("--title", help="the page: in a dump, the page to show; alone, the article to fetch; "
                                      "with an article file, its page title (default: from the file)")
    show.add_argument("--json", action="store_true", help="print the JSON record")
    show.add_argument("--site", default="en.wikipedia.org", help="wiki to fetch from with --title alone (default: en.wikipedia.org)")
    show.add_argument("--api-url", help="the wiki's api.php address, if not https://SITE/w/api.php")

    check = commands.add_parser("check", help="verify the exact round trip and count diagnostics, per file or dump page",
                                description="Read each article file, or each page of each dump, check that it renders "
                                            "back exactly, and print its diagnostics as show does.")
    check.add_argument("files", nargs="*", metavar="FILE", help="article files and dumps")
    check.add_argument("--sample", action="store_true", help="check the sample dump shipped with wikifilm")

    lint = commands.add_parser("lint", help="diagnostics of many articles, counted per code and per field",
                               description="Read every article (files, folders, dumps) and report its diagnostics.")
    lint.add_argument("inputs", nargs="*", metavar="INPUT", help="a dump, an article file, or a folder")
    lint.add_argument("--sample", action="store_true", help="lint the sample dump shipped with wikifilm")
    lint.add_argument("-o", "--output", help="write every finding to this .jsonl or .csv file")
    lint.add_argument("--all-pages", action="store_true", help="lint every page of a dump, not only film articles")

    fix = commands.add_parser("fix", help="make the mechanical, safe fixes of one diagnostic code",
                              description="Fix one diagnostic code where the fix is mechanical and safe (see docs/editing.md). "
                                          "Inputs are never overwritten, and nothing is ever sent anywhere.")
    fix.add_argument("inputs", nargs="+", metavar="INPUT", help="a dump, an article file, or a folder")
    fix.add_argument("--rule", required=True, metavar="CODE", help="the diagnostic code to fix (WF202, WF204)")
    mode = fix.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="print the diffs, write nothing")
    mode.add_argument("--write", action="store_true", help="write each fixed article as a new file next to its input")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (tests call this directly)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "graph":
            return _graph(args)
        if args.command == "show":
            return _show(args)
        if args.command == "lint":
            return _lint(args)
        if args.command == "fix":
            return _fix(args)
        return _check(args)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as error:
        print(f"wikifilm {args.command}: {_os_error(error)}; check the path", file=sys.stderr)
        return EXIT_USAGE
    except (DumpError, FetchError) as error:
        print(f"wikifilm {args.command}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except ReadError as error:
        print(f"wikifilm {args.command}: {error}; save the article as UTF-8 text", file=sys.stderr)
        return EXIT_INPUT
    except (IsADirectoryError, PermissionError) as error:
        print(f"wikifilm {args.command}: {_os_error(error)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("wikifilm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wikifilm")
    except PackageNotFoundError:  # a source tree on PYTHONPATH, not installed
        from wikifilm import __version__

        return __version__


def _os_error(error: OSError) -> str:
    """``no such file: x`` rather than Python's ``[Errno 2] No such file or directory: 'x'``."""
    if error.filename is None:
        return str(error)
    what = {FileNotFoundError: "no such file", IsADirectoryError: "a folder, not a file",
            PermissionError: "permission denied"}.get(type(error), error.strerror or "cannot open")
    return f"{what}: {error.filename}"


OUTPUT_FORMATS: dict[str, Literal["jsonl", "parquet"]] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
"""Output suffixes and the format each is written in."""


def _output_format(output: str, given: Literal["jsonl", "parquet"] | None) -> Literal["jsonl", "parquet"]:
    """The format an output is written in: the one given, else its suffix's; an unknown suffix is refused."""
    suffix = Path(output).suffix.lower()
    if given is not None or not suffix:
        return given or "jsonl"
    if suffix not in OUTPUT_FORMATS:
        raise _UsageError(f"wikifilm extract: cannot write {output}: wikifilm writes JSON lines (.jsonl) or Parquet "
                          f"(.parquet), not {suffix}; rename the output, or pass --format to write one of them anyway")
    return OUTPUT_FORMATS[suffix]


def _extract(args: argparse.Namespace) -> int:
    from wikifilm.batch.run import run_extract

    inputs = list(args.inputs) + ([str(sample_dump())] if args.sample else [])
    if not inputs:
        print("wikifilm extract: needs an INPUT or --sample (see wikifilm extract --help)", file=sys.stderr)
        return EXIT_USAGE
    format = _output_format(args.output, args.format)
    in_main_thread = threading.current_thread() is threading.main_thread()
    stop = threading.Event()

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():  # a second SIGTERM: stop now
            raise KeyboardInterrupt
        stop.set()  # the run stops after the record it is writing, every file whole

    # the command owns its process: SIGTERM stops the run cleanly, as Ctrl-C does
    previous = signal.signal(signal.SIGTERM, on_term) if in_main_thread else None
    try:
        summary = run_extract(
            inputs, args.output, format=format, errors=args.errors, workers=args.workers, resume=args.resume,
            limit=args.limit, all_pages=args.all_pages, progress=args.progress, timeout=args.timeout, stop=stop,
        )
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    print(f"wikifilm: {summary.line()}", file=sys.stderr)
    print(f"wikifilm: films in {args.output}", file=sys.stderr)
    if args.tables:
        from wikifilm.batch.tables import iter_output_records, write_tables

        written = write_tables(iter_output_records(args.output), args.tables)  # everything the output holds, --resume included
        print(f"wikifilm: tables {', '.join(written)} in {args.tables}", file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if summary.errors:
        for error in summary.first_errors:
            hint = "; save the article as UTF-8 text" if error.error_type == "UnicodeDecodeError" else ""
            print(f"wikifilm extract: {error.source}: {error.message}{hint}", file=sys.stderr)
        more = f" (the first {len(summary.first_errors)} above)" if summary.errors > len(summary.first_errors) else ""
        print(f"wikifilm: {summary.errors} error records{more} in {args.errors or 'the .errors.jsonl file beside the output'}", file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK



def _graph(args: argparse.Namespace) -> int:
    from wikifilm.graph import graph

    inputs = list(args.inputs) + ([str(sample_dump())] if args.sample else [])
    if not inputs:
        print("wikifilm graph: needs an INPUT or --sample (see wikifilm graph --help)", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = graph(inputs, args.output, format=args.format, workers=args.workers, limit=args.limit, memory_limit=args.memory_limit)
    except DumpError as error:
        print(f"wikifilm: {error}", file=sys.stderr)
        return EXIT_INPUT
    print(f"wikifilm: {summary.line()}", file=sys.stderr)
    print(f"wikifilm: graph in {args.output}", file=sys.stderr)
    return EXIT_OK


def _colour(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if sys.stdout.isatty() else text


class _UsageError(Exception):
    """A command given something it cannot use; the message says what to do instead (exit 2)."""


def _existing(name: str, command: str) -> Path:
    path = Path(name)
    if not path.exists():
        raise _UsageError(f"wikifilm {command}: no such file: {name}; check the path (an article file such as "
                          "Heat.wikitext, a dump such as pages-articles.xml.bz2, or for show, --title alone to fetch from Wikipedia)")
    if path.is_dir() and command == "show":
        raise _UsageError(f"wikifilm show: {name} is a folder; give one of the files in it (check and extract read folders)")
    return path


def _show(args: argparse.Namespace) -> int:
    import wikifilm
    from wikifilm.batch.inputs import article_page, is_dump

    if args.sample:
        if args.file is not None:
            raise _UsageError("wikifilm show: give a FILE or --sample, not both")
        args.file = str(sample_dump())
    note = ""
    if args.file is None:
        if not args.title:
            raise _UsageError("wikifilm show: needs a FILE, a dump with --title, or --title alone to fetch the article "
                              "from Wikipedia (see wikifilm show --help)")
        page, name, note = _fetched_page(args.title, site=args.site, api_url=args.api_url)
        title = page.title
    else:
        path = _existing(args.file, "show")
        if is_dump(path):
            page, note = _page_in_dump(path, args.title)
            name, title = f"{args.file}[{page.title}]", page.title
        else:
            page = article_page(path)
            name, title = args.file, args.title
    document = wikifilm.read(page.text, name=name)
    film = wikifilm.extract(document, title=title or document.page_title or page.title,
                            page_id=page.page_id, revision_id=page.revision_id)
    record = film.to_dict()
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_record(record, note)
    colours = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "34"}
    print(f"{plural(len(film.diagnostics), 'diagnostic')}" + (":" if film.diagnostics else ""))
    for diagnostic in film.diagnostics:
        print(_colour(diagnostic.format(document.source), colours[diagnostic.severity]))
    return EXIT_OK


def _fetched_page(title: str, *, site: str, api_url: str | None) -> tuple[Page, str, str]:
    """The article titled ``title`` from the wiki's API, the name its diagnostics go by, and how the title was resolved."""
    from urllib.parse import urlsplit

    import wikifilm

    pages = wikifilm.fetch([title], site=site, api_url=api_url)
    found = next(pages, None)
    where = urlsplit(api_url).netloc if api_url else site
    if found is None:
        reason = pages.invalid.get(title) or next(iter(pages.invalid.values()), None)
        if reason:
            raise _UsageError(f"wikifilm show: {title!r} is not a page title on {where}: {reason}")
        raise _UsageError(f"wikifilm show: {where} has no article titled {pages.resolve(title)!r}; check the spelling "
                          "(after the first letter, titles are case-sensitive)")
    resolved = pages.normalized.get(title, title)
    note = f"redirected from {resolved!r}" if resolved in pages.redirects else ""
    return found, f"{where}[{found.title}]", note


def _page_in_dump(path: Path, title: str | None) -> tuple[Page, str]:
    """The page titled ``title`` in a dump, its redirect followed once; a clear error when there is none."""
    import difflib

    from wikifilm.batch.dumps import iter_pages

    if not title:
        first = next(iter_pages(path), None)
        example = f", e.g. --title {first.title!r}" if first else ""
        raise _UsageError(f"wikifilm show: {path} is a dump; name the page to show with --title{example} "
                          f"(wikifilm check {path} goes through every page)")
    wanted = _wiki_title(title)
    titles: list[str] = []
    for _ in range(2):  # the page, then the target of its redirect
        for page in iter_pages(path, skip_redirects=False):
            if page.title == wanted:
                if page.redirect is None:
                    return page, "" if wanted == _wiki_title(title) else f"redirected from {_wiki_title(title)!r}"
                wanted = _wiki_title(page.redirect)
                break
            titles.append(page.title)
        else:
            break
    close = difflib.get_close_matches(wanted, titles, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(name) for name in close)}?" if close else "; titles are as in the dump's <title>"
    raise _UsageError(f"wikifilm show: no page titled {wanted!r} in {path} ({plural(len(set(titles)), 'page')}){hint}")


def _wiki_title(title: str) -> str:
    """A title as MediaWiki stores it: underscores as spaces, trimmed, first letter upper case."""
    title = title.replace("_", " ").strip()
    return title[:1].upper() + title[1:]


_LIST_PER_LINE = ("release_dates", "cast", "accolades", "soundtrack", "based_on")
"""Fields whose items are shown one per line: they carry more than a name each."""


def _print_record(record: dict[str, Any], note: str) -> None:
    """The record as a person reads it: one field a line, lists of names joined, unknowns said so."""
    heading = _colour(str(record["title"]), "1")
    extras = [f"page {record['page_title']!r}" if record["page_title"] != record["title"] else "", note,
              f"page id {record['page_id']}" if record["page_id"] is not None else "",
              f"revision {record['revision_id']}" if record["revision_id"] is not None else ""]
    print(heading + (f"  ({', '.join(extra for extra in extras if extra)})" if any(extras) else ""))
    skip = {"schema_version", "page_title", "title", "page_id", "revision_id", "diagnostics", "people", "plot"}
    for key, value in record.items():
        if key in skip or value in (None, []):
            continue
        if key == "runtime_minutes":
            key, value = "runtime", f"{value} minutes"
        label = _colour(key.replace("_", " "), "36")
        if key in _LIST_PER_LINE and isinstance(value, list):
            print(f"  {label}:")
            for item in value:
                print(f"    - {_readable(item)}")
        else:
            print(f"  {label}: {_readable(value)}")
    if record["plot"]:
        plot = record["plot"]
        print(f"  {_colour('plot', '36')}: {plot if len(plot) <= 200 else plot[:200].rstrip() + '…'}")
    print(f"  {_colour('people', '36')}: {len(record['people'])} distinct")


def _readable(value: object) -> str:
    """One value of the record in words: names, dates, money with its currency, awards; never a Python repr."""
    if isinstance(value, list):
        return "; ".join(_readable(item) for item in value)
    if not isinstance(value, dict):
        return str(value)
    if "actor" in value:
        version = f" ({value['version']})" if value.get("version") else ""  # which cast: "English dub", ...
        return _readable(value["actor"]) + (f" as {value['role']}" if value.get("role") else "") + version
    if "amount" in value:
        return _money(value)
    if "category" in value:
        ceremony = f"{value['ceremony']} {value['year']}" if value["year"] is not None else f"{value['ceremony']} (year unknown)"
        nominees = f" ({_readable(value['nominees'])})" if value.get("nominees") else ""
        return f"{ceremony}: {value['category']}{nominees} — {value['result'] or 'result unknown'}"
    if "work" in value and "authors" in value:
        return str(value["work"]) + (f", by {_readable(value['authors'])}" if value["authors"] else "")
    if "work" in value:
        return str(value["work"]) + (f" ({value['composer']})" if value.get("composer") else "")
    if "date" in value:
        details = ", ".join(str(part) for part in (value.get("place"), value.get("note")) if part)
        return f"{value['date'] or 'date unknown'}" + (f" ({details})" if details else "")
    if "text" in value:  # native title
        details = ", ".join(str(part) for part in (value.get("lang"), value.get("romanized")) if part)
        return str(value["text"]) + (f" ({details})" if details else "")
    if "name" in value:
        return str(value["name"])
    return ", ".join(f"{key.replace('_', ' ')} {_readable(item)}" for key, item in value.items() if item is not None)


def _money(money: dict[str, Any]) -> str:
    def number(amount: float | int) -> str:
        return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,}"

    if money["low"] is not None and money["high"] is not None:
        amount = f"{number(money['low'])}–{number(money['high'])}"
    elif money["amount"] is not None:
        amount = number(money["amount"])
    else:
        amount = "amount unknown"
    currency = money["currency"] or "(currency unknown)"
    return ("about " if money["approximate"] else "") + f"{amount} {currency}"


def _check(args: argparse.Namespace) -> int:
    from wikifilm.batch.dumps import iter_pages
    from wikifilm.batch.inputs import article_page, expand_inputs, is_dump

    names = list(args.files) + ([str(sample_dump())] if args.sample else [])
    if not names:
        raise _UsageError("wikifilm check: needs a FILE or --sample (see wikifilm check --help)")
    failed = checked = diagnostics = 0
    for path in expand_inputs([_existing(name, "check") for name in names]):
        if is_dump(path):
            for page in iter_pages(path):
                ok, count = _check_page(page, f"{path}[{page.title}]", None)
                failed, checked, diagnostics = failed + (not ok), checked + 1, diagnostics + count
        else:
            ok, count = _check_page(article_page(path), str(path), path)
            failed, checked, diagnostics = failed + (not ok), checked + 1, diagnostics + count
    print(f"{plural(checked, 'page')} checked: {checked - failed} exact, {failed} failed; {plural(diagnostics, 'diagnostic')}")
    return EXIT_CHECK_FAILED if failed else EXIT_OK


def _check_page(page: Page, name: str, path: Path | None) -> tuple[bool, int]:
    """Print whether one page reads back exactly, and its diagnostics as ``show`` counts them (the record's)."""
    import wikifilm
    from wikifilm.document.render import TilingError, check_tiling

    document = wikifilm.read(page.text, name=name)
    ok = document.render() == document.source.text
    try:
        check_tiling(document)
    except TilingError:
        ok = False
    title = page.title if path is None else None  # an article file's title comes from its text, as in show
    film = wikifilm.extract(document, title=title or document.page_title or page.title, page_id=page.page_id)
    print(f"{name}: {'round trip exact' if ok else 'ROUND TRIP FAILED'}, {plural(len(film.diagnostics), 'diagnostic')}")
    for diagnostic in film.diagnostics:
        print("  " + diagnostic.format(document.source).replace("\n", "\n  "))
    return ok, len(film.diagnostics)


def _articles(inputs: list[str], command: str, *, all_pages: bool = False) -> Iterator[tuple[Path, str | None, str]]:
    """``(file, page title, text)`` of every article in files, folders and dumps (a dump's film pages only, unless ``all_pages``)."""
    from wikifilm.batch.dumps import iter_pages
    from wikifilm.batch.filter import is_film_article
    from wikifilm.batch.inputs import article_page, expand_inputs, is_dump

    for path in expand_inputs([_existing(name, command) for name in inputs]):
        if is_dump(path):
            for page in iter_pages(path):
                if all_pages or is_film_article(page.text):
                    yield path, page.title, page.text
        else:
            page = article_page(path)
            yield path, None, page.text


def _lint(args: argparse.Namespace) -> int:
    from wikifilm.editing.lint import lint

    output = Path(args.output) if args.output else None
    if output is not None and output.suffix not in (".jsonl", ".csv"):
        print(f"wikifilm lint: cannot write {output}: the report is written as .jsonl or .csv", file=sys.stderr)
        return EXIT_USAGE
    names = list(args.inputs) + ([str(sample_dump())] if args.sample else [])
    if not names:
        raise _UsageError("wikifilm lint: needs an INPUT or --sample (see wikifilm lint --help)")
    report = lint((str(path), title, text) for path, title, text in _articles(names, "lint", all_pages=args.all_pages))
    print(report.summary())
    if output is not None:
        output.write_text(report.to_csv() if output.suffix == ".csv" else report.to_jsonl(), encoding="utf-8")
        print(f"wikifilm: {len(report.findings)} findings in {output}", file=sys.stderr)
    return EXIT_OK


def _fix(args: argparse.Namespace) -> int:
    from wikifilm.editing import EditError, edit
    from wikifilm.editing.fixes import RULES, fix

    if args.rule not in RULES:
        print(f"wikifilm fix: no safe fix for {args.rule}; fixable codes: {', '.join(sorted(RULES))} "
              "(docs/editing.md says why the others are not)", file=sys.stderr)
        return EXIT_USAGE
    fixed = 0
    for path, title, text in _articles(args.inputs, "fix"):
        label = f"{path}" + (f" [{title}]" if title else "")
        try:
            editor, left = fix(edit(text, name=label), args.rule)
        except EditError as error:
            print(f"wikifilm fix: {label}: {error}", file=sys.stderr)
            continue
        for reason in left:
            print(f"wikifilm fix: {label}: left {reason}", file=sys.stderr)
        if not editor.changed:
            continue
        fixed += 1
        if args.dry_run:
            sys.stdout.write(editor.diff())
        else:
            target = _fixed_path(path, title)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(editor.text, encoding="utf-8")
            print(f"wikifilm fix: {label}: written to {target}", file=sys.stderr)
    print(f"wikifilm fix: {args.rule} fixed in {plural(fixed, 'article')}" + (" (dry run: nothing written)" if args.dry_run else ""), file=sys.stderr)
    return EXIT_OK


def _fixed_path(path: Path, title: str | None) -> Path:
    """Where a fixed article goes: ``NAME.fixed.SUFFIX`` beside a file; for a dump's page,
    ``DUMP.fixed/Title.wikitext`` beside the dump."""
    if title is None:
        return path.with_name(f"{path.stem}.fixed{path.suffix}")
    name = title.replace("/", "%2F").replace(" ", "_")
    return path.with_name(path.name + ".fixed") / f"{name}.wikitext"
