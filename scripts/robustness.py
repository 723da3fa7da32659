#!/usr/bin/env python3
"""Hostile traffic against a running Lectern server, and what every answer must be.

Run by hand (not in CI), against a server on this machine only:

    lectern serve --database sqlite:/tmp/robust/db.sqlite --outbox /tmp/robust/outbox --port 8181 --demo-bibs 200
    python3 scripts/robustness.py --base http://127.0.0.1:8181 --key l7xx... [--requests 3000] [--seed 1]

KEY is the "Sandbox read/write, all areas" key that `serve` prints on a new database. The script
uses the Python standard library only. It first reads real ids (users, bibs, holdings, items,
PNX records, researchers, assets), then sends --requests seeded-random malformed requests:

- paths: %00, %01, %FF, overlong (3,000 character) segments, `..`, double slashes, unicode;
- query parameters: limit=-1, limit=99999999999999999999, offset=abc, brief searches of 0..60
  terms, unbalanced operators, q= of 20,000 characters, format=weird, lang=xx, repeated names;
  Primo's q, qInclude, multiFacets, offset, limit, sort, vid, tab and scope;
- bodies: truncated or garbage XML, DOCTYPE and entities (billion laughs, an external entity),
  10,000 levels of nesting, JSON of wrong types, strings up to 9 MB, \\u0000 escapes, invalid
  UTF-8, wrong or missing content types;
- keys: none, malformed, unknown, in the header and in the query;
- methods: PUT, DELETE, POST, PATCH and others on GET-only paths;
- portal pages: login?next=..., signup and login POSTs with garbage forms.

It checks that:

- the server stays up: GET /almaws/v1/users/operation/test answers 200 every --health-every
  requests;
- every answer is documented: no status >= 500 except the 500 GENERAL_ERROR of a request
  without any key (503 is never expected: the script does not switch maintenance on); an API
  error is a `web_service_result` in XML or JSON (`{"errorsExist":true,...}`) with an errorCode;
  Primo and Esploro assets answer JSON (the assets API also for its errors, gateway refusals
  excepted: those are always XML); a body parses as its Content-Type says; no answer echoes
  /etc/passwd (external entities) or an injected header, and no portal page reflects markup
  unescaped;
- a refused write changes nothing: before a hostile PUT, POST or DELETE aimed at a user, bib,
  holding, item, researcher or asset the object is read, and after a 4xx it is read again and
  must be the same, tracking ids aside (a write that is accepted is listed, not judged);
- every answer comes within --time-limit seconds (2).

Requests are sent one at a time, paced to --rate per second (20, under the gateway's 25 per
second per institution). The summary gives the requests sent, the answers by status, the
violations (method, path prefix, status, the first 200 characters of the body), the slowest
answer and whether the server stayed up. The exit status is 1 if there was any violation.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import http.client
import ipaddress
import json
import random
import re
import select
import socket
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ElementTree

# --------------------------------------------------------------------------------------------
# The wire

HEALTH_PATH = "/almaws/v1/users/operation/test"

# Refusals by the gateway, always answered in XML whatever the API (WIRE.md section 5).
GATEWAY_CODES = {
    "GENERAL_ERROR", "UNAUTHORIZED", "INVALID_REQUEST", "PER_SECOND_THRESHOLD",
    "DAILY_THRESHOLD", "REQUEST_TOO_LARGE", "FORBIDDEN", "ROUTING_ERROR",
}

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"}


@dataclasses.dataclass
class Request:
    """One request, its target and headers as raw bytes so that anything can be sent."""

    method: str
    target: bytes
    kind: str
    headers: list[tuple[str, bytes]] = dataclasses.field(default_factory=list)
    body: bytes = b""
    key: str = "valid"  # valid | none | malformed | unknown: how the API key was sent
    guard: str | None = None  # the object a refused write must leave unchanged

    @property
    def path(self) -> str:
        return self.target.split(b"?", 1)[0].decode("latin-1")

    @property
    def is_valid_http(self) -> bool:
        """Whether an HTTP/1.1 parser must pass it on: a known method, a target of visible ASCII
        (RFC 3986), header values without control characters (RFC 9110)."""
        if self.method not in KNOWN_METHODS or self.method == "CONNECT":
            return False
        if any(byte < 0x21 or byte > 0x7E for byte in self.target):
            return False
        return not any(byte < 0x20 and byte != 0x09 or byte == 0x7F for _, value in self.headers for byte in value)


@dataclasses.dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").lower()


class Client:
    """Sends one request per connection, paced, and reads the answer with http.client."""

    def __init__(self, base: str, rate: float, timeout: float):
        url = urllib.parse.urlsplit(base)
        if not ipaddress.ip_address(socket.gethostbyname(url.hostname or "")).is_loopback:
            sys.exit(f"refusing to send hostile traffic to {url.hostname}: loopback only")
        self.host, self.port = url.hostname, url.port or 80
        self.interval = 1.0 / rate
        self.timeout = timeout
        self.last = 0.0
        self.sent = 0

    def send(self, request: Request) -> Answer | None:
        """The answer, or None when the server did not answer at all."""
        self._pace()
        self.sent += 1
        started = time.monotonic()
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
                self._write(sock, request)
                response = http.client.HTTPResponse(sock, method=request.method)
                response.begin()
                body = response.read()
                return Answer(response.status, response.headers, body, time.monotonic() - started)
        except (OSError, http.client.HTTPException):
            return None

    def _write(self, sock: socket.socket, request: Request) -> None:
        lines = [request.method.encode() + b" " + request.target + b" HTTP/1.1", f"Host: {self.host}:{self.port}".encode()]
        lines += [name.encode() + b": " + value for name, value in request.headers]
        if request.body or request.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(request.body)}".encode())
        lines.append(b"Connection: close")
        data = memoryview(b"\r\n".join(lines) + b"\r\n\r\n" + request.body)
        deadline = time.monotonic() + self.timeout
        while data and time.monotonic() < deadline:
            readable, writable, _ = select.select([sock], [sock], [], deadline - time.monotonic())
            if readable:
                return  # answered (or closed) before reading the whole body: read the answer
            if writable:
                try:
                    data = data[sock.send(data[: 1 << 16]):]
                except OSError:
                    return

    def _pace(self) -> None:
        wait = self.last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.last = time.monotonic()


def quote(text: str) -> str:
    """Percent-encodes everything but the unreserved characters."""
    return urllib.parse.quote(text, safe="")


# --------------------------------------------------------------------------------------------
# Error bodies

def error_code(answer: Answer) -> str | None:
    """The errorCode of a `web_service_result`, XML or JSON; None if the body is not one."""
    text = answer.body.strip()
    if text.startswith(b"<"):
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError:
            return None
        if not root.tag.endswith("web_service_result"):
            return None
        code = root.find(".//{*}errorCode")
        return code.text if code is not None and code.text else None
    try:
        document = json.loads(text)
        error = document["errorList"]["error"]
        error = error[0] if isinstance(error, list) else error
        return error["errorCode"] if document["errorsExist"] is True and error["errorCode"] else None
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def parses_as_declared(answer: Answer) -> bool:
    """Whether a JSON or XML body parses as its Content-Type says."""
    if not answer.body:
        return True
    try:
        if "json" in answer.content_type:
            json.loads(answer.body)
        elif "xml" in answer.content_type:
            ElementTree.fromstring(answer.body)
    except (ValueError, ElementTree.ParseError):
        return False
    return True


def without_tracking_ids(body: bytes) -> bytes:
    body = re.sub(rb"<trackingId>[^<]*</trackingId>", b"", body)
    return re.sub(rb'"trackingId"\s*:\s*"[^"]*"', b"", body)


def area(path: str) -> str:
    path = re.sub("/+", "/", path)  # the router reads "//" as "/"
    for prefix, name in (("/esploro/v1/assets", "assets"), ("/esploro/", "esploro"), ("/primo/", "primo"),
                         ("/almaws/", "alma"), ("/portal", "portal"), ("/openapi", "openapi")):
        if path.startswith(prefix):
            return name
    return "other"


# --------------------------------------------------------------------------------------------
# What every answer must be

def refused_as_invalid_http(request: Request, answer: Answer) -> bool:
    """An answer without a body to a request that is not valid HTTP/1.1: the HTTP layer's own 400
    (the request never reaches Lectern), or an answer to CONNECT, whose body HTTP drops."""
    return not request.is_valid_http and not answer.body and (answer.status < 500 or request.key == "none")


def problems(request: Request, answer: Answer, time_limit: float) -> list[str]:
    """What is wrong with an answer; empty when nothing is."""
    found = []
    if answer.seconds > time_limit:
        found.append(f"slow answer ({answer.seconds:.2f} s)")
    if refused_as_invalid_http(request, answer):
        return found
    found += status_problems(request, answer)
    if not parses_as_declared(answer):
        found.append(f"body does not parse as its Content-Type ({answer.content_type})")
    found += body_problems(request, answer)
    found += leak_problems(request, answer)
    return found


def status_problems(request: Request, answer: Answer) -> list[str]:
    if answer.status == 500 and request.key == "none" and (request.method == "HEAD" or error_code(answer) == "GENERAL_ERROR"):
        return []  # the documented answer to a request without any key (whose body HEAD leaves out)
    if answer.status >= 500:
        return [f"server error {answer.status}"]
    return []


def body_problems(request: Request, answer: Answer) -> list[str]:
    where = area(request.path)
    if where == "portal":
        page = answer.status >= 400 or answer.status == 200 and "/portal/assets/" not in request.path
        return ["portal answer is not an HTML page"] if page and request.method != "HEAD" and "text/html" not in answer.content_type else []
    if request.method == "HEAD":
        return []
    if where == "openapi" and answer.status == 404:
        return [] if b'"error"' in answer.body and "json" in answer.content_type else ["OpenAPI 404 is not its JSON error"]
    if answer.status >= 400:
        code = error_code(answer)
        if code is None:
            return ["error body is not a web_service_result with an errorCode"]
        if where == "assets" and "json" not in answer.content_type and code not in GATEWAY_CODES:
            return [f"assets error {code} is not JSON"]
        return []
    if where in ("primo", "assets") and answer.body and "json" not in answer.content_type and request.method != "OPTIONS":
        return ["Primo or assets answer is not JSON"]
    return []


def leak_problems(request: Request, answer: Answer) -> list[str]:
    found = []
    if b"root:x:0:0" in answer.body:
        found.append("answer holds /etc/passwd (external entity resolved)")
    if any(name.lower() == "x-injected" for name in answer.headers.keys()):
        found.append("header injected through a parameter")
    if b"<script>alert(" in answer.body and "html" in answer.content_type:
        found.append("markup reflected unescaped")
    location = answer.headers.get("Location") or ""
    if area(request.path) == "portal" and location and not location.startswith("/portal"):
        found.append(f"portal redirects outside the portal ({location[:80]})")
    return found


# --------------------------------------------------------------------------------------------
# Real ids, read before the attack

@dataclasses.dataclass
class Fixtures:
    users: list[str]
    bibs: list[str]
    holdings: list[tuple[str, str]]  # (mms_id, holding_id)
    items: list[tuple[str, str, str, str]]  # (mms_id, holding_id, item_pid, barcode)
    pnx: list[str]
    researchers: list[str]
    assets: list[str]


def read_fixtures(client: Client, key: str) -> Fixtures:
    def get(path: str, required: bool = True) -> dict:
        separator = "&" if "?" in path else "?"
        answer = client.send(Request("GET", f"{path}{separator}format=json&apikey={key}".encode(), "fixture"))
        if answer is None or answer.status != 200:
            if required:
                sys.exit(f"cannot read {path}: {answer.status if answer else 'no answer'}")
            return {}
        return json.loads(answer.body)

    users = [u["primary_id"] for u in get("/almaws/v1/users?limit=20")["user"]]
    search = get("/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,history&limit=20")
    pnx = [d["pnx"]["control"]["recordid"][0] for d in search["docs"]]
    found = [d["pnx"]["control"]["sourcerecordid"][0] for d in search["docs"] if d["pnx"]["control"]["sourceid"] == "alma"]
    bibs = [mms_id for mms_id in found if get(f"/almaws/v1/bibs/{mms_id}", required=False)]  # assets are found too
    holdings, items = [], []
    for mms_id in bibs[:4]:
        for holding in get(f"/almaws/v1/bibs/{mms_id}/holdings").get("holding", []):
            holdings.append((mms_id, holding["holding_id"]))
            for item in get(f"/almaws/v1/bibs/{mms_id}/holdings/{holding['holding_id']}/items").get("item", []):
                items.append((mms_id, holding["holding_id"], item["item_data"]["pid"], item["item_data"]["barcode"]))
    researchers = [u["primary_id"] for u in get("/esploro/v1/researchers?limit=10")["user"]]
    records = get("/esploro/v1/assets?org_code=DEPT_CS&limit=10")["records"]
    assets = [r["originalRepository"]["assetId"] for r in records]
    return Fixtures(users, bibs, holdings, items, pnx, researchers, assets)


# --------------------------------------------------------------------------------------------
# Hostile pieces

def hostile_segment(rng: random.Random, segment: str) -> str:
    """A path segment (already encoded) spoiled one way or another."""
    return rng.choice([
        lambda: segment + "%00",
        lambda: segment + "%00xyz",
        lambda: "%01" + segment,
        lambda: segment + "%FF",
        lambda: segment + "%C0%AF",
        lambda: "A" * 3000,
        lambda: segment + "x" * 3000,
        lambda: "..",
        lambda: segment + "/..",
        lambda: "%2e%2e",
        lambda: segment + "%2F..%2F..",
        lambda: segment + "//",
        lambda: "/" + segment,
        lambda: "",
        lambda: quote("é🙂\u202e" + segment),
        lambda: segment + "é🙂",  # sent as raw UTF-8
        lambda: segment + "\u00ff",  # sent as the raw byte FF, not UTF-8
        lambda: "%",
        lambda: "%zz" + segment,
        lambda: segment + ";jsessionid=1",
        lambda: segment + "%5C..%5C",
        lambda: quote(" \t" + segment),
        lambda: "-1",
        lambda: "99999999999999999999999999999",
        lambda: segment + "*",
        lambda: quote("' OR 1=1 --"),
    ])()


def encode_target(path: str, query: str = "") -> bytes:
    """The request target; characters above U+00FF are sent as raw UTF-8, others as latin-1 bytes."""
    target = path + ("?" + query if query else "")
    try:
        return target.encode("latin-1")
    except UnicodeEncodeError:
        return target.encode("utf-8", "surrogateescape")


def brief_search(rng: random.Random) -> str:
    """A users/researchers q= of 0..60 terms, often broken."""
    fields = ["last_name", "first_name", "primary_id", "email", "user_group", "ALL", "identifiers", "bogus", ""]
    terms = [f"{rng.choice(fields)}~{rng.choice(['smith', 'chen', '*', '', '~', '(', 'a b', 'é', '%'])}" for _ in range(rng.randint(0, 60))]
    joined = ""
    for term in terms:
        joined += (rng.choice([" AND ", " OR ", " ", " AND AND ", " OR(", ")"]) if joined else "") + term
    return rng.choice([
        joined,
        joined + " AND",
        "AND " + joined,
        "((" + joined,
        "x" * 20000,
        "last_name~" + "smith " * 3000,
        "last_name~\u0000",
        "~~~~",
        "last_name",
    ])


def garbage_parameters(rng: random.Random) -> list[tuple[str, str]]:
    """A few query parameters of nonsense values, names sometimes repeated."""
    pool = [
        ("limit", "-1"), ("limit", "99999999999999999999"), ("limit", "abc"), ("limit", "0"), ("limit", "101"),
        ("offset", "abc"), ("offset", "-5"), ("offset", "99999999999999999999"), ("offset", "1e3"),
        ("format", "weird"), ("format", ""), ("format", "json"), ("format", "xml"), ("lang", "xx"), ("lang", "fr"),
        ("lang", "x" * 300), ("view", "brief"), ("view", "nonsense"), ("expand", "p_avail,e_avail,bogus"),
        ("user_id_type", "nonsense"), ("user_id_type", "all_unique"), ("order_by", "%00"), ("direction", "sideways"),
        ("q", brief_search(rng)), ("source_user_id", "\u0000"), ("override", "maybe"), ("source_institution_code", "x" * 3000),
        ("mms_id", ",,,"), ("mms_id", "abc"), ("mms_id", ",".join(["1"] * 500)), ("item_barcode", ""), ("item_barcode", "%00"),
        ("", "x"), ("=", "="), ("limit", "1"), ("limit", "2"),
    ]
    return rng.sample(pool, rng.randint(1, 5))


def query_string(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(name)}={quote(value)}" for name, value in pairs)


# --------------------------------------------------------------------------------------------
# Bodies

USER_XML = ("<user><primary_id>robust.{n}</primary_id><first_name>Rob</first_name><last_name>Ust</last_name>"
            "<user_group>FACULTY</user_group><contact_info><emails><email preferred=\"true\"><email_address>r@x.edu"
            "</email_address><email_types><email_type>work</email_type></email_types></email></emails></contact_info></user>")
BIB_XML = ("<bib><record><leader>00000nam a2200000 a 4500</leader><datafield ind1=\"1\" ind2=\"0\" tag=\"245\">"
           "<subfield code=\"a\">Robust {n}</subfield></datafield></record></bib>")


def xml_body(rng: random.Random) -> tuple[str, bytes]:
    """(what it is, bytes) of a hostile XML body."""
    sample = rng.choice([USER_XML, BIB_XML]).format(n=rng.randint(0, 10**9))
    choices = [
        ("truncated XML", lambda: sample[: rng.randint(1, len(sample) - 1)].encode()),
        ("garbage bytes", lambda: bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))),
        ("billion laughs", billion_laughs),
        ("external entity", lambda: b'<?xml version="1.0"?><!DOCTYPE user [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                    b"<user><primary_id>&xxe;</primary_id><first_name>&xxe;</first_name></user>"),
        ("deep XML", lambda: (b"<user>" + b"<a>" * 10000 + b"x" + b"</a>" * 10000 + b"</user>")),
        ("invalid UTF-8 in XML", lambda: sample.replace("Rob", "R\udcff\udcfe").encode("utf-8", "surrogateescape")),
        ("XML NUL character", lambda: sample.replace("Rob", "R&#0;b\u0001").encode()),
        ("XML huge text", lambda: sample.replace("Rob", "x" * rng.choice([10**4, 10**6, 9 * 10**6])).encode()),
        ("XML wrong encoding declaration", lambda: b'<?xml version="1.0" encoding="UTF-16"?>' + sample.encode()),
        ("XML with BOM and PI", lambda: b"\xef\xbb\xbf<?pi x?><!-- c -- -->" + sample.encode()),
        ("XML two roots", lambda: (sample + sample).encode()),
        ("XML unknown elements", lambda: sample.replace("<first_name>", "<zzz attr='1'><![CDATA[]]>]]></zzz><first_name>").encode()),
        ("empty body", lambda: b""),
    ]
    what, make = rng.choice(choices)
    return what, make()


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return f'<?xml version="1.0"?><!DOCTYPE user [{"".join(entities)}]><user><primary_id>&lol9;</primary_id></user>'.encode()


def json_body(rng: random.Random) -> tuple[str, bytes]:
    """(what it is, bytes) of a hostile JSON body."""
    wrong = rng.choice([5, -1, 1e308, True, None, [], {}, [1, "a"], {"value": {"value": []}}, "", "x" * 3000])
    choices = [
        ("JSON wrong types", lambda: json.dumps({"primary_id": wrong, "first_name": wrong, "user_group": wrong,
                                                 "contact_info": wrong, "user_identifier": wrong}).encode()),
        ("JSON wrong types (item)", lambda: json.dumps({"item_data": {"barcode": wrong, "base_status": wrong,
                                                                      "physical_material_type": wrong}}).encode()),
        ("JSON wrong types (asset)", lambda: json.dumps({"records": wrong}).encode()),
        ("JSON asset wrong fields", lambda: json.dumps({"records": [{"title": wrong, "resourcetype.esploro": wrong,
                                                                     "identifier.doi": wrong, "creators": wrong}]}).encode()),
        ("JSON top level not an object", lambda: json.dumps(wrong).encode()),
        ("JSON huge string", lambda: json.dumps({"primary_id": "r" + str(rng.random()), "first_name": "x" * rng.choice([10**5, 2 * 10**6, 9 * 10**6])}).encode()),
        ("JSON \\u0000 escapes", lambda: b'{"primary_id":"a\\u0000b","first_name":"\\u0000","last_name":"\\ud800"}'),
        ("JSON invalid UTF-8", lambda: b'{"primary_id":"\xff\xfe\xc0\xaf","first_name":"\xed\xa0\x80"}'),
        ("JSON deep arrays", lambda: b"[" * 10000 + b"]" * 10000),
        ("JSON deep objects", lambda: b'{"a":' * 10000 + b"1" + b"}" * 10000),
        ("JSON truncated", lambda: b'{"primary_id":"x","contact_info":{"email":[{"email_address":'),
        ("JSON duplicate keys and numbers", lambda: b'{"primary_id":"a","primary_id":"b","x":1e99999,"y":-0,"z":123456789012345678901234567890}'),
        ("JSON trailing commas and NaN", lambda: b'{"primary_id":"a",,"x":NaN,}'),
        ("JSON many members", lambda: json.dumps({f"k{i}": i for i in range(100000)}).encode()),
    ]
    what, make = rng.choice(choices)
    return what, make()


def content_type(rng: random.Random, natural: str) -> str | None:
    """Mostly the natural type, otherwise a wrong, broken or missing one."""
    if rng.random() < 0.55:
        return natural
    return rng.choice([None, "application/xml", "application/json", "text/plain", "application/x-www-form-urlencoded",
                       "multipart/form-data; boundary=", "application/xml; charset=ebcdic", "application/json; charset=utf-16",
                       "*/*", "application/", "text/xml", "\x7f/\x7f"])


def with_body(rng: random.Random, request: Request, prefer: str = "any") -> Request:
    """The request with a hostile body and a content type chosen for it (or not)."""
    kind = prefer if prefer != "any" else rng.choice(["xml", "json"])
    what, body = xml_body(rng) if kind == "xml" else json_body(rng)
    chosen = content_type(rng, "application/xml" if kind == "xml" else "application/json")
    if chosen is not None:
        request.headers.append(("Content-Type", chosen.encode("latin-1")))
    request.body = body
    request.kind += f", {what}, Content-Type {chosen}"
    return request


# --------------------------------------------------------------------------------------------
# Keys

def with_key(rng: random.Random, request: Request, key: str, path: str, query: str) -> Request:
    """Places the key (or a hostile stand-in) in the header or the query, and sets the target."""
    roll = rng.random()
    extra = []
    if roll < 0.40:
        request.headers.append(("Authorization", f"apikey {key}".encode()))
    elif roll < 0.80:
        extra.append(f"apikey={key}")
    elif roll < 0.86:
        request.key = "none"
        choice = rng.choice(["absent", "bearer", "empty header", "empty query", "empty query, key in header"])
        if choice == "bearer":
            request.headers.append(("Authorization", f"Bearer {key}".encode()))
        elif choice == "empty header":
            request.headers.append(("Authorization", b"apikey "))
        elif choice.startswith("empty query"):
            extra.append("apikey=")  # the query's key is read first, even empty
            if choice.endswith("header"):
                request.headers.append(("Authorization", f"apikey {key}".encode()))
        request.kind += f", no key ({choice})"
    elif roll < 0.94:
        request.key = "malformed"
        bad = rng.choice(["l7xx", "x" * 3000, key + "%00", key[:-1] + "%FF", "l7xx" + "é", key + key, "%0d%0aX-Injected:1", "../" + key])
        if rng.random() < 0.5:
            request.headers.append(("Authorization", b"apikey " + urllib.parse.unquote(bad).encode("utf-8", "replace").replace(b"\r", b"").replace(b"\n", b"")))
        else:
            extra.append("apikey=" + bad)
        request.kind += ", malformed key"
    else:
        request.key = "unknown"
        unknown = "l7xx" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        extra.append(f"apikey={unknown}")
        if rng.random() < 0.5:
            request.headers.append(("Authorization", f"apikey {key}".encode()))  # two different keys
        request.kind += ", unknown key"
    full = "&".join(part for part in [query] + extra if part)
    request.target = encode_target(path, full)
    return request


# --------------------------------------------------------------------------------------------
# Request families

# Documented parameters of each DELETE, with values that must be refused.
BAD_DELETE_PARAMETERS = {
    "user": ["user_id_type=nonsense", "user_id_type=" + "x" * 3000, "user_id_type=%00"],
    "researcher": ["user_id_type=nonsense", "user_id_type=%00"],
    "item": ["override=maybe", "holdings=bogus", "reason=%00", "reason=" + "x" * 3000],
    "asset": ["override=maybe"],
}

class Attack:
    """Makes the hostile requests, from real ids and a seeded generator."""

    def __init__(self, rng: random.Random, key: str, fixtures: Fixtures):
        self.rng, self.key, self.fx = rng, key, fixtures
        self.families = [
            (self.path_garbage, 14), (self.query_garbage, 12), (self.user_search, 6), (self.primo_search, 12),
            (self.hostile_put, 14), (self.hostile_post, 9), (self.hostile_delete, 8), (self.wrong_method, 9),
            (self.portal, 9), (self.odd_headers, 4),
        ]

    def next(self) -> Request:
        make = self.rng.choices([f for f, _ in self.families], weights=[w for _, w in self.families])[0]
        return make()

    def _keyed(self, method: str, path: str, query: str, kind: str, guard: str | None = None) -> Request:
        return with_key(self.rng, Request(method, b"", kind, guard=guard), self.key, path, query)

    # Objects ------------------------------------------------------------------------------------

    def _object(self) -> tuple[str, list[str]]:
        """A real object's path as segments, e.g. ["almaws", "v1", "users", "cali"]."""
        rng, fx = self.rng, self.fx
        mms, holding, pid, _ = rng.choice(fx.items)
        return rng.choice([
            ("user", ["almaws", "v1", "users", rng.choice(fx.users)]),
            ("bib", ["almaws", "v1", "bibs", rng.choice(fx.bibs)]),
            ("holding", ["almaws", "v1", "bibs", mms, "holdings", holding]),
            ("item", ["almaws", "v1", "bibs", mms, "holdings", holding, "items", pid]),
            ("researcher", ["esploro", "v1", "researchers", rng.choice(fx.researchers)]),
            ("asset", ["esploro", "v1", "assets", rng.choice(fx.assets)]),
        ])

    def _anything(self) -> list[str]:
        mms, holding, pid, _ = self.rng.choice(self.fx.items)
        return self.rng.choice([
            self._object()[1],
            ["almaws", "v1", "users"], ["almaws", "v1", "bibs"], ["almaws", "v1", "items"],
            ["almaws", "v1", "bibs", mms, "holdings"], ["almaws", "v1", "bibs", mms, "holdings", holding, "items"],
            ["almaws", "v1", "conf", "libraries"], ["almaws", "v1", "conf", "libraries", "MAIN", "locations", "STACKS"],
            ["almaws", "v1", "conf", "code-tables", "UserGroups"], ["almaws", "v1", "conf", "departments"],
            ["primo", "v1", "search"], ["primo", "v1", "pnxs", "L", self.rng.choice(self.fx.pnx)],
            ["primo", "v1", "search", "L", self.rng.choice(self.fx.pnx)],
            ["esploro", "v1", "researchers"], ["esploro", "v1", "assets", ",".join(self.fx.assets[:3])],
            ["esploro", "v1", "organizations", "internal"], ["openapi", "users.json"], ["almaws", "v1", "users", "operation", "test"],
        ])

    # Families ------------------------------------------------------------------------------------

    def path_garbage(self) -> Request:
        """GET (mostly) with one segment spoiled, or the whole path bent."""
        segments = list(self._anything())
        index = self.rng.randrange(len(segments))
        segments[index] = hostile_segment(self.rng, segments[index])
        path = "/" + "/".join(segments)
        if self.rng.random() < 0.15:
            path = path.replace("/", "//", 1)
        method = self.rng.choice(["GET"] * 6 + ["HEAD", "OPTIONS"])
        return self._keyed(method, path, "format=json" if self.rng.random() < 0.3 else "", f"path garbage in segment {index}")

    def query_garbage(self) -> Request:
        fx, rng = self.fx, self.rng
        barcode = rng.choice(fx.items)[3]
        path, base = rng.choice([
            ("/almaws/v1/users", []), ("/almaws/v1/bibs", [("mms_id", ",".join(fx.bibs[:3]))]),
            ("/almaws/v1/bibs/" + rng.choice(fx.bibs), []), ("/almaws/v1/items", [("item_barcode", barcode)]),
            ("/almaws/v1/conf/libraries", []), ("/almaws/v1/users/" + rng.choice(fx.users), []),
            ("/esploro/v1/researchers", []), ("/esploro/v1/assets", [("org_code", "DEPT_CS")]),
            ("/esploro/v1/assets", [("update_date_from", rng.choice(["2020-13-45", "x", "2020-01-01"]))]),
            ("/primo/v1/pnxs/L/" + rng.choice(fx.pnx), []), ("/almaws/v1/conf/code-tables/UserGroups", []),
        ])
        return self._keyed("GET", path, query_string(base + garbage_parameters(rng)), "query garbage")

    def user_search(self) -> Request:
        path = self.rng.choice(["/almaws/v1/users", "/esploro/v1/researchers"])
        pairs = [("q", brief_search(self.rng))] + ([("limit", "100")] if self.rng.random() < 0.5 else [])
        return self._keyed("GET", path, query_string(pairs), "brief search")

    def primo_search(self) -> Request:
        rng = self.rng
        words = ["history", "war peace", "", "*", '"unbalanced', "a" * 5000, "é🙂", ",,,", "AND", "OR OR", "(history", "\u0000"]

        def clause() -> str:
            field = rng.choice(["any", "title", "creator", "sub", "bogus", ""])
            return f"{field},{rng.choice(['contains', 'exact', 'begins_with', 'x', ''])},{rng.choice(words)}"

        q = rng.choice([
            ";".join(clause() + rng.choice(["", ",AND", ",OR", ",NOT", ",XOR"]) for _ in range(rng.randint(1, 40))),
            clause(), "", "garbage", "any,contains," + "x" * 20000, "any,contains,history,AND", "any,contains,history;",
        ])
        pairs = [("vid", rng.choice(["DEMO:DEFAULT"] * 5 + ["", "NOPE", "DEMO:", ":", "x" * 2000])),
                 ("tab", rng.choice(["Everything"] * 3 + ["LibraryCatalog", "", "Nope"])),
                 ("scope", rng.choice(["MyInst_and_CI"] * 3 + ["MyInstitution", "", "Nope"])), ("q", q)]
        optional = [
            ("qInclude", rng.choice(["facet_lang,exact,fre", "facet_lang,exact,", "bogus", "facet_rtype,exact,books|,|facet_lang,exact,eng", "|,|" * 500, "facet_x,exact,y"])),
            ("qExclude", rng.choice(["facet_lang,exact,eng", ",,", "facet_lang"])),
            ("multiFacets", rng.choice(["facet_rtype,include,books|,|facet_lang,exclude,eng", "facet_rtype,maybe,books", "|,|", "x" * 3000])),
            ("offset", rng.choice(["-1", "abc", "1999", "2001", "99999999999999999999", "0"])),
            ("limit", rng.choice(["-1", "0", "abc", "50", "2001", "99999999999999999999"])),
            ("sort", rng.choice(["rank", "date", "title", "author", "weird", ""])),
            ("lang", rng.choice(["xx", "en", "fr", ""])), ("pcAvailability", rng.choice(["true", "maybe"])),
            ("conVoc", rng.choice(["true", "x"])), ("getMore", rng.choice(["0", "x"])),
        ]
        pairs += rng.sample(optional, rng.randint(0, len(optional)))
        rng.shuffle(pairs)
        return self._keyed("GET", "/primo/v1/search", query_string(pairs), "Primo search garbage")

    def hostile_put(self) -> Request:
        """A PUT with a hostile body or id to a real object, which must stay as it was if refused."""
        what, segments = self._object()
        guard = "/" + "/".join(segments)
        path = guard
        if self.rng.random() < 0.3:
            spoiled = list(segments)
            spoiled[-1] = hostile_segment(self.rng, spoiled[-1])
            path = "/" + "/".join(spoiled)
        prefer = "json" if what == "asset" else ("xml" if what == "bib" and self.rng.random() < 0.7 else "any")
        request = self._keyed("PUT", path, query_string(garbage_parameters(self.rng)) if self.rng.random() < 0.3 else "", f"PUT {what}", guard)
        return with_body(self.rng, request, prefer)

    def hostile_post(self) -> Request:
        rng, fx = self.rng, self.fx
        mms, holding, pid, _ = rng.choice(fx.items)
        path, query, guard = rng.choice([
            ("/almaws/v1/users", "", None), ("/almaws/v1/bibs", "", None),
            (f"/almaws/v1/bibs/{mms}/holdings", "", f"/almaws/v1/bibs/{mms}"),
            (f"/almaws/v1/bibs/{mms}/holdings/{holding}/items", "", f"/almaws/v1/bibs/{mms}/holdings/{holding}"),
            (f"/almaws/v1/bibs/{mms}/holdings/{holding}/items/{pid}", rng.choice(["op=scan", "op=scan&library=%00", "op=bogus", ""]),
             f"/almaws/v1/bibs/{mms}/holdings/{holding}/items/{pid}"),
            ("/almaws/v1/users/" + rng.choice(fx.users), rng.choice(["op=auth&password=%00", "op=bogus", "op=auth", ""]), None),
            ("/esploro/v1/researchers", "", None), ("/esploro/v1/assets", rng.choice(["is_draft=maybe", "is_draft=false", ""]), None),
            ("/esploro/v1/assets/" + rng.choice(fx.assets), rng.choice(["op=patch&action=add", "op=patch&action=weird", "op=bogus"]),
             "/esploro/v1/assets/" + rng.choice(fx.assets)),
        ])
        if guard and guard.startswith("/esploro/v1/assets/"):
            guard = path  # a patch must leave the asset it names alone
        request = self._keyed("POST", path, query, "POST", guard)
        return with_body(rng, request, "json" if "assets" in path else "any")

    def hostile_delete(self) -> Request:
        """A DELETE whose id or parameters are spoiled; the real object must survive a refusal."""
        what, segments = self._object()
        guard = "/" + "/".join(segments)
        spoiled = list(segments)
        params = ""
        if what in ("bib", "holding") or self.rng.random() < 0.7:
            spoiled[-1] = hostile_segment(self.rng, spoiled[-1])
            while spoiled[-1].strip("/") in ("", segments[-1]):  # "//" is "/": that would be a real delete
                spoiled[-1] = hostile_segment(self.rng, segments[-1])
        else:
            params = self.rng.choice(BAD_DELETE_PARAMETERS[what])
        if what in ("bib", "holding") and self.rng.random() < 0.5:
            params = self.rng.choice(["override=maybe", "override=", "override=true%00"])
        return self._keyed("DELETE", "/" + "/".join(spoiled), params, f"DELETE {what}", guard)

    def wrong_method(self) -> Request:
        """A write method on a GET-only path; the item behind items?item_barcode= must be untouched."""
        rng, fx = self.rng, self.fx
        mms, holding, pid, barcode = rng.choice(fx.items)
        item = f"/almaws/v1/bibs/{mms}/holdings/{holding}/items/{pid}"
        path, query, guard = rng.choice([
            ("/almaws/v1/conf/libraries", "", None), ("/almaws/v1/conf/libraries/MAIN", "", None),
            ("/almaws/v1/items", f"item_barcode={barcode}", item), ("/primo/v1/search", "vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,history", None),
            ("/primo/v1/pnxs/L/" + rng.choice(fx.pnx), "", None), ("/esploro/v1/organizations/internal", "", None),
            ("/almaws/v1/users/operation/test", "", None), ("/openapi/users.json", "", None),
            ("/esploro/v1/assets/" + fx.assets[0], "", "/esploro/v1/assets/" + fx.assets[0]),
            ("/almaws/v1/bibs/" + rng.choice(fx.bibs) + "/holdings", "", None),
        ])
        method = rng.choice(["PUT", "DELETE", "POST", "PATCH", "TRACE", "FOO", "PROPFIND", "CONNECT"])
        request = self._keyed(method, path, query, f"{method} on a GET-only path", guard)
        return with_body(rng, request) if method in ("PUT", "POST", "PATCH") and rng.random() < 0.7 else request

    def portal(self) -> Request:
        rng = self.rng
        nexts = ["//evil.example", "/portal/%0d%0aX-Injected:%201", "javascript:alert(1)", "/portal/" + "x" * 3000,
                 "/portal/\"><script>alert(1)</script>", "/portal/..%2f..%2fetc", "%00", "/portal/\\evil", "https://evil.example/"]
        choice = rng.choice(["login", "signup", "login post", "activate", "reset", "unknown", "console"])
        if choice == "login":
            return Request("GET", encode_target("/portal/login", "next=" + rng.choice(nexts)), "portal login?next", key="none")
        if choice == "activate":
            return Request("GET", encode_target("/portal/activate", "token=" + quote(rng.choice(["", "x" * 5000, "\u0000", "'--"]))), "portal activate", key="none")
        if choice == "reset":
            return Request("GET", encode_target("/portal/password/reset", "token=" + quote(rng.choice(["", "x" * 5000, "%"]))), "portal reset", key="none")
        if choice == "unknown":
            return Request("GET", encode_target("/portal/" + hostile_segment(rng, "applications")), "portal unknown path", key="none")
        if choice == "console":
            return Request("GET", encode_target("/portal/console", "path=" + quote(rng.choice(nexts))), "portal console", key="none")
        return self._portal_form("/portal/signup" if choice == "signup" else "/portal/login", rng.choice(nexts))

    def _portal_form(self, path: str, next_value: str) -> Request:
        """A garbage form POST, with a matching CSRF cookie and field most of the time."""
        rng = self.rng
        token = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        fields = {"csrf": token if rng.random() < 0.7 else rng.choice(["", "x", token[:-1]]),
                  "name": rng.choice(["", "<script>alert(1)</script>", "x" * 100000, "\u0000"]),
                  "email": rng.choice(["", "a@b", "not-an-email", "x" * 5000 + "@x.org", "a@b.c\r\nBcc: x@y.z", f"robust{rng.randint(0, 10**9)}@example.org"]),
                  "password": rng.choice(["", "short", "x" * 100000, "correct horse battery staple"]),
                  "terms": rng.choice(["on", "", "maybe"]), "next": next_value}
        body = rng.choice([
            lambda: urllib.parse.urlencode(fields).encode(),
            lambda: urllib.parse.urlencode(fields).encode() + b"&%zz=%&=&&" + b"%FF%FE",
            lambda: b"csrf=" + token.encode() + b"&" + bytes(rng.randrange(256) for _ in range(500)),
            lambda: b"a=" + b"x" * rng.choice([10**4, 2 * 10**6]),
        ])()
        request = Request("POST", encode_target(path), f"portal form {path}", body=body, key="none")
        request.headers.append(("Cookie", f"lectern_csrf={token}".encode()))
        kind = rng.choice(["application/x-www-form-urlencoded"] * 3 + ["multipart/form-data", "text/plain", None])
        if kind:
            request.headers.append(("Content-Type", kind.encode()))
        return request

    def odd_headers(self) -> Request:
        """A plain GET with odd Accept, Origin or repeated key headers."""
        rng = self.rng
        request = self._keyed("GET", rng.choice(["/almaws/v1/users/" + rng.choice(self.fx.users), "/esploro/v1/assets/" + self.fx.assets[0],
                                                 "/primo/v1/pnxs/L/" + rng.choice(self.fx.pnx)]), "", "odd headers")
        request.headers.append(rng.choice([
            ("Accept", b"application/xml"), ("Accept", b"text/html;q=0.1, */*;q=0"), ("Accept", b"x" * 5000),
            ("Accept-Language", b"xx"), ("Origin", b"https://evil.example"), ("Authorization", b"apikey l7xx0000"),
            ("Content-Type", b"application/json"), ("Accept", b"application/json, application/xml"),
            ("X-Forwarded-For", b"10.0.0.1, not-an-ip"), ("Accept", "é".encode()),
        ]))
        return request


