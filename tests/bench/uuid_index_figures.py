#!/usr/bin/env python3
"""What the ledger's uuid index costs, by kind of uuid: plain SQL, outside Lapak.

40 terminals x 21 batches of 500 entries (420 000 in all), each batch one transaction
(WAL, synchronous=FULL), into a table shaped as the ledger's `entries`
(sync/ledger/store/ledger_schema.cpp: WITHOUT ROWID, keyed by terminal and seq, bodies of
~400 B), with its index on (terminal_id, uuid) and without it. Prints the mean time of a
batch over all batches and over the last quarter (the index is largest then).

    python3 tests/bench/uuid_index_figures.py [folder for the scratch file]
"""
import os
import sqlite3
import sys
import time
import uuid

TERMINALS = 40
BATCHES = 21
BATCH = 500
START_MS = 1_795_000_000_000


def version_4(unix_ms):
    return str(uuid.uuid4())


def version_7(unix_ms):  # as core/crypto.h's NewUuid: the time, then 74 random bits
    r = os.urandom(10)
    b = unix_ms.to_bytes(6, "big") + bytes([0x70 | (r[0] & 0x0F), r[1], 0x80 | (r[2] & 0x3F)]) + r[3:]
    return str(uuid.UUID(bytes=b))


def run(path, make_uuid, with_index):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE entries (terminal_id TEXT NOT NULL, seq INTEGER NOT NULL, uuid TEXT NOT NULL, "
        "kind TEXT NOT NULL, time_utc_ms INTEGER NOT NULL, business_day TEXT NOT NULL, body TEXT NOT NULL, "
        "hash BLOB NOT NULL, received_at_ms INTEGER NOT NULL, PRIMARY KEY (terminal_id, seq)) STRICT, WITHOUT ROWID")
    if with_index:
        db.execute("CREATE INDEX entries_by_uuid ON entries (terminal_id, uuid)")
    body = "x" * 400
    seqs = [0] * TERMINALS
    times = []
    for _ in range(BATCHES):
        for terminal in range(TERMINALS):
            rows = []
            for _ in range(BATCH):
                seqs[terminal] += 1
                unix_ms = START_MS + seqs[terminal] * 1000
                rows.append((f"S{terminal:03d}/T1", seqs[terminal], make_uuid(unix_ms), "sale", unix_ms,
                             "2026-11-20", body, os.urandom(32), unix_ms))
            start = time.perf_counter()
            db.execute("BEGIN")
            db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
            times.append(time.perf_counter() - start)
    db.close()
    last = times[3 * len(times) // 4:]
    return 1000 * sum(times) / len(times), 1000 * sum(last) / len(last)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    path = os.path.join(folder, "uuid-index-figures.db")
    print("uuids      uuid index   ms a batch (all)   ms a batch (last quarter)")
    for name, make_uuid, with_index in (("version 4", version_4, True), ("version 7", version_7, True),
                                        ("-", version_7, False)):
        whole, last = run(path, make_uuid, with_index)
        print(f"{name:10} {'yes' if with_index else 'no':12} {whole:16.2f}   {last:16.2f}")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


if __name__ == "__main__":
    main()
