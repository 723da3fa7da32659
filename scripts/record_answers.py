#!/usr/bin/env python3
"""Records Lectern's answers to a fixed set of requests, to show that a refactoring changed none.

Run by hand (not in CI), against a server on a new database, once before a change and once
after, with the same --demo-bibs:

    lectern serve --database sqlite:/tmp/rec/db.sqlite --outbox /tmp/rec/out --port 8301 --demo-bibs 300
    python3 scripts/record_answers.py record --base http://127.0.0.1:8301 --log /tmp/rec/serve.log --out before.jsonl
    ... change the code, start a server on another new database ...
    python3 scripts/record_answers.py record --base http://127.0.0.1:8301 --log /tmp/rec2/serve.log --out after.jsonl
    python3 scripts/record_answers.py compare before.jsonl after.jsonl

--log is the file `serve` printed its API keys to. The requests are derived from the server's own
OpenAPI documents (every operation of every area) and from ids read from the demo data: each
GET in XML and JSON, each query parameter with every allowed value and with a value nothing
allows, unknown ids, every key refusal (none, unknown, read-only, guest sandbox), malformed
bodies, and writes (create, update, operations, delete) on objects the script makes. Each answer
is kept as status, content type, the gateway's headers and the body, with what varies from run
to run replaced: tracking ids, the server's address, today's dates and times, the Date header.

`compare` prints every request whose answer differs and exits 1 if any does. The script uses
the Python standard library only and paces itself under the gateway's per-second threshold.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import re
import sys
import time
import urllib.parse

KEPT_HEADERS = ("content-type", "x-exl-api-remaining", "access-control-allow-origin", "location", "allow")


class Recorder:
    def __init__(self, base: str, keys: dict[str, str], rate: float) -> None:
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname or "127.0.0.1", parsed.port or 80
        self.base = base.rstrip("/")
        self.keys = keys
        self.interval = 1.0 / rate
        self.last = 0.0
        self.answers: list[dict] = []
        today = datetime.date.today()
        self.today = [d.isoformat() for d in (today, today - datetime.timedelta(days=1), today + datetime.timedelta(days=1))]

    def send(self, method: str, path: str, key: str | None = "rw", body: bytes | None = None,
             content_type: str | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        wait = self.last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.last = time.monotonic()
        sent = dict(headers or {})
        if key is not None:
            sent["Authorization"] = "apikey " + self.keys.get(key, key)
        if content_type:
            sent["Content-Type"] = content_type
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        kept = {name: response.getheader(name) for name in KEPT_HEADERS if response.getheader(name) is not None}
        connection.close()
        self.answers.append({
            "request": f"{method} {path} key={key} body={len(body or b'')} {content_type or ''}".strip(),
            "status": response.status,
            "headers": {k: self.normalize(v) for k, v in kept.items()},
            "body": self.normalize(data.decode("utf-8", "replace")),
        })
        return response.status, data

    def normalize(self, text: str) -> str:
        text = text.replace(self.base, "BASE").replace(f"{self.host}:{self.port}", "HOST")
        text = re.sub(r"E01-\d+-[A-Z]{5}-AWAE\d+", "TRACKING", text)
        for day in self.today:
            text = re.sub(re.escape(day) + r"(T[0-9:.]+(Z|[+-]\d\d:?\d\d)?)?", "TODAY", text)
            text = text.replace(day.replace("-", ""), "TODAY")
        text = re.sub(r"TODAY\d{6}(\.\d)?", "TODAY", text)
        text = re.sub(r"\d{2}:\d{2}:\d{2}(\.\d+)?", "TIME", text)
        return text

    def get_json(self, path: str) -> dict:
        status, data = self.send("GET", path + ("&" if "?" in path else "?") + "format=json")
        return json.loads(data) if status == 200 else {}


def keys_from_log(path: str) -> dict[str, str]:
    keys = {}
    for line in open(path, encoding="utf-8"):
        for marker, name in (("Guest Sandbox", "guest"), ("read/write", "rw"), ("read-only", "ro")):
            if marker in line and "l7xx" in line:
                keys[name] = line.split()[-1]
    return keys


def sample_ids(r: Recorder) -> dict[str, str]:
    ids: dict[str, str] = {}
    users = r.get_json("/almaws/v1/users?limit=2&order_by=primary_id")
    ids["user_id"] = users["user"][0]["primary_id"]
    hits = json.loads(r.send("GET", "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,history&limit=2")[1])
    doc = hits["docs"][0]
    ids["context"], ids["docid"] = doc["context"], doc["pnx"]["control"]["recordid"][0]
    ids["mms_id"] = doc["pnx"]["display"]["mms"][0] if "mms" in doc["pnx"]["display"] else doc["pnx"]["control"]["sourcerecordid"][0]
    holdings = r.get_json(f"/almaws/v1/bibs/{ids['mms_id']}/holdings")
    ids["holding_id"] = holdings["holding"][0]["holding_id"]
    items = r.get_json(f"/almaws/v1/bibs/{ids['mms_id']}/holdings/{ids['holding_id']}/items")
    ids["item_pid"] = items["item"][0]["item_data"]["pid"]
    ids["barcode"] = items["item"][0]["item_data"]["barcode"]
    libraries = r.get_json("/almaws/v1/conf/libraries")
    ids["libraryCode"] = libraries["library"][0]["code"]
    locations = r.get_json(f"/almaws/v1/conf/libraries/{ids['libraryCode']}/locations")
    ids["locationCode"] = locations["location"][0]["code"]
    desks = r.get_json(f"/almaws/v1/conf/libraries/{ids['libraryCode']}/circ-desks")
    ids["circDeskCode"] = desks["circ_desk"][0]["code"]
    ids["codeTableName"] = "UserGroups"
    researchers = r.get_json("/esploro/v1/researchers?limit=1")
    ids["researcher_id"] = researchers["user"][0]["primary_id"]
    organizations = r.get_json("/esploro/v1/organizations/internal?limit=1")
    ids["code"] = organizations["organization"][0]["code"] if organizations.get("organization") else "X"
    assets = json.loads(r.send("GET", f"/esploro/v1/assets?user_primary_id={ids['researcher_id']}")[1])
    records = assets.get("records") or []
    ids["assetIds"] = records[0]["originalRepository"]["assetId"] if records else "0"
    return ids


def operations(r: Recorder) -> list[tuple[str, str, dict]]:
    found = []
    index = json.loads(r.send("GET", "/openapi", key=None)[1])
    for api in index["apis"]:
        document = json.loads(r.send("GET", api["url"], key=None)[1])
        for path, methods in sorted(document["paths"].items()):
            for method, operation in sorted(methods.items()):
                if isinstance(operation, dict) and "responses" in operation:
                    found.append((method.upper(), path, operation))
    return found


def fill(path: str, ids: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name == "user_id" and path.startswith("/esploro"):
            name = "researcher_id"
        return urllib.parse.quote(ids.get(name, "unknown"), safe="")
    return re.sub(r"\{([^}]+)\}", value, path)


def record_reads(r: Recorder, ops: list[tuple[str, str, dict]], ids: dict[str, str]) -> None:
    primo = "vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,history"
    for method, template, operation in ops:
        if method != "GET":
            continue
        path = fill(template, ids)
        base_query = primo if template in ("/primo/v1/search", "/primo/v1/pnxs") else ""
        if template == "/esploro/v1/assets":
            base_query = f"user_primary_id={ids['researcher_id']}"
        if template == "/almaws/v1/bibs":
            base_query = f"mms_id={ids['mms_id']}"
        if template == "/almaws/v1/items":
            base_query = f"item_barcode={urllib.parse.quote(ids['barcode'])}"
        joined = lambda extra: path + "?" + "&".join(p for p in (base_query, extra) if p)
        r.send("GET", joined(""))
        r.send("GET", joined("format=json"))
        r.send("GET", joined(""), headers={"Accept": "application/json"})
        r.send("GET", joined("format=json&lang=de"), key="unknown-key-l7xx0000")
        r.send("GET", joined(""), key=None)
        r.send("GET", joined(""), key="guest")
        if "{" in template:
            r.send("GET", re.sub(r"\{[^}]+\}$", "nosuchid999", template) if template.endswith("}") else path + "/nosuchid999")
            r.send("GET", re.sub(r"\{[^}]+\}$", "nosuchid999", template) + "?format=json" if template.endswith("}") else path + "x?format=json")
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query" or parameter["name"] in ("format", "lang"):
                continue
            schema = parameter.get("schema", {})
            values = list(schema.get("enum", [])) + ["bogus", "-1", "99999"]
            for value in values:
                r.send("GET", joined(f"{parameter['name']}={urllib.parse.quote(str(value))}&format=json"))


def record_lists(r: Recorder, ids: dict[str, str]) -> None:
    for query in ("q=last_name~a", "q=primary_id~" + ids["user_id"], "q=first_name~ca%20AND%20last_name~al", "q=email~nobody",
                  "limit=3&offset=5", "limit=0", "limit=101", "offset=-1", "order_by=first_name&direction=DESC&limit=4",
                  "q=garbage", "q=last_name~", "expand=full&limit=2", "q=ALL~smith&limit=3"):
        r.send("GET", "/almaws/v1/users?" + query)
        r.send("GET", "/almaws/v1/users?format=json&" + query)
        r.send("GET", "/esploro/v1/researchers?format=json&" + query)
    for query in ("q=title,contains,history", "q=any,exact,history&sort=title", "q=any,contains,the&limit=5&offset=10",
                  "q=any,contains,history&qInclude=facet_rtype,exact,books", "q=any,contains,history&multiFacets=facet_lang,exclude,eng",
                  "q=any,contains,(((", "q=", "q=any,contains,history&limit=0", "q=any,contains,history&limit=5000",
                  "q=any,contains,history&offset=-3", "q=creator,begins_with,a&sort=date", "q=any,contains,history&vid=NOPE"):
        r.send("GET", "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&" + query)
    for query in ("doi=10.1/x", "open_access=yes", "org_code=" + ids["code"], "update_date_from=2020-01-01&limit=3",
                  "update_date_from=notadate", "limit=5000&open_access=no", "offset=-1&open_access=yes"):
        r.send("GET", "/esploro/v1/assets?" + query)


def record_writes(r: Recorder, ids: dict[str, str]) -> None:
    xml, json_type = "application/xml", "application/json"
    user = f"/almaws/v1/users/{ids['user_id']}"
    _, user_xml = r.send("GET", user)
    _, user_json = r.send("GET", user + "?format=json")
    r.send("PUT", user, body=user_xml, content_type=xml)
    r.send("PUT", user + "?format=json", body=user_json, content_type=json_type)
    r.send("PUT", user, body=user_xml, content_type=xml, key="ro")
    r.send("PUT", user, body=user_xml, content_type=xml, key="guest")
    created = json.loads(user_json)
    created["primary_id"] = "recorder-user-1"
    created.pop("user_identifier", None)
    created.pop("contact_info", None)
    r.send("POST", "/almaws/v1/users?format=json", body=json.dumps(created).encode(), content_type=json_type)
    r.send("POST", "/almaws/v1/users?format=json", body=json.dumps(created).encode(), content_type=json_type)
    r.send("GET", "/almaws/v1/users/recorder-user-1?format=json")
    r.send("POST", "/almaws/v1/users/recorder-user-1?op=auth", headers={"Exl-User-Pw": "wrong"})
    r.send("POST", "/almaws/v1/users/recorder-user-1?op=bogus")
    r.send("DELETE", "/almaws/v1/users/recorder-user-1")
    r.send("DELETE", "/almaws/v1/users/recorder-user-1")
    for body, content_type in ((b"", xml), (b"<user><primary_id>x", xml), (b"<other/>", xml), (b"{\"primary_id\": 5}", json_type),
                               (b"[]", json_type), (b"<user/>", json_type), (b"<?pi?><user/>", xml)):
        r.send("POST", "/almaws/v1/users", body=body, content_type=content_type)
        r.send("PUT", user + "?format=json", body=body, content_type=content_type)
    bib = f"/almaws/v1/bibs/{ids['mms_id']}"
    _, bib_xml = r.send("GET", bib)
    r.send("PUT", bib, body=bib_xml, content_type=xml)
    status, new_bib = r.send("POST", "/almaws/v1/bibs?format=json", body=bib_xml, content_type=xml)
    new_mms = json.loads(new_bib).get("mms_id") if status == 200 else None
    holdings = f"{bib}/holdings/{ids['holding_id']}"
    _, holding_xml = r.send("GET", holdings)
    r.send("PUT", holdings, body=holding_xml, content_type=xml)
    item = f"{holdings}/items/{ids['item_pid']}"
    _, item_json = r.send("GET", item + "?format=json")
    r.send("PUT", item + "?format=json", body=item_json, content_type=json_type)
    r.send("POST", item + f"?op=scan&library={ids['libraryCode']}&circ_desk={ids['circDeskCode']}&format=json")
    r.send("POST", item + "?op=scan&format=json")
    if new_mms:
        status, new_holding = r.send("POST", f"/almaws/v1/bibs/{new_mms}/holdings?format=json", body=holding_xml, content_type=xml)
        holding_id = json.loads(new_holding).get("holding_id") if status == 200 else "none"
        item_body = json.loads(item_json)
        item_body["item_data"].pop("pid", None)
        item_body["item_data"]["barcode"] = "RECORDER-BARCODE-1"
        status, new_item = r.send("POST", f"/almaws/v1/bibs/{new_mms}/holdings/{holding_id}/items?format=json",
                                  body=json.dumps(item_body).encode(), content_type=json_type)
        new_pid = json.loads(new_item).get("item_data", {}).get("pid") if status == 200 else "none"
        r.send("GET", "/almaws/v1/items?item_barcode=RECORDER-BARCODE-1")
        r.send("DELETE", f"/almaws/v1/bibs/{new_mms}")
        r.send("DELETE", f"/almaws/v1/bibs/{new_mms}/holdings/{holding_id}/items/{new_pid}?holdings=delete&bib=delete")
        r.send("GET", f"/almaws/v1/bibs/{new_mms}")
    researcher = f"/esploro/v1/researchers/{ids['researcher_id']}"
    _, researcher_json = r.send("GET", researcher + "?format=json")
    r.send("PUT", researcher + "?format=json", body=researcher_json, content_type=json_type)
    asset = f"/esploro/v1/assets/{ids['assetIds']}"
    _, asset_json = r.send("GET", asset)
    records = json.loads(asset_json).get("records") or [{}]
    r.send("PUT", asset, body=json.dumps({"records": records[:1]}).encode(), content_type=json_type)
    r.send("POST", asset + "?op=patch&action=add", body=b'{"records":[{"keywords":["recorded"]}]}', content_type=json_type)
    r.send("POST", asset + "?op=patch&action=replace", body=b'{"records":[{"title":"Recorded title"}]}', content_type=json_type)
    r.send("POST", asset + "?op=patch&action=nope", body=b'{}', content_type=json_type)
    r.send("POST", "/esploro/v1/assets?is_draft=true", body=json.dumps({"records": records[:1]}).encode(), content_type=json_type)
    r.send("POST", "/esploro/v1/assets", body=b"{", content_type=json_type)
    r.send("POST", "/esploro/v1/assets", body=b"<records/>", content_type=xml)
    r.send("GET", asset)
    r.send("PATCH", user)
    r.send("GET", "/almaws/v1/nosucharea/1")
    r.send("GET", "/almaws/v1/users/a/b/c/d")
    r.send("GET", "/primo/v1/nosuch")
    r.send("GET", "/esploro/v1/nosuch")
    r.send("OPTIONS", "/primo/v1/search", key=None, headers={"Origin": "http://x", "Access-Control-Request-Method": "GET"})


def record(args: argparse.Namespace) -> int:
    r = Recorder(args.base, keys_from_log(args.log), args.rate)
    ids = sample_ids(r)
    ops = operations(r)
    record_reads(r, ops, ids)
    record_lists(r, ids)
    record_writes(r, ids)
    with open(args.out, "w", encoding="utf-8") as out:
        for answer in r.answers:
            out.write(json.dumps(answer, sort_keys=True) + "\n")
    statuses: dict[int, int] = {}
    for answer in r.answers:
        statuses[answer["status"]] = statuses.get(answer["status"], 0) + 1
    print(f"{len(r.answers)} answers recorded in {args.out}; by status: {dict(sorted(statuses.items()))}")
    return 0


def compare(args: argparse.Namespace) -> int:
    before = [json.loads(line) for line in open(args.before, encoding="utf-8")]
    after = [json.loads(line) for line in open(args.after, encoding="utf-8")]
    differences = 0
    if len(before) != len(after):
        print(f"{len(before)} answers before, {len(after)} after")
        differences += 1
    for old, new in zip(before, after):
        if old != new:
            differences += 1
            print(f"- {old['request']}\n    before: {old['status']} {old['headers']} {old['body'][:300]}\n"
                  f"    after:  {new['status']} {new['headers']} {new['body'][:300]}")
    print(f"{min(len(before), len(after))} answers compared, {differences} differ")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record")
    recording.add_argument("--base", required=True)
    recording.add_argument("--log", required=True, help="the file serve printed its API keys to")
    recording.add_argument("--out", required=True)
    recording.add_argument("--rate", type=float, default=15.0, help="requests per second (the gateway allows 25)")
    comparing = commands.add_parser("compare")
    comparing.add_argument("before")
    comparing.add_argument("after")
    args = parser.parse_args()
    return record(args) if args.command == "record" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