# --------------------------------------------------------------------------------------------
# The run

@dataclasses.dataclass
class Violation:
    problem: str
    request: Request
    status: int | None
    body: bytes

    def group(self) -> tuple:
        return (self.problem, self.request.method, prefix(self.request.path), self.status)


def prefix(path: str) -> str:
    """The first four path segments, each cut to 40 characters."""
    return "/".join(segment[:40] for segment in path.split("/")[:5])


class Run:
    def __init__(self, client: Client, key: str, attack: Attack, time_limit: float, health_every: int):
        self.client, self.key, self.attack = client, key, attack
        self.time_limit, self.health_every = time_limit, health_every
        self.statuses: collections.Counter = collections.Counter()
        self.violations: list[Violation] = []
        self.accepted_writes: list[Request] = []
        self.slowest: tuple[float, Request | None, int] = (0.0, None, 0)
        self.hostile = 0
        self.invalid_http_refusals = 0
        self.refused_writes_checked = 0
        self.stayed_up = True

    def go(self, count: int) -> None:
        for number in range(count):
            if number % self.health_every == 0 and not self.healthy():
                break
            self.one(self.attack.next())
        self.stayed_up = self.stayed_up and self.healthy()

    def one(self, request: Request) -> None:
        before = self.snapshot(request.guard) if request.guard else None
        answer = self.client.send(request)
        self.hostile += 1
        if answer is None:
            self.statuses["no answer"] += 1
            self.violations.append(Violation(f"no answer within {self.client.timeout:.0f} s", request, None, b""))
            return
        self.statuses[answer.status] += 1
        self.invalid_http_refusals += refused_as_invalid_http(request, answer)
        if answer.seconds > self.slowest[0]:
            self.slowest = (answer.seconds, request, answer.status)
        for problem in problems(request, answer, self.time_limit):
            self.violations.append(Violation(problem, request, answer.status, answer.body))
        if before is not None:
            self.compare_after(request, answer, before)

    def compare_after(self, request: Request, answer: Answer, before: bytes) -> None:
        if 200 <= answer.status < 300:
            self.accepted_writes.append(request)
        elif 400 <= answer.status < 500:
            after = self.snapshot(request.guard)
            self.refused_writes_checked += after is not None
            if after is not None and without_tracking_ids(after) != without_tracking_ids(before):
                self.violations.append(Violation(f"refused write changed {request.guard}", request, answer.status, answer.body))

    def snapshot(self, path: str) -> bytes | None:
        answer = self.client.send(Request("GET", encode_target(path, f"format=json&apikey={self.key}"), "snapshot"))
        return answer.body if answer is not None and answer.status == 200 else None

    def healthy(self) -> bool:
        answer = self.client.send(Request("GET", encode_target(HEALTH_PATH, f"apikey={self.key}"), "health"))
        if answer is not None and answer.status == 200:
            return True
        self.stayed_up = False
        self.violations.append(Violation("health check failed", Request("GET", HEALTH_PATH.encode(), "health"),
                                         answer.status if answer else None, answer.body if answer else b""))
        return False


