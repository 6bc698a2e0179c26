"""Build the site (both languages) into site/ — all or nothing.

Before anything is built: the environment variables, the output folder (never the project, a folder
holding it, one of its own folders, or a folder that is not a site) and the inputs (no links) are
checked. MkDocs builds into a fresh temporary folder next to the output while scripts/build_pdf.py makes
the PDFs from the same inputs in a process of its own; every page MkDocs built is checked against the
site's policy (trafiklex.website.sitepolicy: each page as soon as MkDocs has written it, the rest once
MkDocs is done) while the PDFs are still being made; only then, and if no
input changed meanwhile, is the offline copy made and the new site swapped in, in one step (no moment
without a site).
A failed, interrupted or killed build leaves the output as it was. What is costly is kept in the build
cache (trafiklex.core.cache): when nothing the build reads has changed, an output that already is that
site is left as it is, or the site is restored from the cache (trafiklex.website.site_cache). Exits
non-zero with a message (no traceback) on failure.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trafiklex.data import environment, inputs
from trafiklex.website import publish, site_cache, sitepolicy  # noqa: E402
from trafiklex.core.errors import DataError, Problem, shown  # noqa: E402
from trafiklex.core import cache, xmlcheck  # noqa: E402
from trafiklex.website.offline import write_zip  # noqa: E402
from trafiklex.pdf.edition import Edition  # noqa: E402

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
STOP_SECONDS = 5  # for a process the build's processes started to stop, once asked to
_published = False  # once the new site is in place, an interrupt only stops the tidying up


class Interrupted(Exception):
    """Ctrl-C or a request to stop (SIGTERM)."""


def edition_date() -> str:
    """The date of this edition: the date of the commit being built (the same for every build of it)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    except OSError:  # (no git)
        return "—"
    return result.stdout.strip() or "—"


def build(output: Path, config: Path = ROOT / "mkdocs.yml", quiet: bool = False) -> int:
    started = time.time()  # (what the cache holds that this build used is not trimmed: site_cache.keep)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", cache.BY_BUILD: "1"}
    # a fixed time for everything the build stamps (MkDocs' sitemap, the PDFs, the ZIP), so that two
    # builds of the same commit are identical
    env.setdefault("SOURCE_DATE_EPOCH", str(environment.DEFAULT_EPOCH))
    env.setdefault("EDITION_DATE", edition_date())
    try:
        environment.check(env)
        edition = Edition.from_environment(env)
        key = publish.build_key(ROOT)  # (the markers of the sites this copy of the project builds)
        publish.check_output(output, [config.parent, ROOT], key)
        inputs.check_tree(config.parent)
        seen, site_key = site_cache.stamps(config.parent), site_cache.checked_key(config.parent, output, env)
        if site_cache.up_to_date(site_key, output):  # (the site of these very inputs, untouched)
            if not quiet:
                print(f"nothing changed since {shown(output)} was built: it was left as it is")
            return 0
    except DataError as error:
        print(f"{error.report()}\nbuild failed: {shown(output)} was left as it was", file=sys.stderr)
        return 1
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    publish.clean_stale_scratch(output.parent)  # (what builds killed mid-way left)
    with tempfile.TemporaryDirectory(prefix=publish.SCRATCH_PREFIX, dir=output.parent) as scratch:
        publish.claim_scratch(Path(scratch))
        staging, printed = Path(scratch) / "site", Path(scratch) / "printed"
        # nothing the build reads has changed since this site was built: it is taken from the cache
        if site_cache.restore(site_key, staging):
            publish.write_marker(staging, key)  # (signed by this copy of the project, whoever cached it)
            return _swap_in(staging, output, Path(scratch))
        # (not mkdocs --quiet: it hides warnings, and --strict only fails on warnings it sees)
        command = [sys.executable, str(ROOT / "scripts" / "mkdocs_build.py"), "--strict", "--config-file", str(config),
                   "--site-dir", str(staging)]
        # the PDFs (handbooks, bilingual edition, forms, institution sheets) are made from the same inputs
        # by their own process, on the other core, while MkDocs writes the pages
        printing_log, site, printing = Path(scratch) / "printing.log", None, None
        base = environment.site_path(env)  # (where the site is published: the pages' addresses start there)
        try:
            with printing_log.open("w", encoding="utf-8") as log:
                printing = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--site-dir",
                                             str(printed), "--root", str(config.parent)],
                                            cwd=config.parent, env=env, text=True, stdout=log, stderr=subprocess.STDOUT)
            site = subprocess.Popen(command, cwd=config.parent, env=env, text=True,
                                    stdout=subprocess.PIPE if quiet else None, stderr=subprocess.PIPE if quiet else None)
            with _checking_ahead(staging, config.parent, base):
                stdout, stderr = site.communicate()
            if site.returncode != 0:  # MkDocs' message names the bad data or page
                if quiet:
                    sys.stderr.write(stdout + stderr)
                print(f"build failed: {shown(output)} was left as it was", file=sys.stderr)
                return site.returncode
            # every page built, while the PDFs are still being made
            problems = sitepolicy.check_site(staging, config.parent, base)
            printed_well = printing.wait() == 0
        finally:
            _stop_all(site, printing)  # (interrupted, or the pages failed: neither goes on)
        changed = _changed_while_built(config.parent, env, site_key, seen)
        if not printed_well and not changed:  # (its message names the PDF and the problem)
            sys.stderr.write(printing_log.read_text(encoding="utf-8", errors="replace"))
            print((f"{DataError(problems).report()}\n" if problems else "") +
                  f"build failed: {shown(output)} was left as it was", file=sys.stderr)
            return 1
        problems += changed
        if printed_well:
            (printed / "pdf").rename(staging / "pdf")
            problems += sitepolicy.check_files(staging, config.parent, "pdf")
            problems += xmlcheck.site_problems(staging)  # (every XML file read back: TBX, TMX, AKN, feeds, sitemap, SVG)
        if problems:
            print(f"{DataError(problems).report()}\nbuild failed: {shown(output)} was left as it was", file=sys.stderr)
            return 1
        # last: the offline copy packs everything built above
        write_zip(staging, edition.epoch)
        publish.write_marker(staging, key)  # (what this build made: only such a folder may be replaced)
        site_cache.keep(site_key, staging, started)
        return _swap_in(staging, output, Path(scratch))


