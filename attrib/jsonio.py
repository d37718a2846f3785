"""Parsing JSON that people and scrapers wrote, with every failure said in one line.

`json.loads` accepts text that breaks later: a lone surrogate ("\\ud800")
is a valid JSON escape but not Unicode, so the value cannot be written as
UTF-8; and it raises more than JSONDecodeError on some valid-looking
input (ValueError for a number of more than 4,300 digits, RecursionError
for deep nesting).  `loads` turns each of these into a `JSONProblem`.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONProblem(ValueError):
    """Why a JSON text cannot be used, in words for the person who wrote it."""


def loads(text: str) -> Any:
    """The value of `text`, or JSONProblem; every string in it is valid Unicode."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise JSONProblem(f"invalid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise JSONProblem("invalid JSON (nested too deeply)") from None
    except ValueError:  # Python's limit on the digits of an integer (4,300 by default)
        digits = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
        raise JSONProblem(f"unusable JSON (a number of more than {digits} digits)") from None
    where = lone_surrogate(value)
    if where is not None:
        raise JSONProblem(f"{where} holds a lone surrogate escape such as \\ud800, which is not valid Unicode text")
    return value


def has_surrogate(text: str) -> bool:
    """Whether `text` holds a lone surrogate, which no UTF encoding can write."""
    return _SURROGATE.search(text) is not None


def lone_surrogate(value: Any) -> str | None:
    """Where in a parsed JSON value a string holds a lone surrogate ('"text"', 'a key'), or None.

    Walks with its own stack: the value may be nested as deeply as the
    parser allowed, deeper than Python's recursion limit leaves room for.
    """
    stack: list[tuple[str, Any]] = [("a value", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if has_surrogate(item):
                return where
        elif isinstance(item, dict):
            for key, inner in item.items():
                if has_surrogate(key):
                    return "a key"
                stack.append((f'"{key}"' if where == "a value" else where, inner))
        elif isinstance(item, list):
            stack.extend((where, inner) for inner in item)
    return None
