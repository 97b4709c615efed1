"""`aijournal coach` on any file: each bad client file is reported in one line naming it, the
others are still reviewed (exit 0), exit 2 only when none could be read; never a traceback.

Bad means: not a file (a folder, a pipe, a device), not UTF-8, not JSON, nested too deeply,
numbers beyond what a summary holds (4,300+ digit integers, 1e400, NaN), dates that are not days
or fall outside the years the CLI accepts (1900 to 9998), or a shape the schema refuses.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import os
import tempfile
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import demo
from journal.cli import main
from journal.export import get
from journal.export.summary import Options
from journal.store import JournalStore


@pytest.fixture(scope="module")
def summary_text(tmp_path_factory) -> str:
    """A real summary (the balanced persona over three weeks), as `export --format json` writes."""
    path = str(tmp_path_factory.mktemp("coach") / "j.db")
    with JournalStore.open(path) as store:
        demo.fill(store, persona="drifting", days=21, seed=7, today=dt.date(2026, 11, 26))
        return get("json").export(store, Options())


def run(*args: str) -> tuple[int, str, str]:
    """The real command in-process; any exception (a traceback) fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["coach", *args])
    return code, out.getvalue(), err.getvalue()


def raw_controls(text: str) -> set[str]:
    return {
        c
        for c in text
        if c not in "\n\t" and unicodedata.category(c) in {"Cc", "Cf", "Cs", "Zl", "Zp"}
    }


def change(mutate):
    """A maker of a summary changed by `mutate(document)`."""

    def make(good: str) -> str:
        document = json.loads(good)
        mutate(document)
        return json.dumps(document)

    return make


# name -> a maker of the file's content from a good summary
BAD = {
    "deep.json": lambda good: "[" * 100_000 + "]" * 100_000,
    "deep_metrics.json": lambda good: good.replace(
        '"metrics": {', '"metrics": {"x": ' + "[" * 500 + "]" * 500 + ",", 1
    ),
    "big_int.json": lambda good: good.replace(
        '"minutes": ', '"minutes": ' + "9" * 4_301 + ', "y": ', 1
    ),
    "huge_float.json": lambda good: good.replace('"benchmark": 0.71', '"benchmark": 1e400', 1),
    "nan.json": lambda good: good.replace('"benchmark": 0.71', '"benchmark": NaN', 1),
    "minus_infinity.json": lambda good: good.replace(
        '"benchmark": 0.71', '"benchmark": -Infinity', 1
    ),
    "year_1.json": change(lambda d: d["period"].update(since="0001-01-01")),
    "year_9999.json": change(lambda d: d["period"].update(until="9999-12-31")),
    "no_such_day.json": change(lambda d: d["period"].update(since="2026-02-30")),
    "backwards.json": change(lambda d: d["period"].update(since="2100-01-01")),
    "generated_year_0.json": change(lambda d: d.update(generated_at="0000-01-01T00:00:00+00:00")),
    "evidence_day.json": change(lambda d: d["days"][0].update(day="0100-01-01")),
    "falling_without_means.json": change(
        lambda d: d["totals"]["energy"].update(trend="falling", first_half_mean=None)
    ),
    "list.json": lambda good: "[]",
    "string.json": lambda good: '"a summary"',
    "totals_list.json": change(lambda d: d.update(totals=[])),
    "empty.json": lambda good: "",
    "bom.json": lambda good: "\ufeff" + good,
    "latin1.json": lambda good: b"\xff\xfe{\xe9}",
    "truncated.json": lambda good: good[: len(good) // 2],
    "label_object.json": change(lambda d: d.update(client={"x": 1})),
}


@pytest.fixture
def good_file(tmp_path, summary_text) -> str:
    path = tmp_path / "good.json"
    path.write_text(summary_text.replace('"schema"', '"client": "Good Client", "schema"', 1))
    return str(path)


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_is_named_in_one_line_and_the_others_are_shown(
    name, tmp_path, good_file, summary_text
):
    content = BAD[name](summary_text)
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(good_file, str(path))
    assert code == 0, err
    assert "Good Client" in out
    [line] = err.splitlines()
    assert line.startswith(f"aijournal: skipped {path}: ")
    alone = run(str(path))
    assert alone[0] == 2 and alone[1] == ""
    assert len(alone[2].splitlines()) == 2  # the file's line, then "none of the files ..."


def test_numbers_and_dates_say_what_is_accepted(tmp_path, summary_text):
    expected = {
        "big_int.json": "a number of 4,301 digits; accepted: at most 15",
        "huge_float.json": "the number 1e400 is out of range",
        "nan.json": "NaN is not a number",
        "year_1.json": "period/since: year 1 is out of range; accepted: 1900 to 9998",
        "year_9999.json": "period/until: year 9999 is out of range",
        "no_such_day.json": "period/since: '2026-02-30' is not a date",
        "evidence_day.json": "days/0/day: year 100 is out of range",
        "deep.json": "nested too deeply",
        "deep_metrics.json": "nested too deeply",
        "backwards.json": "since 2100-01-01 is after until",
    }
    for name, words in expected.items():
        path = tmp_path / name
        path.write_text(BAD[name](summary_text))
        code, _, err = run(str(path))
        assert code == 2 and words in err, (name, err)


def test_paths_that_are_not_files(tmp_path, good_file):
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")  # never ends
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(17 * 2**20)
    hostile = str(tmp_path / "name\x1b]0;x\x07.json")
    code, out, err = run(
        good_file,
        str(folder),
        str(fifo),
        str(zero),
        str(big),
        hostile,
        str(tmp_path / "missing.json"),
    )
    assert code == 0 and "Good Client" in out
    lines = err.splitlines()
    assert len(lines) == 6
    assert f"skipped {folder}: is a folder" in lines[0]
    assert f"skipped {fifo}: not a regular file" in lines[1]
    assert f"skipped {zero}: not a regular file" in lines[2]
    assert f"skipped {big}: too large" in lines[3]
    assert "name\\x1b]0;x\\x07.json: no such file" in lines[4] and not raw_controls(err)
    assert "missing.json: no such file" in lines[5]


# --- any mangling of a real summary ------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "2026-02-30",
            "2026-11-26",
            "",
            "falling",
            "act",
            "\x1b[2J\x1b]0;t\x07[/b]:smile:",
            "2026-11-26T25:00:00",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
RAW_EDITS = ["[" * 5000, "9" * 5000, "1e400", "NaN", "-Infinity", "\x00", "\ud800", "}", '"']


def all_paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from all_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from all_paths(item, (*prefix, index))


@st.composite
def mangled(draw, base: dict) -> str:
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in all_paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(ODD_VALUES)
    text = json.dumps(document, allow_nan=True, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 4)) == 0:  # a raw edit of the text itself
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(RAW_EDITS)) + text[at:]
    return text


def test_any_mangled_summary_is_reported_never_a_traceback(summary_text):
    base = json.loads(summary_text)
    base["client"] = "Good Client"
    with tempfile.TemporaryDirectory() as folder:

        @settings(
            max_examples=50,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(mangled(base))
        def check(text: str) -> None:
            bad = os.path.join(folder, "mangled.json")
            with open(bad, "w", encoding="utf-8", errors="surrogatepass") as handle:
                handle.write(text)
            code, out, err = run(bad)  # any exception here is a traceback for the user
            if code == 0:
                assert "Good Client" in out and err == ""
            else:
                assert code == 2 and out == ""
                skipped, none = err.splitlines()
                assert skipped.startswith(f"aijournal: skipped {bad}: ")
            assert not raw_controls(out) and not raw_controls(err)

        check()