@contextmanager
def _checking_ahead(staging: Path, project: Path, base: str):
    """The pages MkDocs has written checked against the site's policy while it writes the others
    (sitepolicy.check_ahead, on a core the PDFs leave free once made): check_site, after MkDocs, then
    finds them checked."""
    done = threading.Event()
    ahead = threading.Thread(target=sitepolicy.check_ahead, args=(staging, project, base, done), daemon=True)
    ahead.start()
    try:
        yield
    finally:
        done.set()
        ahead.join()  # (a page begun is finished: its findings are kept for check_site)


@contextmanager
def _interrupts_wait():
    """An interrupt (Ctrl-C, SIGTERM) that comes meanwhile takes effect only once the block is done."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _stop_all(*processes):
    """Stops the build's processes still running, and the processes they started (the PDF process's
    Typst compilations, Node.js under MkDocs), an interrupt waiting until they have stopped (so that none
    goes on writing into the scratch folder once it is deleted, nor compiling for a build that is over).
    (They stay in the build's process group, so that whatever stops the build's group stops them too.)"""
    with _interrupts_wait():
        running = [process for process in processes if process is not None and process.poll() is None]
        started = [child for process in running for child in _descendants(process.pid)]
        for process in running:
            process.terminate()
        for child in started:
            with suppress(psutil.NoSuchProcess):
                child.terminate()
        for process in running:
            process.wait()
        for child in psutil.wait_procs(started, timeout=STOP_SECONDS)[1]:  # (one that does not stop is killed)
            with suppress(psutil.NoSuchProcess):
                child.kill()


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _changed_while_built(project: Path, env: dict, site_key: str, seen: dict) -> list[Problem]:
    """The pages and the PDFs are made by two processes, each reading the inputs: an input saved
    meanwhile (even one saved back as it was) makes a site of no one state of the project (nor one to
    keep under the inputs' key); so does the code, edited meanwhile."""
    if site_cache.stamps(project) == seen and site_cache.key(project, env) == site_key:
        return []
    return [Problem("(the project)", "a file the build reads changed while the site was being built",
                    expected="no edit during a build: build again")]


def _swap_in(staging: Path, output: Path, scratch: Path) -> int:
    global _published
    with _interrupts_wait():  # (no moment without a site)
        publish.swap_in(staging, output, scratch / "previous")
        _published = True
    return 0


def _stop(signum, frame):
    if not _published:
        raise Interrupted()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml",
                        help="the MkDocs configuration of the project to build (default: this project's)")
    parser.add_argument("--quiet", action="store_true", help="print MkDocs' output only if the build fails")
    args = parser.parse_args()
    for stop in STOP_SIGNALS:
        signal.signal(stop, _stop)
    try:
        return build(args.output, config=args.config_file.resolve(), quiet=args.quiet)
    except Interrupted:
        print(f"build interrupted: {shown(args.output)} was left as it was", file=sys.stderr)
        return 130
    except OSError as error:  # a full disk, a folder that cannot be written to, …
        where = f" ({shown(error.filename)})" if error.filename else ""
        print(f"build failed: {error.strerror or shown(error)}{where}\n{shown(args.output)} was left as it was",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
