"""The corpus of 221 real policy documents (../shared/real/policy_corpus/, see its SOURCES.md):
every one parses or is refused as ``not_a_plan``; none crashes, hangs or loses a line.

Only some of the documents are plans; the others must be refused cleanly or parsed for what
structure they have.  "Loses a line" is the accounting check of ``reference_checks``: every
non-empty line of the text is in some part of the plan or in a warning.
"""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from plan_parser import PlanParseError, load_plan
from plan_parser.readers.text import decode_text

from reference_checks import assert_nothing_lost

SHARED = Path(__file__).resolve().parents[2] / "shared" / "real"
CORPUS = SHARED / "policy_corpus"
DOCUMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
# the plans beside the corpus that are lines of text (the outline is a PDF, checked elsewhere)
TEXT_DOCUMENTS = sorted(p for p in [*SHARED.glob("*.txt"), *SHARED.glob("*.md")] if p.name != "SOURCES.md") \
    if SHARED.is_dir() else []
HANG_SECONDS = 20  # a guard against hangs, far above any real parse (see benchmarks/bench_corpus.py)

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason=f"the real-document corpus is not at {CORPUS} "
                                "(CI clones ../shared beside the repository)")


def _parse(path: Path):
    def hung(signum, frame):
        raise TimeoutError(f"{path.name} still parsing after {HANG_SECONDS} s")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        return load_plan(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("path", DOCUMENTS + TEXT_DOCUMENTS, ids=lambda p: p.name)
def test_parses_or_is_refused_and_loses_nothing(path):
    try:
        plan = _parse(path)
    except PlanParseError as exc:
        assert exc.code == "not_a_plan", f"{path.name}: refused as {exc.code}: {exc}"
        return
    assert_nothing_lost(plan, decode_text(path.read_bytes())[0])


def test_the_corpus_is_all_there():
    """221 documents, as SOURCES.md says; and the known plans among them are not refused."""
    assert len(DOCUMENTS) == 221
    for name in ("central_061.txt", "shandong_018.txt", "shandong_002.txt"):
        plan = _parse(CORPUS / name)
        assert plan.chapters, name
