"""`mkdocs serve`'s watching, as the hooks set it up (hooks/site.py, on_serve): every input folder is
watched, and looked at every tenth of a second (how soon an edit shows: scripts/bench_serve.py); an editor's
swap file written as one types is not an edit."""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer

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
        server._want_rebuild = False
        for swap in ("docs/en/.nrm-agreement.md.swp", "data/documents/nrm-agreement/.commitments.yml.swp"):
            (root / swap).write_bytes(b"b0VIM 9.0")  # (as vim writes it while one types)
        time.sleep(0.5)  # (five looks)
        assert not server._want_rebuild, "an editor's swap file written: not an edit"
    finally:
        server.observer.stop()
        server.observer.join()
