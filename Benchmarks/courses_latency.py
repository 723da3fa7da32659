"""Times the courses API one call at a time over one keep-alive connection, for
Benchmarks/courses.sh: python3 courses_latency.py BASE_URL KEY ROUNDS LABEL.

Each round makes every kind of call once: the default course list, a word search, an exact code
search, a status filter, a course with view=full, a reading list's citations, a course created,
and a user GET as the yardstick. Prints one line per call kind (p50, p99) and a machine-readable
line of p50s for the script to compare sizes."""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

base, key, rounds, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"apikey {key}", "Accept": "application/json", "Content-Type": "application/json"}


def call(method, path, body=None):
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    assert response.status == 200, (path, response.status, payload[:300])
    return time.perf_counter() - started, payload


_, payload = call("GET", "/almaws/v1/courses?limit=0")
total = json.loads(payload)["total_record_count"]
_, payload = call("GET", "/almaws/v1/courses?q=code~BIO101&exact_search=true&limit=1")
course = json.loads(payload)["course"][0]["id"]
_, payload = call("GET", f"/almaws/v1/courses/{course}/reading-lists")
reading_list = json.loads(payload)["reading_list"][0]["id"]
_, payload = call("GET", "/almaws/v1/users?limit=1")
user = json.loads(payload)["user"][0]["primary_id"]

calls = {
    "list (code,section)": lambda i: ("GET", "/almaws/v1/courses?limit=10", None),
    "q=name~biology": lambda i: ("GET", "/almaws/v1/courses?q=name~biology&limit=10", None),
    "exact code": lambda i: ("GET", "/almaws/v1/courses?q=code~BIO101&exact_search=true", None),
    "status=INACTIVE": lambda i: ("GET", "/almaws/v1/courses?status=INACTIVE&limit=10", None),
    "course view=full": lambda i: ("GET", f"/almaws/v1/courses/{course}?view=full", None),
    "citations": lambda i: ("GET", f"/almaws/v1/courses/{course}/reading-lists/{reading_list}/citations", None),
    "create course": lambda i: ("POST", "/almaws/v1/courses", json.dumps(
        {"code": f"B{uuid.uuid4().hex[:10]}", "name": "Bench", "status": "ACTIVE", "instructor": [{"primary_id": user}]})),
    "user GET": lambda i: ("GET", f"/almaws/v1/users/{user}", None),
}
times = {name: [] for name in calls}
for i in range(rounds):
    for name, make in calls.items():
        method, path, body = make(i)
        elapsed, _ = call(method, path, body)
        times[name].append(elapsed)

percentile = lambda values, q: sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000
print(f"== {label}: {total} courses, {rounds} rounds")
for name, values in times.items():
    print(f"{name:<22} p50 {percentile(values, 0.5):7.2f} ms  p99 {percentile(values, 0.99):7.2f} ms  mean {statistics.mean(values) * 1000:7.2f} ms")
print("P50S " + json.dumps({name: percentile(values, 0.5) for name, values in times.items()}))
