"""journal.suggest: purposes suggested from the user's own classifications."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal import service, suggest
from journal.errors import BadInput
from journal.suggest import Facts, Learner

BERLIN = dt.timezone(dt.timedelta(hours=1))  # the tests' zone in November


def f(
    tool: str = "Claude Code",
    context: str | None = "aijournal",
    time: str = "morning",
    length: str = "medium",
    ts: float = 0.0,
) -> Facts:
    return Facts(tool=tool, context=context, time=time, length=length, ts=ts)


def many(n: int, purpose: str, **facts: object) -> list[tuple[Facts, str]]:
    return [(f(**facts, ts=float(i)), purpose) for i in range(n)]  # type: ignore[arg-type]


# --- features ----------------------------------------------------------------------------------


def test_context_comes_from_the_sync_source_form():
    assert suggest.context_of("sync:claude-code:aijournal:4f1c") == "aijournal"
    assert suggest.context_of("sync:chrome:claude.ai:visit:77") == "claude.ai"  # key may hold :
    assert suggest.context_of("sync:codex:-:rollout-1") is None  # `-` means none
    assert suggest.context_of("sync:codex::rollout-1") is None
    assert suggest.context_of("sync:codex") is None
    assert suggest.context_of("Claude:2df7a508:1") is None  # an import's source: no context
    assert suggest.context_of(None) is None
    # journal.sync escapes a ':' of the context (a Windows project path, a host with a port)
    assert suggest.context_of("sync:codex:C%3A%5Cwork%25x:r1") == "C:%5Cwork%x"


def test_time_of_day_and_length_boundaries():
    def at(hour: int) -> dt.datetime:
        return dt.datetime(2026, 11, 20, hour, 30, tzinfo=BERLIN)

    assert [suggest.time_of_day(at(h)) for h in (5, 6, 11, 12, 16, 17, 21, 22)] == [
        "night",
        "morning",
        "morning",
        "afternoon",
        "afternoon",
        "evening",
        "evening",
        "night",
    ]
    # local time decides: 05:30 UTC is 06:30 in Berlin
    assert suggest.time_of_day(dt.datetime(2026, 11, 20, 5, 30, tzinfo=dt.UTC)) == "morning"
    assert [suggest.length_of(m) for m in (1, 14, 15, 60, 61)] == [
        "short",
        "short",
        "medium",
        "medium",
        "long",
    ]


# --- the engine --------------------------------------------------------------------------------


def test_nothing_is_suggested_from_nothing():
    assert Learner([]).suggest(f()) is None
    assert suggest.suggest_all([], []) == {}


def test_a_group_needs_minimum_support():
    four = Learner(many(4, "augment"))
    assert four.suggest(f()) is None
    five = Learner(many(5, "augment")).suggest(f())
    assert five is not None
    assert (five.purpose, five.agree, five.support) == ("augment", 5, 5)


def test_confidence_is_shrunk_for_small_groups():
    five = Learner(many(5, "augment")).suggest(f())
    nine_of_ten = Learner(many(9, "augment") + many(1, "learn")).suggest(f())
    hundred = Learner(many(100, "augment")).suggest(f())
    assert five is not None and nine_of_ten is not None and hundred is not None
    assert five.confidence == pytest.approx(6 / 7)
    assert nine_of_ten.confidence == pytest.approx(10 / 12)
    assert hundred.confidence == pytest.approx(101 / 102)
    # all of five is less sure than all of a hundred, though both are unanimous
    assert five.confidence < hundred.confidence < 1
    assert nine_of_ten.basis == (
        "you called 9 of 10 medium morning Claude Code sessions in aijournal augment"
    )


def test_backs_off_from_the_most_specific_group_with_support():
    history = (
        many(6, "augment", context="aijournal", time="morning")
        + many(3, "companion", context="aijournal", time="evening")
        + many(2, "companion", context="aijournal", time="evening", length="long")
        + many(20, "learn", context="tutorials", time="evening")
    )
    learner = Learner(history)

    def said(target: Facts) -> str:
        found = learner.suggest(target)
        assert found is not None
        return found.basis

    # tool + context + time + length
    assert said(f(time="morning")) == (
        "you called 6 of 6 medium morning Claude Code sessions in aijournal augment"
    )
    # 3 medium evening sessions in aijournal are too few: tool + context + time (5)
    assert said(f(time="evening")) == (
        "you called 5 of 5 evening Claude Code sessions in aijournal companion"
    )
    # no afternoon in aijournal: tool + context (11 sessions there)
    assert said(f(time="afternoon")) == (
        "you called 6 of 11 Claude Code sessions in aijournal augment"
    )
    # an unknown project: tool + time + length (23 medium evenings)
    assert said(f(context="elsewhere", time="evening")) == (
        "you called 20 of 23 medium evening Claude Code sessions learn"
    )
    # no context at all: the context levels are skipped; short: tool + time (25 evenings)
    assert said(f(context=None, time="evening", length="short")) == (
        "you called 20 of 25 evening Claude Code sessions learn"
    )
    # only the tool: all 31
    assert said(f(context=None, time="night")) == "you called 20 of 31 Claude Code sessions learn"
    # another tool: nothing
    assert learner.suggest(f(tool="Codex")) is None


def test_the_tool_is_matched_whatever_its_case():
    learner = Learner(many(5, "automate", tool="claude code"))
    found = learner.suggest(f(tool="CLAUDE CODE"))
    assert found is not None and found.purpose == "automate"
    assert found.basis.startswith("you called 5 of 5 medium morning CLAUDE CODE sessions")


def test_ties_go_to_the_purpose_used_most_recently_then_to_the_fixed_order():
    newer_augment = [(f(ts=t), "learn") for t in (1, 2, 3)] + [
        (f(ts=t), "augment") for t in (4, 5, 6)
    ]
    for seed in range(3):
        shuffled = list(newer_augment)
        random.Random(seed).shuffle(shuffled)
        found = Learner(shuffled).suggest(f())
        assert found is not None
        assert (found.purpose, found.agree, found.support) == ("augment", 3, 6)
    same_time = [(f(ts=1), p) for p in ("companion", "augment", "companion", "augment", "x")]
    found = Learner(same_time + [(f(ts=1), "learn")]).suggest(f())  # "x" is no purpose: ignored
    assert found is not None
    assert (found.purpose, found.support) == ("augment", 5)  # augment before companion


HISTORY = st.lists(
    st.tuples(
        st.sampled_from(["Codex", "codex", "Claude"]),
        st.sampled_from([None, "a", "b"]),
        st.sampled_from(["morning", "evening"]),
        st.sampled_from(["short", "long"]),
        st.integers(0, 5),
        st.sampled_from(suggest.PURPOSES),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(HISTORY, st.randoms(use_true_random=False))
def test_a_suggestion_is_the_majority_of_its_group_whatever_the_order(rows, rnd):
    history = [(Facts(t, c, tm, ln, float(ts)), p) for t, c, tm, ln, ts, p in rows]
    target = f(tool="CODEX", context="a", time="morning", length="short")
    found = Learner(history).suggest(target)
    shuffled = list(history)
    rnd.shuffle(shuffled)
    assert Learner(shuffled).suggest(target) == found
    codex = [p for facts, p in history if facts.tool.casefold() == "codex"]
    if len(codex) < suggest.MIN_SUPPORT:
        assert found is None
        return
    assert found is not None
    assert found.support >= suggest.MIN_SUPPORT
    assert 0 < found.confidence < 1
    assert found.confidence == pytest.approx((found.agree + 1) / (found.support + 2))


# --- through the store -------------------------------------------------------------------------


def log(
    store, *, purpose="augment", days_ago=1, hour=9, minutes=30, tool="Claude Code", source=None
):
    at = dt.datetime(2026, 11, 26, hour, 0).astimezone() - dt.timedelta(days=days_ago)
    return service.log_ai(store, tool=tool, minutes=minutes, at=at, purpose=purpose, source=source)[
        "id"
    ]


def test_pending_learns_only_from_the_last_half_year(store):
    for day in range(6):
        log(store, days_ago=200 + day)
    target = log(store, purpose="unclassified", days_ago=0)
    assert suggest.pending(store) == {}
    for day in range(5):
        log(store, days_ago=170 + day, purpose="learn")
    found = suggest.pending(store)
    assert list(found) == [target]
    assert found[target].purpose == "learn"
    assert found[target].basis == "you called 5 of 5 medium morning Claude Code sessions learn"
    assert suggest.for_sessions(store, [target, "not-an-id"]) == found


def test_pending_uses_the_project_of_a_synced_session(store):
    for day in range(5):
        log(store, days_ago=day + 1, source=f"sync:claude-code:aijournal:s{day}")
    for day in range(8):
        log(store, days_ago=day + 1, purpose="learn", source=f"sync:claude-code:-:t{day}")
    here = log(store, purpose="unclassified", days_ago=0, source="sync:claude-code:aijournal:new")
    there = log(store, purpose="unclassified", days_ago=0, hour=10, source="sync:claude-code:-:x")
    found = suggest.pending(store)
    assert list(found) == [there, here]  # newest first
    assert found[here].basis == (
        "you called 5 of 5 medium morning Claude Code sessions in aijournal augment"
    )
    assert found[there].purpose == "learn"  # 8 of 13 morning sessions


def test_apply_classifies_what_reaches_the_confidence_in_one_undo_step(store):
    for day in range(9):
        log(store, days_ago=day + 1, tool="Codex", purpose="automate")
    log(store, days_ago=10, tool="Codex", purpose="learn")
    for day in range(5):
        log(store, days_ago=day + 1, tool="ChatGPT", purpose="learn")
        log(store, days_ago=day + 1, tool="ChatGPT", purpose="companion", hour=10)
    codex = [log(store, tool="Codex", purpose="unclassified", days_ago=0) for _ in range(3)]
    chat = log(store, tool="ChatGPT", purpose="unclassified", days_ago=0)
    untaught = log(store, tool="Gemini", purpose="unclassified", days_ago=0)

    assert suggest.apply(store, 0.8) == 3  # Codex: 9 of 10, 0.83; ChatGPT: 5 of 10, 0.5
    purposes = {s.id: s.purpose.value for s in store.all_entries("ai_session")}
    assert [purposes[i] for i in codex] == ["automate"] * 3
    assert purposes[chat] == purposes[untaught] == "unclassified"
    assert suggest.apply(store, 0.8) == 0  # nothing left that reaches it, and nothing written
    assert store.undo().startswith("classify AI sessions from suggestions")
    assert [s.id for s in service.unclassified_ai(store)].count(codex[0]) == 1
    assert len(service.unclassified_ai(store)) == 5
    assert suggest.apply(store, 0.5) == 4  # ChatGPT's tie too: companion, the newer use


@pytest.mark.parametrize("value", [-0.1, 1.01, float("nan")])
def test_apply_refuses_a_confidence_outside_0_to_1(store, value):
    target = log(store, purpose="unclassified")
    with pytest.raises(BadInput, match="min confidence .* is not accepted; use a number from 0"):
        suggest.apply(store, value)
    assert [s.id for s in service.unclassified_ai(store)] == [target]
