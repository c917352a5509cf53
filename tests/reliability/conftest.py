"""Reliability tests: fuzzing, crash consistency, load. Prints how many fuzz cases ran."""

from __future__ import annotations

from tests.reliability.fuzzing import CASES, EXAMPLES, KNOWN_HITS


def pytest_terminal_summary(terminalreporter) -> None:
    if not CASES:
        return
    write = terminalreporter.write_line
    terminalreporter.section(f"fuzz cases (ENTENTE_FUZZ_EXAMPLES={EXAMPLES})")
    for name, count in sorted(CASES.items()):
        short = "  (fewer than asked: the test failed or stopped early)" if count < EXAMPLES else ""
        write(f"{name:<28} {count:>8}{short}")
    write(f"{'total':<28} {sum(CASES.values()):>8}")
    for name, count in sorted(KNOWN_HITS.items()):
        write(f"known bug hit (tolerated, see test_known_bugs.py): {name}: {count} cases")
