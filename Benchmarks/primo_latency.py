"""Latency of Primo search: Lectern's GET /primo/v1/search beside the naive raw SQL query on
the same database (FTS5 MATCH, bm25 top 10, the total count, five GROUP BY facet counts), one
query at a time, in one run. Run by Benchmarks/primo.sh; standard library only.

    python3 Benchmarks/primo_latency.py DATABASE_FILE BASE_URL API_KEY [QUERIES [WARMUP]]

Before measuring, the server answers WARMUP searches (default 200) of other words, as a server
that has been serving for a while has: its caches hold what every search reads (the discovery
rows, the index's upper pages), not the answers to the measured words. Their latencies are
reported too, as a fresh server's first searches.
"""
import json
import random
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request


EXACT_LIMIT = 10_000
# The same list as Sources/LecternDiscovery/Text/StopWords.swift (Lectern leaves these out among other words).
STOP_WORDS = set(
    "a an and are as at be but by for from if in into is it its no not of on or such that the their then there these they this to was will with".split()
)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def query_words(db, count, rng):
    """Words drawn from real-looking titles: every word of sampled titles, stop words included,
    so common words come up as often as titles use them, and rare ones too."""
    total = db.execute("SELECT max(rowid) FROM discovery_text").fetchone()[0]
    words = []
    while len(words) < count:
        row = db.execute("SELECT title FROM discovery_text WHERE rowid = ?", (rng.randint(1, total),)).fetchone()
        if not row or not row[0]:
            continue
        title = [w.strip(".,:;/[]()'\"").lower() for w in row[0].split()]
        title = [w for w in title if w.isalpha()]
        if title:
            words.append(" ".join(rng.sample(title, min(len(title), rng.choice([1, 1, 2])))))
    return words


def naive(db, words, facets):
    match = " AND ".join('"%s"' % w for w in words.split())
    started = time.perf_counter()
    db.execute(
        "SELECT rowid, bm25(discovery_text) AS score FROM discovery_text WHERE discovery_text MATCH ? ORDER BY score LIMIT 10",
        (match,),
    ).fetchall()
    total = db.execute("SELECT count(*) FROM discovery_text WHERE discovery_text MATCH ?", (match,)).fetchone()[0]
    for facet in facets:
        db.execute(
            "SELECT v.value, count(*) AS n FROM discovery_text m "
            "CROSS JOIN discovery_rows r ON r.rowid = m.rowid CROSS JOIN json_each(r.facets) f "
            "CROSS JOIN discovery_facet_values v ON v.id = f.value AND v.facet = ? "
            "WHERE discovery_text MATCH ? GROUP BY v.value ORDER BY n DESC LIMIT 20",
            (facet, match),
        ).fetchall()
    return time.perf_counter() - started, total


def lectern(base, key, words):
    q = urllib.parse.quote("any,contains," + words)
    url = f"{base}/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q={q}&limit=10&apikey={key}"
    started = time.perf_counter()
    with urllib.request.urlopen(url) as answer:
        body = json.loads(answer.read())
    return time.perf_counter() - started, body["info"]["total"]


def main():
    database, base, key = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 200
    rng = random.Random(2026)
    db = sqlite3.connect(database)
    facets = ["rtype", "topic", "creator", "lang", "library"]
    queries = query_words(db, count, rng)
    measured = set(queries)
    first = []
    for words in [w for w in query_words(db, warmup, random.Random(99)) if w not in measured]:
        first.append(lectern(base, key, words)[0])
    if first:
        print(f"warm-up: {len(first)} searches of other words on the fresh server: "
              f"p50 {percentile(first, .5) * 1000:.1f} ms, p99 {percentile(first, .99) * 1000:.1f} ms")
    rows = {"lectern": [], "naive": []}
    totals = []
    for words in queries:
        seconds, total = lectern(base, key, words)
        rows["lectern"].append(seconds)
        naive_seconds, naive_total = naive(db, words, facets)
        rows["naive"].append(naive_seconds)
        totals.append((words, total, naive_total))
    print(f"{len(queries)} queries; facets counted by the naive query: {', '.join(facets)}")
    print(f"{'run':<44} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, label in [("lectern", "Lectern GET /primo/v1/search (HTTP)"), ("naive", "naive raw SQL (MATCH, bm25, count, facets)")]:
        values = rows[name]
        print(f"{label:<44} {percentile(values, .5) * 1000:8.1f} {percentile(values, .99) * 1000:8.1f} {max(values) * 1000:8.1f}")
    print(f"ratio naive/Lectern at p99: {percentile(rows['naive'], .99) / percentile(rows['lectern'], .99):.2f}")
    # Lectern leaves stop words out of a search with other words; the naive query does not.
    comparable = [t for t in totals if t[2] <= EXACT_LIMIT and (len(t[0].split()) == 1 or not any(w in STOP_WORDS for w in t[0].split()))]
    equal = sum(1 for _, a, b in comparable if a == b)
    print(f"totals equal to the naive count: {equal} of {len(comparable)} comparable queries (up to {EXACT_LIMIT:,} matches, no stop word left out)")
    large = [t for t in totals if t[1] > EXACT_LIMIT]
    print(f"queries above {EXACT_LIMIT:,} matches (estimated total and facets): {len(large)} of {len(totals)}")
    for label, subset in [("up to", [i for i, t in enumerate(totals) if t[1] <= EXACT_LIMIT]), ("above", [i for i, t in enumerate(totals) if t[1] > EXACT_LIMIT])]:
        if subset:
            values = [rows["lectern"][i] for i in subset]
            print(f"  Lectern, {label} {EXACT_LIMIT:,} matches: p50 {percentile(values, .5) * 1000:.1f} ms, p99 {percentile(values, .99) * 1000:.1f} ms")
    biggest = sorted(totals, key=lambda t: -t[2])[:3]
    print("largest result sets (query, Lectern total, raw total):", "; ".join(f"{w!r} {a} {b}" for w, a, b in biggest))


if __name__ == "__main__":
    main()
