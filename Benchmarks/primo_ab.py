"""Two Lectern servers on one database, each query sent to both, which goes first alternating:
p50 and p99 of each, over all queries and by result size, and the ratio of their p50s. Run by
Benchmarks/primo_ab.sh; standard library only.

    python3 Benchmarks/primo_ab.py DATABASE_FILE QUERIES WARMUP NAME_A URL_A KEY_A NAME_B URL_B KEY_B
"""
import random
import sqlite3
import sys

from primo_latency import EXACT_LIMIT, lectern, percentile, query_words


def main():
    database, count, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    servers = [tuple(sys.argv[4:7]), tuple(sys.argv[7:10])]
    db = sqlite3.connect(database)
    queries = query_words(db, count, random.Random(2026))
    measured = set(queries)
    for words in [w for w in query_words(db, warmup, random.Random(99)) if w not in measured]:
        for _, base, key in servers:
            lectern(base, key, words)
    seconds = [[], []]
    totals = []
    for index, words in enumerate(queries):
        answers = {}
        for server in ([0, 1] if index % 2 == 0 else [1, 0]):
            _, base, key = servers[server]
            answers[server] = lectern(base, key, words)
        for server in (0, 1):
            seconds[server].append(answers[server][0])
        totals.append((words, answers[0][1], answers[1][1]))
    print(f"{'build':<12} {'queries':<24} {'p50 ms':>8} {'p99 ms':>8}")
    for server, (name, _, _) in enumerate(servers):
        for label, chosen in [
            ("all", range(len(queries))),
            (f"up to {EXACT_LIMIT:,} matches", [i for i, t in enumerate(totals) if t[2] <= EXACT_LIMIT]),
            (f"above {EXACT_LIMIT:,} matches", [i for i, t in enumerate(totals) if t[2] > EXACT_LIMIT]),
        ]:
            values = [seconds[server][i] for i in chosen]
            if values:
                print(f"{name:<12} {label:<24} {percentile(values, .5) * 1000:8.1f} {percentile(values, .99) * 1000:8.1f}")
    ratio = percentile(seconds[1], .5) / percentile(seconds[0], .5)
    print(f"p50 ratio {servers[1][0]} / {servers[0][0]}: {ratio:.2f}")
    differing = [t for t in totals if t[1] != t[2]]
    print(f"queries whose totals differ between the builds: {len(differing)}", "; ".join(f"{w!r} {a} {b}" for w, a, b in differing[:5]))


if __name__ == "__main__":
    main()
