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
        time.sleep(0.5)  # (the first look at every folder, which each later look is compared with)
        for edited in ("data/documents.yml", "docs/en/nrm-agreement.md", "mkdocs.yml"):
            server._want_rebuild = False
            path = root / edited
            path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            saved = time.monotonic()
            while not server._want_rebuild and time.monotonic() - saved < 5:
                time.sleep(0.005)
            assert server._want_rebuild, f"{edited}: the edit was not seen"
        seen = []  # (every change the watcher sees under docs/ and data/, after the swap files are written)
        handler = FileSystemEventHandler()
        handler.on_any_event = lambda event: seen.append(event.src_path)
        for folder in ("docs", "data"):
            server.observer.schedule(handler, str(root / folder), recursive=True)
        time.sleep(0.5)  # (their first look)
        for swap in ("docs/en/.nrm-agreement.md.swp", "data/documents/nrm-agreement/.commitments.yml.swp"):
            (root / swap).write_bytes(b"b0VIM 9.0")  # (as vim writes it while one types)
        sentinel = root / "docs" / "en" / "order-25-2005.md"  # (an edit saved after them: seen in the same look or later)
        sentinel.write_text(sentinel.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        saved = time.monotonic()
        while str(sentinel) not in seen and time.monotonic() - saved < 5:
            time.sleep(0.005)
        assert str(sentinel) in seen
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
        time.sleep(0.5)  # (the first look)
        (linked / "overrides" / ".logo.svg").write_text("<svg/>", encoding="utf-8")
        saved = time.monotonic()
        while not seen and time.monotonic() - saved < 5:
            time.sleep(0.005)
        assert [Path(path).name for path in seen] == [".logo.svg"]
    finally:
        server.observer.stop()
        server.observer.join()
