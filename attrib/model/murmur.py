"""MurmurHash3 (x86, 32-bit) in pure Python.

scikit-learn's FeatureHasher places a feature by the signed MurmurHash3 of
its UTF-8 name; the compiled scorer must place it in the same column
without importing scikit-learn, so the hash is written out here.  Names
are short and repeat, so callers cache the result (see attrib.compiled).
"""

from __future__ import annotations

_MASK = 0xFFFFFFFF
_C1 = 0xCC9E2D51
_C2 = 0x1B873593


def _rotl(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (32 - shift))) & _MASK


def murmurhash3_32(data: bytes | str, seed: int = 0, positive: bool = False) -> int:
    """The 32-bit MurmurHash3 of `data` (str is hashed as UTF-8), signed unless `positive`.

    Same result as sklearn.utils.murmurhash3_32 for bytes and str keys.
    """
    key = data.encode("utf-8") if isinstance(data, str) else data
    length = len(key)
    h = seed & _MASK
    body = length - (length & 3)
    for start in range(0, body, 4):
        k = int.from_bytes(key[start : start + 4], "little")
        k = _rotl((k * _C1) & _MASK, 15)
        h ^= (k * _C2) & _MASK
        h = (_rotl(h, 13) * 5 + 0xE6546B64) & _MASK
    tail = key[body:]
    if tail:
        k = int.from_bytes(tail, "little")
        k = _rotl((k * _C1) & _MASK, 15)
        h ^= (k * _C2) & _MASK
    h ^= length
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    if positive or h < 0x80000000:
        return h
    return h - 0x100000000
