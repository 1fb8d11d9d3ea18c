"""The ``wikifilm`` command: extract films from dumps and files, show one record, check round trips.

Exit codes: 0 done (pages that failed are error records, not failures of the run); 1 ``check``
found a file that does not round-trip; 2 usage error or missing input; 3 an input could not be
read to its end (corrupt or truncated; everything before it is written); 130 interrupted
(everything before it is written; rerun with ``--resume``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from wikifilm.batch.sample import sample_dump
from wikifilm.diagnostics import Severity
from wikifilm.errors import DumpError, ReadError

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EPILOG = """examples:
  wikifilm extract --sample -o films.jsonl                 the film sample shipped with wikifilm
  wikifilm extract enwiki-pages-articles.xml.bz2 -o films.parquet --format parquet
  wikifilm extract articles/ -o films.jsonl --errors failed.jsonl --resume
  wikifilm extract --sample -o films.jsonl --tables tables/  tidy tables: films, credits, cast, accolades...
  wikifilm show "Barry_Lyndon.wikitext"
  wikifilm check articles/*.wikitext

exit codes: 0 done, 1 check failed, 2 usage or missing input, 3 input unreadable, 130 interrupted
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wikifilm", description="Wikipedia film articles to clean, typed, auditable film records.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract film records from dumps, article files or folders",
                                  description="Extract a record per film article; non-film pages and redirects are skipped and counted.")
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help="a dump (.xml, .xml.bz2, multistream .bz2), an article file, or a folder")
    extract.add_argument("--sample", action="store_true", help="read the sample dump shipped with wikifilm")
    extract.add_argument("-o", "--output", required=True, help="output file (.jsonl) or Parquet folder")
    extract.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: from the output name, else jsonl)")
    extract.add_argument("--workers", type=int, help="processes to use (default: all cores)")
    extract.add_argument("--tables", metavar="DIR", help="also write tidy tables, one Parquet file each (films, credits, cast, accolades, releases...)")
    extract.add_argument("--errors", help="where error records go (default: OUTPUT-name.errors.jsonl)")
    extract.add_argument("--resume", action="store_true", help="keep what earlier runs wrote and skip those pages")
    extract.add_argument("--limit", type=int, help="stop after this many film pages")
    extract.add_argument("--all-pages", action="store_true", help="extract every page, not only those with a film infobox")
    extract.add_argument("--timeout", type=float, default=60.0, help="seconds one page may take (default: 60)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar (default: on a terminal)")

    show = commands.add_parser("show", help="print one article's record and its diagnostics")
    show.add_argument("file", help="an article file (wikitext or plain-text rendering)")
    show.add_argument("--json", action="store_true", help="print the raw JSON record")
    show.add_argument("--title", help="page title (default: from the file)")

    check = commands.add_parser("check", help="verify the exact round trip and print diagnostics")
    check.add_argument("files", nargs="+", help="article files")
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
        if args.command == "show":
            return _show(args)
        return _check(args)
    except FileNotFoundError as error:
        print(f"wikifilm: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (ReadError, UnicodeDecodeError) as error:
        print(f"wikifilm: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("wikifilm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from wikifilm.batch.run import run_extract

    inputs = list(args.inputs) + ([str(sample_dump())] if args.sample else [])
    if not inputs:
        print("wikifilm extract: needs an INPUT or --sample (see wikifilm extract --help)", file=sys.stderr)
        return EXIT_USAGE
    format: Literal["jsonl", "parquet"] = args.format or ("parquet" if args.output.endswith(".parquet") else "jsonl")
    try:
        summary = run_extract(
            inputs, args.output, format=format, errors=args.errors, workers=args.workers, resume=args.resume,
            limit=args.limit, all_pages=args.all_pages, progress=args.progress, timeout=args.timeout,
        )
    except DumpError as error:
        print(f"wikifilm: {error}; records read before it are written", file=sys.stderr)
        return EXIT_INPUT
    print(f"wikifilm: {summary.line()}", file=sys.stderr)
    print(f"wikifilm: films in {args.output}", file=sys.stderr)
    if args.tables:
        from wikifilm.batch.tables import iter_output_records, write_tables

        written = write_tables(iter_output_records(args.output), args.tables)  # everything the output holds, --resume included
        print(f"wikifilm: tables {', '.join(written)} in {args.tables}", file=sys.stderr)
    return EXIT_INTERRUPTED if summary.interrupted else EXIT_OK


def _colour(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if sys.stdout.isatty() else text


def _show(args: argparse.Namespace) -> int:
    import wikifilm
    from wikifilm.batch.inputs import article_page

    page = article_page(Path(args.file))
    document = wikifilm.read(page.text, name=args.file)
    film = wikifilm.extract(document, title=args.title or document.page_title or page.title)
    record = film.to_dict()
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_colour(f"{record['title']}", "1") + f"  ({record['page_title']})")
    for key, value in record.items():
        if key in ("schema_version", "page_title", "title", "diagnostics", "people", "plot") or value in (None, []):
            continue
        print(f"  {_colour(key, '36')}: {_brief(value)}")
    if record["plot"]:
        print(f"  {_colour('plot', '36')}: {record['plot'][:200]}…")
    print(f"  {_colour('people', '36')}: {len(record['people'])} distinct")
    colours = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "34"}
    for diagnostic in film.diagnostics:
        print(_colour(diagnostic.format(document.source), colours[diagnostic.severity]))
    return EXIT_OK


def _brief(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_brief(item) for item in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        if "amount" in value:
            return f"{value['amount']} {value['currency'] or '?'}" + (" (approx.)" if value.get("approximate") else "")
        if "actor" in value:
            return f"{value['actor']['name']} as {value['role']}"
        if "category" in value:
            return f"{value['year'] or '?'} {value['ceremony']}: {value['category']} ({value['result'] or '?'})"
        return ", ".join(f"{key}={item}" for key, item in value.items() if item is not None)
    return str(value)


def _check(args: argparse.Namespace) -> int:
    import wikifilm
    from wikifilm.document.render import TilingError, check_tiling

    failed = 0
    for name in args.files:
        text = Path(name).read_bytes()
        document = wikifilm.read(text, name=name)
        ok = document.render() == document.source.text
        try:
            check_tiling(document)
        except TilingError:
            ok = False
        failed += not ok
        print(f"{name}: {'round trip exact' if ok else 'ROUND TRIP FAILED'}, {len(document.diagnostics)} diagnostics")
        for diagnostic in document.diagnostics:
            print("  " + diagnostic.format(document.source).replace("\n", "\n  "))
    return EXIT_CHECK_FAILED if failed else EXIT_OK
