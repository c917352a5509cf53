"""The checks every format shares and the walk over files and folders."""

import os
from pathlib import Path

import pytest

from entente.errors import InputProblem
from entente.ingest import iter_inputs, register_reader
from entente.ingest import registry
from entente.model import Document

from .conftest import TALKS, TREATY


def reasons(items):
    return [item.reason for item in items if isinstance(item, InputProblem)]


def test_folder_is_walked_recursively_in_sorted_order(write, read, tmp_path):
    write("b.txt", TALKS)
    write("a/z.md", TREATY)
    write("a/deep/c.txt", TALKS + " More.")
    write(".hidden.txt", TREATY)
    write(".git/x.txt", TREATY)
    write("notes.pdf", b"%PDF-1.4 not read")
    items = read(tmp_path)
    assert [os.path.relpath(doc.source_path, tmp_path) for doc in items] == [
        os.path.join("a", "deep", "c.txt"), os.path.join("a", "z.md"), "b.txt",
    ]


def test_explicit_unknown_type_is_reported(write, read):
    [problem] = read(write("notes.pdf", b"%PDF-1.4"))
    assert problem.reason.startswith("unknown file type (.pdf)")


def test_missing_path(read, tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert read(missing) == [InputProblem(str(missing), "no such file or directory")]


def test_strings_and_paths_both_work(text_file, read):
    assert read(str(text_file)) == read(text_file)


def test_empty_and_whitespace_files(write, read):
    assert reasons(read(write("a.txt", b""), write("b.jsonl", " \n\t\n"))) == ["empty", "empty"]


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.xml", "a.jsonl"])
def test_binary_files_are_refused_whatever_the_extension(write, read, name):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert reasons(read(write(name, data))) == ["binary file"]


def test_control_characters_make_a_file_binary(write, read):
    assert reasons(read(write("a.txt", b"\x01\x02\x03\x04 text" * 10))) == ["binary file"]


def test_oversize_file_is_refused_before_reading(write, read):
    path = write("big.txt", TREATY)
    size = path.stat().st_size
    assert reasons(read(path, max_bytes=10)) == [f"larger than the limit ({size} bytes > 10)"]
    assert isinstance(read(path, max_bytes=size)[0], Document)


def test_unreadable_file(write, read, monkeypatch):
    path = write("locked.txt", TREATY)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod would not stop a root user
    assert reasons(read(path)) == ["unreadable: Permission denied"]


def test_a_reader_that_raises_becomes_a_problem(write, read, monkeypatch):
    monkeypatch.setattr(registry, "_READERS", dict(registry._READERS))

    def explode(path, data):
        yield Document(doc_id="x", text="first article")
        raise RuntimeError("boom")

    register_reader("boom", explode)
    items = read(write("a.boom", "anything"))
    assert isinstance(items[0], Document)
    assert items[1].reason == "could not read: RuntimeError: boom"


def test_add_on_readers_register_like_built_ins(write, read, monkeypatch):
    monkeypatch.setattr(registry, "_READERS", dict(registry._READERS))
    from entente.ingest.text import read_text

    register_reader(["NOTE", ".memo"], read_text)
    assert registry.reader_for(Path("x.NOTE")) is read_text
    [doc] = read(write("x.memo", TALKS))
    assert doc.text == TALKS


def test_iter_inputs_is_lazy(tmp_path):
    items = iter_inputs([tmp_path / "nowhere"])
    assert next(items).reason == "no such file or directory"
