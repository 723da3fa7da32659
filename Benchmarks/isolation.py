#!/usr/bin/env python3
"""One institution's costly queries against another's cheap calls: B's latency with and without A.

    Benchmarks/isolation.py --base http://127.0.0.1:PORT --key-a KEY_A --key-b KEY_B --user-b ID [--seconds 20]

Institution B reads one of its users (`GET /almaws/v1/users/{id}`) 20 times a second, first alone,
then while institution A sends the most expensive queries its keys allow at its per-second limit
(25 a second): brief searches of 30 prefix terms over every field, Primo searches for the commonest
words with every facet, deep pages. Prints B's p50/p99/max in both phases and what A's queries
answered (a refusal for taking too long is a documented 400). Standard library only; by hand.
"""
import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

COSTLY = [
    "/almaws/v1/users?limit=100&q=" + urllib.parse.quote(" OR ".join(f"ALL~{c}*" for c in "abcdefghijklmnopqrstuvwxyz0123")),
    "/almaws/v1/users?limit=100&offset=200&q=" + urllib.parse.quote(" OR ".join(f"last_name~{c}*" for c in "abcdefghijklmnopqrstuvwxyz0123")),
    "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&limit=50&offset=1950&q=any,contains,the",
    "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&limit=50&sort=title&q=any,begins_with,a",
    "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&limit=50&q="
    + urllib.parse.quote("any,contains,history OR science OR the OR of OR and,OR;title,contains,a* OR e* OR i*"),
]


def call(base, path, key):
    """Status and seconds of one GET."""
    request = urllib.request.Request(base + path, headers={"Authorization": f"apikey {key}", "Accept": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, time.perf_counter() - started


def paced(rate, seconds, action, stop=None):
    """Runs `action()` `rate` times a second for `seconds`, each in its own thread; joins them."""
    threads = []
    started = time.perf_counter()
    count = int(rate * seconds)
    for index in range(count):
        wait = started + index / rate - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        if stop is not None and stop.is_set():
            break
        thread = threading.Thread(target=action, daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(60)


def measure_b(args):
    latencies, statuses = [], []
    lock = threading.Lock()

    def one():
        status, seconds = call(args.base, f"/almaws/v1/users/{args.user_b}", args.key_b)
        with lock:
            latencies.append(seconds * 1000)
            statuses.append(status)

    paced(20, args.seconds, one)
    return latencies, statuses


def summary(latencies):
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms, max {ordered[-1]:.1f} ms ({len(ordered)} calls)"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True)
    parser.add_argument("--key-a", required=True)
    parser.add_argument("--key-b", required=True)
    parser.add_argument("--user-b", required=True)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()

    alone, alone_statuses = measure_b(args)
    a_results = []
    lock = threading.Lock()
    counter = iter(range(10**9))

    def costly():
        path = COSTLY[next(counter) % len(COSTLY)]
        status, seconds = call(args.base, path, args.key_a)
        with lock:
            a_results.append((path.split("?")[0], status, seconds * 1000))

    load = threading.Thread(target=paced, args=(25, args.seconds + 2, costly), daemon=True)
    load.start()
    time.sleep(1)
    loaded, loaded_statuses = measure_b(args)
    load.join(120)

    print(f"B alone:            {summary(alone)}; statuses {sorted(set(alone_statuses))}")
    print(f"B beside A's load:  {summary(loaded)}; statuses {sorted(set(loaded_statuses))}")
    by_path = {}
    for path, status, ms in a_results:
        by_path.setdefault(path, []).append((status, ms))
    for path, results in sorted(by_path.items()):
        statuses = sorted({status for status, _ in results})
        print(f"A {path}: {summary([ms for _, ms in results])}; statuses {statuses}")
    print(json.dumps({"b_alone_p99_ms": round(sorted(alone)[int(len(alone) * 0.99)], 1),
                      "b_loaded_p99_ms": round(sorted(loaded)[int(len(loaded) * 0.99)], 1)}))


if __name__ == "__main__":
    main()
