"""``python -m stanceclf``: the same command line as ``stanceclf``."""

from .cli import main

raise SystemExit(main())
