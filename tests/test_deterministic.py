"""Two builds of the same commit give byte-identical files (timestamps fixed by SOURCE_DATE_EPOCH and
the commit date, sorted output, a reproducible ZIP). The second is made from nothing (an empty build
cache), whatever the first took from the cache."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from conftest import ROOT, report

pytestmark = pytest.mark.slow  # a second full build


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_identical(site, tmp_path):
    again = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(again)],
                            capture_output=True, text=True, env={**os.environ, "TRAFIKLEX_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    first, second = _digests(site), _digests(again)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    report("deterministic build", f"{len(first)} files, byte-identical across two builds")
