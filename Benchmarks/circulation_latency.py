"""Times checkouts, returns and user GETs one call at a time over one keep-alive connection, for
Benchmarks/circulation.sh: python3 circulation_latency.py DATABASE BASE_URL KEY ROUNDS.

Each round lends an item that is in place to a user who may borrow, reads a user, and scans the
item back in at its own library's desk, so the item is in place again for a later round."""
import http.client
import json
import re
import sqlite3
import statistics
import sys
import time
import urllib.parse

database, base, key, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"apikey {key}", "Accept": "application/json", "Content-Type": "application/json"}

db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
tenant = "DEMO/sandbox"
loans = db.execute("SELECT count(*) FROM documents WHERE tenant = ? AND kind = 'loan'", (tenant,)).fetchone()[0]
active = set(row[0] for row in db.execute(
    "SELECT key_value FROM document_keys WHERE tenant = ? AND kind = 'loan' AND key_type = 'ACTIVE_ITEM'", (tenant,)))
items = []
for pid, mms, holding, body in db.execute(
        "SELECT id, parent, json_extract(fields, '$.holding_id'), body FROM documents WHERE tenant = ? AND kind = 'item'", (tenant,)):
    data = body[body.find("<item_data>"):]
    library = re.search(r"<library[^>]*>(\w+)</library>", data)
    in_place = "<base_status>1</base_status>" in data or re.search(r'<base_status[^>]*>1</base_status>', data)
    process = re.search(r"<process_type[^>]*>(\w+)</process_type>", data)
    if pid not in active and in_place and not process and library:
        items.append((pid, mms, holding, library.group(1)))
users = [urllib.parse.quote(row[0], safe="") for row in db.execute(
    "SELECT id FROM documents WHERE tenant = ? AND kind = 'user' AND body LIKE '%<user_group%>UNDERGRAD</user_group>%'", (tenant,))]
db.close()


def call(method, path, body=None):
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    return time.perf_counter() - started, response.status, payload


desk = json.dumps({"circ_desk": {"value": "DEFAULT_CIRC_DESK"}, "library": {"value": "MAIN"}})
checkout, checkin, user_get = [], [], []
refused = 0
round_index = 0
while len(checkout) < rounds and round_index < rounds * 5:
    pid, mms, holding, library = items[round_index % len(items)]
    user = users[round_index % len(users)]
    round_index += 1
    elapsed, status, payload = call("POST", f"/almaws/v1/users/{user}/loans?item_pid={pid}", desk)
    if status != 200:
        refused += 1
        continue
    checkout.append(elapsed)
    elapsed, status, _ = call("GET", f"/almaws/v1/users/{users[(round_index * 7) % len(users)]}")
    assert status == 200
    user_get.append(elapsed)
    elapsed, status, payload = call(
        "POST", f"/almaws/v1/bibs/{mms}/holdings/{holding}/items/{pid}?op=scan&library={library}&circ_desk=DEFAULT_CIRC_DESK")
    assert status == 200, payload[:300]
    checkin.append(elapsed)


def summary(name, values):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))] * 1000
    return f"{name:<22} n={len(values):5d}  p50 {p(0.50):7.2f} ms  p90 {p(0.90):7.2f} ms  p99 {p(0.99):7.2f} ms  mean {statistics.mean(values) * 1000:7.2f} ms"


print(f"Circulation latency: {loans} loans in the database, {len(items)} items in place, {len(users)} borrowers; "
      f"{len(checkout)} rounds, {refused} lends refused (blocked users)")
print(summary("checkout (POST loans)", checkout))
print(summary("return (POST op=scan)", checkin))
print(summary("user GET", user_get))
p99 = lambda values: sorted(values)[min(len(values) - 1, int(0.99 * len(values)))]
print(f"p99 ratio checkout/user GET {p99(checkout) / p99(user_get):.1f}, return/user GET {p99(checkin) / p99(user_get):.1f}")
