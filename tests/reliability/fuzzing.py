"""What the fuzz tests share: the number of generated cases, a count of cases run per reader,
and strategies for the hostile inputs every reader must survive.

`ENTENTE_FUZZ_EXAMPLES` sets how many cases each fuzz test generates: small by default, so
`make test` stays quick; `make fuzz` sets it to 10000. The counts are printed at the end of
the run (tests/reliability/conftest.py), one line per reader.
"""

from __future__ import annotations

import codecs
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

DEFAULT_EXAMPLES = 60
EXAMPLES = int(os.environ.get("ENTENTE_FUZZ_EXAMPLES", "") or DEFAULT_EXAMPLES)

# Cases actually run, per reader (incremented by the test bodies, so shrinking and replayed
# examples count too: the figure is what the reader was made to read).
CASES: Counter = Counter()


def fuzz_settings() -> settings:
    """Settings for one fuzz test: EXAMPLES cases, no deadline; the health checks about slow
    or large data are off because slow, large data is the point."""
    return settings(max_examples=max(1, EXAMPLES), deadline=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)


# -- text of odd shapes ---------------------------------------------------------------------------

# Characters that break naive code: quotes, escapes, separators, controls, bidi marks,
# combining marks, zero-width joiners, surrogate-adjacent and astral characters, case-folding
# oddities (İ, ß, ﬃ), line and paragraph separators, BOM, replacement character.
ODD_CHARACTERS = (
    "\"'`\\<>&;{}[]|#%\t\r\n\x0b\x0c\x85\u2028\u2029\u00a0\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202e\u2066\u2069\ufeff\ufffd\u0301\u0308\u0130\u0131\u00df\ufb03\u03a3\u1e9e"
    "\U0001f600\U0001f1ee\U0001f1f7\u4e2d\u6587\u0627\u0644\u05e9\u0436\u00e9\u2014\u2013\u2026"
    "\u201c\u201d\u2018\u2019\x00\x01\x1b\x7f"
)
odd_text = st.text(alphabet=st.sampled_from(ODD_CHARACTERS) | st.characters(), max_size=300)


def huge_line(min_repeats: int = 1000, max_repeats: int = 200_000) -> st.SearchStrategy[str]:
    """One line of many thousands of characters, cheap to generate: a unit repeated."""
    return st.builds(lambda unit, n: unit * n,
                     st.text(min_size=1, max_size=6).filter(lambda u: "\n" not in u and "\r" not in u),
                     st.integers(min_repeats // 6 + 1, max_repeats // 6 + 1))


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "latin-1", "shift_jis", "koi8-r", "gb18030", "iso-8859-7", "mac-roman")
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)


@st.composite
def encoded(draw, text: st.SearchStrategy[str]) -> bytes:
    """Text encoded in one of many encodings (or a mismatched BOM), then perhaps damaged:
    truncated mid-character, a byte flipped, bytes spliced in, a stray BOM in front."""
    value = draw(text)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = value.encode(encoding, errors="replace") if encoding not in ("utf-8",) else \
        value.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none", "truncate", "flip", "splice", "bom"]))
    if damage == "truncate" and data:
        data = data[:draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif damage == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif damage == "bom":
        data = draw(st.sampled_from(BOMS)) + data
    return data


def bytes_like(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Bytes a reader may meet: the text as UTF-8, in other encodings and damaged, or random."""
    return st.one_of(
        text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        encoded(text),
        st.binary(max_size=3000),
    )


# -- known bugs in code these tests do not own ------------------------------------------------------
#
# A fuzz case that hits one of these is counted (and shown in the summary) instead of failing
# the run, so the fuzzers keep finding *new* bugs meanwhile. Each has a strict-xfail test in
# tests/reliability/test_known_bugs.py that starts failing as soon as the bug is fixed: then
# delete the entry here and the xfail mark there.


@dataclass(frozen=True)
class KnownBug:
    name: str
    exception: type[BaseException]
    message: str  # a substring of the exception's message
    function: str  # a function on the traceback
    description: str


KNOWN_BUGS: tuple[KnownBug, ...] = (
)
KNOWN_HITS: Counter = Counter()


def _on_traceback(exc: BaseException, function: str) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name == function:
            return True
        tb = tb.tb_next
    return False


@contextmanager
def known_bugs_tolerated():
    """Let an exception through unless it is one of KNOWN_BUGS; count those."""
    try:
        yield
    except Exception as exc:
        for bug in KNOWN_BUGS:
            if isinstance(exc, bug.exception) and bug.message in str(exc) \
                    and _on_traceback(exc, bug.function):
                KNOWN_HITS[bug.name] += 1
                return
        raise
