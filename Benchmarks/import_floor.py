#!/usr/bin/env python3
"""What SQLite alone takes to write what an import wrote: the floor under `lectern import marc`.

Given a database that `lectern import marc` filled (Benchmarks/import.sh passes each round's),
this writes its rows again into fresh files, with nothing else to do (no reading, parsing,
matching, planning or rendering), and prints three rates in records (bibs) per second:

- as stored: every row of every table, the full-text tables rebuilt from their content (so
  their tokenizing counts), as Lectern stores them;
- least data: what a catalogue could not store less of and still answer the APIs and searches:
  each bib's MARC once (its published ISO 2709 record), holdings as they are, items without
  their empty elements, the keys (barcodes, system numbers), the discovery rows and sort keys,
  and the two full-text tables without a copy of their content;
- full text alone: only those two full-text tables, the least a search index takes.

All three use the settings of Lectern's bulk writes (16 KB pages, WAL, a 256 MB page cache)
and one transaction, which is kinder than the import's several; each counts the commit and the
checkpoint that puts the pages into the database file. The rows of the last two are derived
from the database before the clock starts, and the database is read once before any of them.
VERBOSE=1 prints each statement's time. Python's `sqlite3` links the system's SQLite, the
library Lectern links.

    python3 Benchmarks/import_floor.py DATABASE [WORKDIR]
"""

import os
import re
import sqlite3
import sys
import tempfile
import time

PAGE_SIZE = 16384
CACHE_KIB = 262144
SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


def read_through(path):
    """Reads `path` once, so that no write starts with a cold page cache for its source."""
    with open(path, "rb") as file:
        while file.read(16 << 20):
            pass


