"""The offline ZIP (trafiklex.website.offline, trafiklex.core.ziparchive): read back by the standard
library as the archive of the site's files, the same bytes from a cold and a warm cache, and each file
compressed only when it is not in the cache (a damaged entry is not used)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from trafiklex.core import cache, ziparchive
from trafiklex.website import offline

STAMP = (2005, 7, 18, 10, 30, 42)
EPOCH = 1121682642  # 18 July 2005, 10:30:42 UTC


@pytest.fixture
def in_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_archive_reads_back_as_its_members(tmp_path):
    members = [("index.html", "<p>Marrëveshje</p>".encode("utf-8")), ("dokumente/marrëveshja.txt", b"neni 1\n" * 500),
               ("empty.txt", b""), ("pdf/handbook.pdf", bytes(range(256)) * 40)]
    target = tmp_path / "site.zip"
    ziparchive.write(target, [ziparchive.Member(name, data, ziparchive.deflate(data)) for name, data in members], STAMP)
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [name for name, _ in members]
        assert [archive.read(name) for name, _ in members] == [data for _, data in members]
        infos = archive.infolist()
        assert {(info.date_time, info.compress_type, info.external_attr >> 16, info.create_system) for info in infos} == {
            ((2005, 7, 18, 10, 30, 42), zipfile.ZIP_DEFLATED, 0o644, 3)}
        assert [bool(info.flag_bits & 0x800) for info in infos] == [False, True, False, False]  # (UTF-8 names)
        assert infos[1].compress_size < 100 < infos[1].file_size  # (deflated, not stored)


def test_beyond_the_format_s_limits_nothing_is_left(tmp_path, monkeypatch):
    target, data = tmp_path / "site.zip", b"x" * 2000
    member = ziparchive.Member("big.txt", data, ziparchive.deflate(data))
    ziparchive.write(target, [member], STAMP)  # (within the limits)
    monkeypatch.setattr(ziparchive, "LIMIT", 2000)  # a file's size at the field's highest value: "see ZIP64"
    with pytest.raises(ValueError, match="ZIP64"):
        ziparchive.write(target, [member], STAMP)
    assert not target.exists()
    monkeypatch.setattr(ziparchive, "LIMIT", 0xFFFFFFFF)
    monkeypatch.setattr(ziparchive, "MEMBERS", 3)  # a count at the field's highest value
    ziparchive.write(target, [member] * 2, STAMP)
    with pytest.raises(ValueError, match="65,535 files"):
        ziparchive.write(target, [member] * 3, STAMP)
    assert not target.exists()


def _site(folder: Path) -> Path:
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_text("<html><head></head><body><p>Urdhri nr. 25</p></body></html>", encoding="utf-8")
    (folder / "en" / "index.html").write_text("<html><head></head><body><p>Order No. 25</p></body></html>", encoding="utf-8")
    (folder / "data.json").write_text('{"documents": 7}\n' * 100, encoding="utf-8")
    return folder


def _members(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / offline.MEMBER).rglob("*") if p.is_file())


def test_a_file_is_compressed_only_when_not_in_the_cache(tmp_path, in_folder, monkeypatch):
    compressed = []  # (what is compressed, each time)
    deflate = ziparchive.deflate
    monkeypatch.setattr(ziparchive, "deflate", lambda data: compressed.append(data) or deflate(data))
    site = _site(tmp_path / "site")
    cold = offline.write_zip(site, EPOCH).read_bytes()
    assert len(compressed) == len(_members(in_folder)) == 3
    with zipfile.ZipFile(site / offline.ZIP_PATH) as archive:
        assert archive.namelist() == [f"{offline.FOLDER}/{name}" for name in ("data.json", "en/index.html", "index.html")]
        assert archive.read(f"{offline.FOLDER}/data.json") == (site / "data.json").read_bytes()
        assert b"Order No. 25" in archive.read(f"{offline.FOLDER}/en/index.html")
    compressed.clear()
    assert offline.write_zip(site, EPOCH).read_bytes() == cold  # (warm: every member from the cache)
    assert compressed == [] and len(_members(in_folder)) == 3

    (site / "en" / "index.html").write_text("<html><head></head><body><p>Order No. 26</p></body></html>", encoding="utf-8")
    edited = offline.write_zip(site, EPOCH).read_bytes()
    assert len(compressed) == 1 and b"Order No. 26" in compressed[0]  # (the edited page alone compressed again)
    assert len(_members(in_folder)) == 4
    with zipfile.ZipFile(site / offline.ZIP_PATH) as archive:
        assert archive.testzip() is None and b"Order No. 26" in archive.read(f"{offline.FOLDER}/en/index.html")

    compressed.clear()
    for entry in _members(in_folder):  # every entry damaged: none is used, the ZIP is the same
        entry.write_bytes(entry.read_bytes()[:-3] + b"\x00\x00\x00")
    assert offline.write_zip(site, EPOCH).read_bytes() == edited
    assert len(compressed) == 3
