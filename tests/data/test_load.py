"""Reading datasets: every supported format, and a clear DataError for every kind of bad file."""

from __future__ import annotations

import gzip
import zipfile

import pandas as pd
import pytest

from coach.data.errors import DataError
from coach.data.load import load_table, read_header, require_columns


@pytest.mark.parametrize(
    "name", ["d.csv", "d.tsv", "d.parquet", "d.csv.gz", "d.csv.bz2", "d.csv.zip"]
)
def test_every_supported_format_reads_the_same_table(dataset, write, tmp_path, name):
    frame = dataset("iris")
    if name.endswith((".gz", ".bz2", ".zip")):
        path = tmp_path / name
        frame.to_csv(path, index=False)  # pandas compresses by extension
    else:
        path = write(frame, name)
    loaded = load_table(path)
    assert list(loaded.columns) == list(frame.columns)
    assert loaded.shape == frame.shape
    assert loaded["target"].sum() == frame["target"].sum()
    assert read_header(path) == list(frame.columns)


def test_semicolon_delimited_csv_is_sniffed(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text("a;b;label\n1,5;2;x\n3,5;4;y\n", encoding="utf-8")
    assert list(load_table(path).columns) == ["a", "b", "label"]


def test_only_the_requested_columns_are_read(dataset, write):
    path = write(dataset("wine"))
    assert list(load_table(path, columns=["target"]).columns) == ["target"]


def _error(path, **kw) -> str:
    with pytest.raises(DataError) as info:
        load_table(path, **kw)
    return str(info.value)


def test_missing_file_and_directory(tmp_path):
    assert "no such file" in _error(tmp_path / "nope.csv")
    assert "is a directory" in _error(tmp_path)


def test_empty_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty (0 bytes)" in _error(empty)
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n  \n")
    assert "empty" in _error(blank)
    header_only = tmp_path / "header.csv"
    header_only.write_text("a,b,target\n")
    assert "header but no data rows" in _error(header_only)


def test_undecodable_text_names_the_encoding_and_the_fix(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("name,target\ncafé,1\nthé,0\n".encode("latin-1"))
    message = _error(path)
    assert "cannot decode the file as utf-8" in message
    assert "byte 0xe9 at offset 15" in message and "pass --encoding " in message
    loaded = load_table(path, encoding="latin-1")
    assert loaded["name"].tolist() == ["café", "thé"]


def test_a_cp1252_file_gets_the_encoding_that_reads_it(tmp_path):
    rows = [
        "Café crème brûlée, 5 €",
        "“Smart quotes” – and a dash",
        "Naïve façade, déjà vu",
        "Größe: 10 €; Straße",
    ] * 20
    text = "comment,target\n" + "".join(f'"{r}",{i % 2}\n' for i, r in enumerate(rows))
    path = tmp_path / "windows.csv"
    path.write_bytes(text.encode("cp1252"))
    message = _error(path)
    suggested = message.split("pass --encoding ")[1].split(",")[0].split()[0]
    assert suggested == "cp1252"
    assert load_table(path, encoding=suggested)["comment"].tolist() == rows


def test_bad_byte_far_into_a_large_file_is_still_an_encoding_error(tmp_path):
    path = tmp_path / "late.csv"
    good = "".join(f"{i},x{i}\n" for i in range(20_000))
    path.write_bytes(("a,b\n" + good).encode() + "é,y\n".encode("latin-1"))
    assert "cannot decode" in _error(path)


def test_utf8_bom_and_utf16_files_are_read(tmp_path):
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfa,target\n1,0\n2,1\n")
    assert list(load_table(bom).columns) == ["a", "target"]
    wide = tmp_path / "wide.csv"
    wide.write_bytes("a,target\n1,0\n2,1\n".encode("utf-16"))
    assert load_table(wide)["target"].tolist() == [0, 1]


def test_files_that_are_not_tables(tmp_path):
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary file" in _error(binary)
    json_file = tmp_path / "data.csv"
    json_file.write_text('[{"a": 1, "target": 0}]\n')
    assert "looks like JSON" in _error(json_file)
    html = tmp_path / "page.csv"
    html.write_text("<html><body>hi</body></html>\n")
    assert "HTML/XML" in _error(html)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b\n1,2\n3,4,5\n")
    message = _error(ragged)
    assert "line 3 has 3 fields but the header has 2" in message
    fake_parquet = tmp_path / "x.parquet"
    fake_parquet.write_text("a,b\n1,2\n")
    assert "not a Parquet file" in _error(fake_parquet)


def test_corrupt_compressed_file(tmp_path):
    path = tmp_path / "broken.csv.gz"
    path.write_bytes(gzip.compress(b"a,b\n1,2\n" * 100)[:20])  # cut before the end
    assert "cannot" in _error(path)
    archive = tmp_path / "two.csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.csv", "a\n1\n")
        zf.writestr("b.csv", "b\n2\n")
    assert "exactly one data file" in _error(archive)


def test_missing_column_error_lists_columns_and_the_closest_name():
    columns = ["amount", "is_fraud", "hour"]
    with pytest.raises(DataError) as info:
        require_columns(columns, {"target": "is_frad"}, "t.csv")
    message = str(info.value)
    assert "target column 'is_frad' not found in t.csv" in message
    assert "Did you mean 'is_fraud'?" in message
    assert "Columns: amount, is_fraud, hour." in message
    with pytest.raises(DataError, match="Did you mean 'is_fraud'"):
        require_columns(columns, {"target": "IS_FRAUD"}, "t.csv")  # case differs


def test_single_column_read_hints_at_a_wrong_delimiter(tmp_path):
    path = tmp_path / "prose.csv"
    path.write_text("this is not a table\njust some words\n")
    with pytest.raises(DataError, match="read as a single column"):
        require_columns(read_header(path), {"target": "y"}, path)


def test_parquet_with_column_selection(tmp_path):
    path = tmp_path / "d.parquet"
    pd.DataFrame({"a": [1, 2], "target": [0, 1]}).to_parquet(path)
    assert load_table(path, columns=["target"])["target"].tolist() == [0, 1]
