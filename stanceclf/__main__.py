"""``python -m stanceclf`` and the ``stanceclf`` command: the command line of :mod:`stanceclf.cli`."""

import sys


def run() -> int:
    """Run the command line; a Ctrl-C while its libraries load is one line and exit 130, no traceback."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        print("stanceclf: interrupted", file=sys.stderr)
        return 130
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
