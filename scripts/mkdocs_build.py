"""`mkdocs build` with the same arguments, run so that what MkDocs would print as a traceback (a full
disk, a folder it cannot write to, an error in a hook, Ctrl-C while it starts) is one line that names
the problem. Run by scripts/build.py."""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from trafiklex.core.errors import shown

    try:
        from mkdocs.__main__ import cli

        cli.main(args=["build", *sys.argv[1:]], prog_name="mkdocs")  # (exits, with click's own messages)
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(shown(f"MkDocs could not write the site: {error.strerror or error}{where}"), file=sys.stderr)
    except Exception as error:  # a bug: its kind, message and where it happened, not a traceback
        frame = traceback.extract_tb(error.__traceback__)[-1]
        print(shown(f"MkDocs stopped on an internal error: {type(error).__name__}: {error} "
                    f"({frame.filename}:{frame.lineno})"), file=sys.stderr)
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
