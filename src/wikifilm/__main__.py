"""``python -m wikifilm``: the same command line as ``wikifilm``."""

from wikifilm.cli import main

raise SystemExit(main())
