"""Which bytes of a file are in the Linux page cache, for the bytes-read measures of compare_io.py.

evict(path) asks the kernel to drop the file's clean, unmapped pages (posix_fadvise
POSIX_FADV_DONTNEED; no privileges needed, pages another process maps stay). resident_bytes(path)
maps the file without touching it and counts the pages mincore(2) reports resident, times the page
size. Together: evict, let a reader read, count = what the reader (plus kernel readahead) brought in.
"""
import ctypes
import ctypes.util
import mmap
import os
from pathlib import Path

_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
_libc.mmap.restype = ctypes.c_void_p
_libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
_libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]
_MAP_FAILED = ctypes.c_void_p(-1).value


def evict(path: Path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def resident_bytes(path: Path) -> int:
    size = os.path.getsize(path)
    if size == 0:
        return 0
    descriptor = os.open(path, os.O_RDONLY)
    try:
        address = _libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, descriptor, 0)
        if address in (None, _MAP_FAILED):
            raise OSError(ctypes.get_errno(), f"mmap {path}")
        try:
            pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
            vector = (ctypes.c_ubyte * pages)()
            if _libc.mincore(address, size, vector) != 0:
                raise OSError(ctypes.get_errno(), f"mincore {path}")
            return sum(1 for flag in vector if flag & 1) * mmap.PAGESIZE
        finally:
            _libc.munmap(address, size)
    finally:
        os.close(descriptor)