def remove_database(path):
    """Removes the database file `path` with its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def fresh(path):
    remove_database(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return db


def timed_write(db, statements):
    """Runs `statements` in one transaction, then checkpoints; the seconds it all took."""
    start = time.monotonic()
    db.execute("BEGIN")
    for sql in statements + ["COMMIT", "PRAGMA wal_checkpoint(TRUNCATE)"]:
        lap = time.monotonic()
        db.execute(sql)
        if os.environ.get("VERBOSE"):
            print(f"  {time.monotonic() - lap:6.2f} s  {sql[:70]}", file=sys.stderr)
    return time.monotonic() - start


def size_mb(path):
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s)) / 1048576


def as_stored(source, path):
    """Times copying every row of `source` into a fresh file with its schema."""
    db = fresh(path)
    db.execute("ATTACH ? AS s", (source,))
    virtual = [name for (name,) in db.execute("SELECT name FROM s.sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
    shadows = {v + suffix for v in virtual for suffix in SHADOW_SUFFIXES}
    schema = db.execute(
        "SELECT type, name, sql FROM s.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    tables = []
    for kind, name, sql in schema:
        if name in shadows:
            continue
        db.execute(sql)
        if kind == "table" and name not in virtual:
            tables.append(name)
    statements = [f'INSERT INTO main."{t}" SELECT * FROM s."{t}"' for t in tables]
    for v in virtual:
        columns = ", ".join(f'"{row[1]}"' for row in db.execute(f'PRAGMA s.table_info("{v}")'))
        statements.append(f'INSERT INTO main."{v}" (rowid, {columns}) SELECT * FROM s."{v}_content"')
    seconds = timed_write(db, statements)
    db.close()
    return seconds


def least_data_rows(source, rows_path):
    """Derives the least-data rows of `source` into `rows_path` (untimed); the full-text columns."""
    empty = re.compile(r"<[A-Za-z_0-9]+/>")
    prep = fresh(rows_path)
    prep.execute("ATTACH ? AS s", (source,))
    prep.execute("BEGIN")
    prep.execute("CREATE TABLE docs (tenant, kind, id, parent, body)")
    published = {
        (tenant, id): record
        for tenant, id, record in prep.execute(
            "SELECT r.tenant, r.id, d.display FROM s.discovery_rows r JOIN s.discovery_display d ON d.rowid = r.rowid"
        )
    }
    rows = []
    for tenant, kind, id, parent, body in prep.execute(
        "SELECT tenant, kind, id, parent, body FROM s.documents WHERE kind IN ('bib', 'holding', 'item') ORDER BY rowid"
    ):
        if kind == "bib":
            body = published.get((tenant, id), body)
        elif kind == "item":
            body = empty.sub("", body)
        rows.append((tenant, kind, id, parent, body))
    prep.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
    prep.execute("CREATE TABLE keys AS SELECT * FROM s.document_keys")
    prep.execute("CREATE TABLE discovery AS SELECT rowid AS row, tenant, kind, id, facets, length FROM s.discovery_rows")
    prep.execute("CREATE TABLE sort AS SELECT rowid AS row, sort FROM s.discovery_sort")
    prep.execute("CREATE TABLE text AS SELECT * FROM s.discovery_text_content")
    prep.execute("CREATE TABLE exact AS SELECT * FROM s.discovery_exact_content")
    text_columns = [row[1] for row in prep.execute("PRAGMA s.table_info(discovery_text)")]
    prep.execute("COMMIT")
    prep.close()
    return text_columns


def least_data(rows_path, text_columns, path, search_only=False):
    """Times writing the rows of `rows_path` into a fresh file: all of them, or with
    `search_only` only the two full-text tables."""
    db = fresh(path)
    quoted = ", ".join(f'"{c}"' for c in text_columns)
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE discovery_text USING fts5({quoted}, tokenize = 'unicode61 remove_diacritics 2', content = '');
        CREATE VIRTUAL TABLE discovery_exact USING fts5(
            in_any, elsewhere, tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''', columnsize = 0, content = ''
        );
        """
    )
    statements = [
        f"INSERT INTO discovery_text (rowid, {quoted}) SELECT * FROM s.text",
        "INSERT INTO discovery_exact (rowid, in_any, elsewhere) SELECT * FROM s.exact",
    ]
    if not search_only:
        db.executescript(
            """
            CREATE TABLE documents (
                tenant TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT,
                revision INTEGER NOT NULL DEFAULT 1, body BLOB NOT NULL, UNIQUE (tenant, kind, id)
            );
            CREATE INDEX documents_parent ON documents (tenant, kind, parent);
            CREATE TABLE document_keys (
                tenant, kind, key_type, key_value, id, PRIMARY KEY (tenant, kind, key_type, key_value)
            ) WITHOUT ROWID;
            CREATE INDEX document_keys_owner ON document_keys (tenant, kind, id);
            CREATE TABLE discovery_rows (rowid INTEGER PRIMARY KEY, tenant, kind, id, facets, length, UNIQUE (tenant, kind, id));
            CREATE TABLE discovery_sort (rowid INTEGER PRIMARY KEY, sort);
            """
        )
        statements = [
            "INSERT INTO documents (tenant, kind, id, parent, body) SELECT * FROM s.docs",
            "INSERT INTO document_keys SELECT * FROM s.keys",
            "INSERT INTO discovery_rows SELECT * FROM s.discovery",
            "INSERT INTO discovery_sort SELECT * FROM s.sort",
        ] + statements
    db.execute("ATTACH ? AS s", (rows_path,))
    seconds = timed_write(db, statements)
    db.close()
    return seconds


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    source = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) == 3 else tempfile.mkdtemp(prefix="lectern-import-floor.")
    os.makedirs(work, exist_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
        (bibs,) = db.execute("SELECT count(*) FROM documents WHERE kind = 'bib'").fetchone()
    stored_path = os.path.join(work, "as-stored.sqlite")
    least_path = os.path.join(work, "least-data.sqlite")
    search_path = os.path.join(work, "full-text-alone.sqlite")
    rows_path = os.path.join(work, "least-data-rows.sqlite")
    read_through(source)
    try:
        stored = as_stored(source, stored_path)
        stored_mb = size_mb(stored_path)
        text_columns = least_data_rows(source, rows_path)
        least = least_data(rows_path, text_columns, least_path)
        least_mb = size_mb(least_path)
        search = least_data(rows_path, text_columns, search_path, search_only=True)
    finally:
        for path in (stored_path, least_path, search_path, rows_path):
            remove_database(path)
    print(f"sqlite {sqlite3.sqlite_version}, {bibs} bibs")
    print(f"as stored: {stored:.2f} s, {bibs / stored:.0f} records/s, {stored_mb:.0f} MB")
    print(f"least data: {least:.2f} s, {bibs / least:.0f} records/s, {least_mb:.0f} MB")
    print(f"full text alone: {search:.2f} s, {bibs / search:.0f} records/s")


if __name__ == "__main__":
    main()
