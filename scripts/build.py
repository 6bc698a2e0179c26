"""Build the site (both languages) into site/ — all or nothing.

MkDocs builds into a fresh temporary folder; only a build that succeeds replaces site/, so a failed
build never leaves a half-built site. Exits non-zero with MkDocs' message (no traceback) on failure.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trafiklex.offline import write_zip  # noqa: E402
from trafiklex.errors import DataError  # noqa: E402
from trafiklex.pdf.edition import DEFAULT_EPOCH, Edition  # noqa: E402

PDF_DIR = "TRAFIKLEX_PDF_DIR"  # where hooks/site.py writes the printed editions


def edition_date() -> str:
    """The date of this edition: the date of the commit being built (the same for every build of it)."""
    result = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "—"


def build(output: Path, config: Path = ROOT / "mkdocs.yml", quiet: bool = False) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # a fixed time for everything the build stamps (MkDocs' sitemap, the PDFs, the ZIP), so that two
    # builds of the same commit are identical
    env.setdefault("SOURCE_DATE_EPOCH", str(DEFAULT_EPOCH))
    env.setdefault("EDITION_DATE", edition_date())
    try:
        edition = Edition.from_environment(env)
    except DataError as error:
        print(f"{error}\nbuild failed: {output} was left as it was", file=sys.stderr)
        return 1
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=output.parent) as scratch:
        staging, printed = Path(scratch) / "site", Path(scratch) / "printed"
        # (not mkdocs --quiet: it hides warnings, and --strict only fails on warnings it sees)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
                   "--site-dir", str(staging)]
        # the hooks make the PDFs (handbooks, bilingual edition, forms, institution sheets) from the
        # same edition model as the pages, while MkDocs writes the pages, into the printed folder
        env[PDF_DIR] = str(printed)
        site = subprocess.run(command, cwd=config.parent, env=env, text=True,
                              stdout=subprocess.PIPE if quiet else None, stderr=subprocess.PIPE if quiet else None)
        if site.returncode != 0:  # MkDocs' message names the bad data or page
            if quiet:
                sys.stderr.write(site.stdout + site.stderr)
            print(f"build failed: {output} was left as it was", file=sys.stderr)
            return site.returncode
        (printed / "pdf").rename(staging / "pdf")
        # last: the offline copy packs everything built above
        write_zip(staging, edition.epoch)
        previous = Path(scratch) / "previous"
        if output.exists():
            output.rename(previous)
        staging.rename(output)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml",
                        help="the MkDocs configuration of the project to build (default: this project's)")
    parser.add_argument("--quiet", action="store_true", help="print MkDocs' output only if the build fails")
    args = parser.parse_args()
    return build(args.output, config=args.config_file.resolve(), quiet=args.quiet)


if __name__ == "__main__":
    sys.exit(main())
