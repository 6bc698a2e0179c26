"""A ZIP archive written from members already deflated (raw DEFLATE streams, as `deflate` makes them), so
that a member the same as in the last build is not compressed again (its deflated bytes come from the
build cache). The standard library's zipfile compresses every member it writes itself and cannot be
handed one already compressed; this writes the same plain format (PKWARE's APPNOTE: a local header
and the data for each member, then the central directory), without ZIP64, so within its limits:
fewer than 65,535 members, each and the whole archive under 4 GiB. Read back by zipfile in the tests."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Iterable, NamedTuple

LEVEL = zlib.Z_DEFAULT_COMPRESSION  # (6: what zipfile used for the offline copy; 9 is 0.8 % smaller, twice as slow)
UTF8_NAMES = 0x800  # general purpose flag 11: the member's name is UTF-8
DEFLATED = 8
VERSION = 20  # 2.0: DEFLATE
MADE_ON_UNIX = 3 << 8  # (so that the external attributes are Unix permissions)
LIMIT = 0xFFFFFFFF  # (a size, an offset or a count at its field's highest value means "see ZIP64")
MEMBERS = 0xFFFF
TOO_LARGE = "the offline copy is beyond a ZIP's limits without ZIP64 (4 GiB, 65,535 files)"
LOCAL = struct.Struct("<4s5H3L2H")
CENTRAL = struct.Struct("<4s6H3L5H2L")
END = struct.Struct("<4s4H2LH")


class Member(NamedTuple):
    name: str
    data: bytes
    deflated: bytes  # `deflate(data)`


def deflate(data: bytes) -> bytes:
    """The raw DEFLATE stream of `data`, at zlib's default level (as zipfile writes it)."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _dos(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write(target: Path, members: Iterable[Member], date_time: tuple[int, int, int, int, int, int],
          mode: int = 0o644) -> None:
    """The archive of `members`, in their order, each stamped `date_time` (1980 to 2107) with `mode`.
    Raises ValueError beyond the format's limits (nothing is left at `target` then)."""
    time, date = _dos(date_time)
    central = []
    try:
        with target.open("wb") as out:
            for member in members:
                name = member.name.encode("utf-8")
                flags = 0 if member.name.isascii() else UTF8_NAMES
                crc, offset = zlib.crc32(member.data), out.tell()
                if max(len(member.data), len(member.deflated), offset) >= LIMIT or len(central) + 1 >= MEMBERS:
                    raise ValueError(TOO_LARGE)
                fields = (flags, DEFLATED, time, date, crc, len(member.deflated), len(member.data), len(name))
                out.write(LOCAL.pack(b"PK\x03\x04", VERSION, *fields, 0) + name)
                out.write(member.deflated)
                central.append(CENTRAL.pack(b"PK\x01\x02", MADE_ON_UNIX | VERSION, VERSION, *fields, 0, 0, 0, 0,
                                            mode << 16, offset) + name)
            start, directory = out.tell(), b"".join(central)
            if start + len(directory) >= LIMIT:
                raise ValueError(TOO_LARGE)
            out.write(directory)
            out.write(END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), start, 0))
    except ValueError:
        target.unlink(missing_ok=True)
        raise
