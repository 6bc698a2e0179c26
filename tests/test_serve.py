"""`mkdocs serve`'s watching, as the hooks set it up (hooks/site.py, on_serve): every input folder is
watched, and looked at every tenth of a second (how soon an edit shows: scripts/bench_serve.py); an editor's
swap file written as one types is not an edit."""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler

from conftest import ROOT, copy_project


def _hooks():
    spec = importlib.util.spec_from_file_location("site_hooks", ROOT / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seen_after_writing(write, seen, seconds: float = 10) -> bool:
    """Whether `seen()` comes true after `write()`, which is done again every quarter of a second (a
    watcher's first look, to which later looks are compared, may come late on a busy machine)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        write()
        waited = time.monotonic()
        while time.monotonic() - waited < 0.25:
            if seen():
                return True
            time.sleep(0.005)
    return seen()


def _append_line(path: Path):
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def test_serve_watches_every_input_and_looks_every_tenth_of_a_second(tmp_path):
    hooks = _hooks()
    root = copy_project(tmp_path / "project")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(root / "docs"))  # (what MkDocs watches itself, before on_serve)
    server.watch(str(root / "mkdocs.yml"))
    served = hooks.on_serve(server, SimpleNamespace(config_file_path=str(root / "mkdocs.yml")), server.builder)
    assert served is server and server.observer.timeout == hooks.POLL_SECONDS == 0.1  # (MkDocs' own: 0.5 s)
    watched = sorted((Path(emitter.watch.path).relative_to(root).as_posix(), emitter.watch.is_recursive)
                     for emitter in server.observer.emitters)
    assert watched == [(".", False),  # (mkdocs.yml: watchdog watches a file's folder, not its subfolders)
                       *((name, True) for name in ("data", "docs", "locales", "schemas", "sources", "translations"))]
    server.observer.start()
    try:
        for edited in ("data/documents.yml", "docs/en/nrm-agreement.md", "mkdocs.yml"):
            server._want_rebuild = False
            assert _seen_after_writing(lambda: _append_line(root / edited), lambda: server._want_rebuild), \
                f"{edited}: the edit was not seen"
        seen = []  # (every change the watcher sees under docs/ and data/ from now on)
        handler = FileSystemEventHandler()
        handler.on_any_event = lambda event: seen.append(event.src_path)
        for folder in ("docs", "data"):
            server.observer.schedule(handler, str(root / folder), recursive=True)
        swaps = [root / "docs/en/.nrm-agreement.md.swp", root / "data/documents/nrm-agreement/.commitments.yml.swp"]
        sentinel = root / "docs" / "en" / "order-25-2005.md"  # (an edit saved after them: seen in the same look or later)

        def write():
            for swap in swaps:
                swap.write_bytes(b"b0VIM 9.0 " + str(time.monotonic()).encode())  # (as vim writes it while one types)
            _append_line(sentinel)

        assert _seen_after_writing(write, lambda: str(sentinel) in seen)
        assert [path for path in seen if "/." in path] == [], "an editor's swap file written: not an edit"
    finally:
        server.observer.stop()
        server.observer.join()


def test_with_watch_theme_a_hidden_template_file_is_an_edit_even_through_a_link_to_the_project(tmp_path):
    """The theme's templates may include a hidden file of theirs: with --watch-theme, writing one is an
    edit, also when the project is reached through a link (MkDocs watches the folder as it was given)."""
    hooks = _hooks()
    root = copy_project(tmp_path / "project")
    (tmp_path / "link").symlink_to(root)
    linked = tmp_path / "link"
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(linked / "overrides"))  # (what --watch-theme adds: the theme's folders)
    hooks.on_serve(server, SimpleNamespace(config_file_path=str(linked / "mkdocs.yml")), server.builder)
    seen = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: event.is_directory or seen.append(event.src_path)
    server.observer.schedule(handler, str(linked / "overrides"), recursive=True)
    server.observer.start()
    try:
        logo = linked / "overrides" / ".logo.svg"
        assert _seen_after_writing(lambda: logo.write_text(f"<svg>{time.monotonic()}</svg>", encoding="utf-8"), lambda: seen)
        assert {Path(path).name for path in seen} == {".logo.svg"}
    finally:
        server.observer.stop()
        server.observer.join()
