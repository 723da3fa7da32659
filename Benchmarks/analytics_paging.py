"""Times one report read in pages by resumption token, for Benchmarks/analytics.sh:
python3 analytics_paging.py BASE_URL KEY REPORT_PATH LIMIT RUNS.

Each run asks for the first page (the report is computed then), then follows the token to the
end, one call at a time over one keep-alive connection, and checks that every row came once.
Beside it, in the same run, a user GET and a small aggregate report as yardsticks. Prints the
time to the first page, the per-page p50 and max, and the yardsticks' p50."""
import http.client
import statistics
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

base, key, report, limit, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
headers = {"Authorization": f"apikey {key}", "Accept": "application/xml"}
ROWSET = "{urn:schemas-microsoft-com:xml-analysis:rowset}"


def call(path):
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    assert response.status == 200, (path, response.status, payload[:300])
    return time.perf_counter() - started, payload


def page(parameters):
    elapsed, payload = call("/almaws/v1/analytics/reports?" + urllib.parse.urlencode(parameters))
    result = ET.fromstring(payload).find("QueryResult")
    rows = result.findall(f"ResultXml/{ROWSET}rowset/{ROWSET}Row")
    token = result.findtext("ResumptionToken")
    return elapsed, [row.findtext(f"{ROWSET}Column1") for row in rows], token, result.findtext("IsFinished")


def ms(seconds):
    return seconds * 1000


_, payload = call("/almaws/v1/users?limit=1&format=json")
user = payload.decode().split('"primary_id":"', 1)[1].split('"', 1)[0]
for run in range(runs):
    first, rows, token, finished = page({"path": report, "limit": limit})
    per_page = []
    while finished == "false":
        elapsed, more, _, finished = page({"token": token})
        per_page.append(elapsed)
        rows += more
    assert len(rows) == len(set(rows)), "a row came twice"
    yardstick = [call(f"/almaws/v1/users/{urllib.parse.quote(user)}")[0] for _ in range(50)]
    small = [call("/almaws/v1/analytics/reports?" + urllib.parse.urlencode(
        {"path": report.rsplit("/", 2)[0] + "/Fulfillment/Fines and fees by status"}))[0] for _ in range(10)]
    print(f"run {run + 1}: {len(rows)} rows in {len(per_page) + 1} pages of {limit}: first page {ms(first):.0f} ms, "
          f"next pages p50 {ms(statistics.median(per_page)) if per_page else 0:.1f} ms (max {ms(max(per_page)) if per_page else 0:.1f} ms), "
          f"all pages {ms(first + sum(per_page)):.0f} ms; user GET p50 {ms(statistics.median(yardstick)):.2f} ms, "
          f"small report p50 {ms(statistics.median(small)):.1f} ms")
