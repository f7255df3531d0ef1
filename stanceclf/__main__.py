"""``python -m stanceclf``: the same command line as ``stanceclf``."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
    print("stanceclf: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