def summary(run: Run, seed: int, started: float) -> str:
    lines = [f"seed {seed}: {run.hostile} hostile requests ({run.client.sent} in all, with reads and health checks) "
             f"in {time.monotonic() - started:.0f} s",
             "answers by status: " + ", ".join(f"{status}: {count}" for status, count in sorted(run.statuses.items(), key=str)),
             f"of which empty refusals of requests that are not valid HTTP/1.1 (raw bytes, CTLs in headers, unknown "
             f"methods, CONNECT): {run.invalid_http_refusals}"]
    seconds, request, status = run.slowest
    if request:
        lines.append(f"slowest answer: {seconds:.3f} s, {request.method} {prefix(request.path)} -> {status} ({request.kind[:120]})")
    lines.append(f"server stayed up: {'yes' if run.stayed_up else 'NO'}")
    lines.append(f"refused writes whose object was read before and after: {run.refused_writes_checked}")
    lines.append(f"hostile writes accepted (2xx, not judged): {len(run.accepted_writes)}")
    for request in run.accepted_writes[:10]:
        lines.append(f"  {request.method} {request.target[:150].decode('latin-1')} ({request.kind[:120]})")
    groups: dict[tuple, list[Violation]] = collections.defaultdict(list)
    for violation in run.violations:
        groups[violation.group()].append(violation)
    lines.append(f"violations: {len(run.violations)} ({len(groups)} kinds)")
    for (problem, method, path, status), members in groups.items():
        first = members[0]
        lines.append(f"- {problem}: {method} {path} -> {status} (x{len(members)})")
        lines.append(f"    request: {first.request.method} {first.request.target[:200].decode('latin-1')}")
        lines.append(f"    kind: {first.request.kind[:200]}; body {len(first.request.body)} bytes")
        lines.append(f"    answer: {first.body[:200].decode('utf-8', 'replace')}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:8181 (loopback only)")
    parser.add_argument("--key", required=True, help='the "Sandbox read/write, all areas" API key')
    parser.add_argument("--requests", type=int, default=3000, help="hostile requests to send (3000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random choices (1)")
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second at most (20)")
    parser.add_argument("--time-limit", type=float, default=2.0, help="seconds an answer may take (2)")
    parser.add_argument("--health-every", type=int, default=200, help="hostile requests between health checks (200)")
    arguments = parser.parse_args()

    started = time.monotonic()
    client = Client(arguments.base, arguments.rate, timeout=max(10.0, 5 * arguments.time_limit))
    fixtures = read_fixtures(client, arguments.key)
    attack = Attack(random.Random(arguments.seed), arguments.key, fixtures)
    run = Run(client, arguments.key, attack, arguments.time_limit, arguments.health_every)
    run.go(arguments.requests)
    print(summary(run, arguments.seed, started))
    return 1 if run.violations else 0


if __name__ == "__main__":
    sys.exit(main())
