#!/usr/bin/env python3
"""Crash safety: kills Lectern with SIGKILL at random moments and checks what survives.

What it proves (each check prints a PASS or FAIL line; a summary closes the run):

1. A MARC import killed mid-way (`lectern import marc`, 10,000 records a transaction, each record
   whole or not at all): after the kill the SQLite file passes `PRAGMA integrity_check` (and
   `foreign_key_check`); every stored bib has all the holdings (852) and items (876) its input
   record has, and no holding or item is stored without its bib; importing the file again exits 0
   and leaves exactly the input's bibs, holdings and items (no duplicates); a third import creates
   nothing. Several rounds with different random seeds; the kill is 1-6 s after the import starts,
   1-6 s after its first batch is seen committed, or 0-0.15 s after the WAL file starts growing
   with the first batch (inside its open write transaction: a batch is prepared in memory and
   written in a burst), so that at least one kill lands before and one after the first batch's
   commit (extra rounds are added when the random ones did not).
2. 50 concurrent writers PUTting users (several rounds) (25 on one user, 25 spread over 9 others; each PUT sets
   first_name, last_name and job_description to one unique token) when `lectern serve` is killed
   2-4 s in: the file passes integrity_check, every user has first_name == last_name ==
   job_description (no record mixes two writes), and each user's stored token is one whose write
   was acknowledged (200) or still unanswered at the kill and which no acknowledged write started
   after it was acknowledged: nothing acknowledged is lost (linearizability per user); the user
   search finds each user by its stored last_name. The writers use an unthrottled key (`lectern
   key create --unthrottled`) so that the 25 calls/s threshold does not starve them; the counted
   calls of check 4 come from one thread on a throttled demo key at the same time.
3. A sandbox reset (portal: POST /portal/organizations/DEMO/sandbox/reset by an organization
   admin, reached through sign-up, activation from the outbox, log-in and an invitation) killed
   while it runs: integrity_check ok, and the DEMO sandbox holds either the old data or the whole
   new demo data (the count of every document kind equal to one of the two states, never a mix or
   anything in between); after a restart a second reset completes and gives the demo data.
4. Daily threshold counts (X-Exl-Api-Remaining): the lowest value answered before a kill against
   the value of one call after the restart gives how many counted calls were lost; at most the
   calls answered in the last second before the kill may be lost (the gateway flushes every
   second). Measured on the kill of check 2 (under write load) and on a quiet kill.

Run it by hand (not in CI), with a built binary; it uses only 127.0.0.1 ports 18300-18399 and a
scratch directory (kept when a check fails, or with --keep):

    scripts/crash_safety.py --lectern PATH [--records N]

    e.g. scripts/crash_safety.py --lectern .build/debug/lectern --records 12000

--records is the size of the imported file (default 20,000; it must exceed one batch of 10,000 so
that a kill can land after the first commit; a debug binary imports ~500-900 records/s and updates
~250/s, so 12,000 keeps a debug run at about 6 minutes on two busy cores). Other options:
--rounds (killed import rounds, default 3), --writer-rounds (killed writer rounds, default 3),
--seed (base random seed, printed; each round prints its own), --demo-bibs (the demo catalogue
of the server checks and of each reset, default 1000), --only import|server (check 1 only, or
checks 2-4 only), --keep. Python 3 standard library only. Exit status 0 when every check
passed, 1 otherwise.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

TENANT = "DEMO/sandbox"
BATCH = 10_000
RESULTS = []  # (passed, name, detail)
STARTED = time.time()
PROCESSES = []  # every process started, to stop whatever is left at the end


def log(text):
    print(f"[{time.time() - STARTED:7.1f}s] {text}", flush=True)


def check(passed, name, detail=""):
    RESULTS.append((bool(passed), name, detail))
    print(f"{'PASS' if passed else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
    return bool(passed)


# --- processes -----------------------------------------------------------------------------------


def spawn(arguments, out, err=subprocess.STDOUT):
    process = subprocess.Popen(arguments, stdout=out, stderr=err, start_new_session=True)
    PROCESSES.append(process)
    return process


def sigkill(process):
    """SIGKILL one process we started (by its id) and reap it."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def stop_gently(process, seconds=30):
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            sigkill(process)


def run(arguments, timeout=600):
    return subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)


def free_port(avoid=()):
    candidates = [p for p in range(18300, 18400) if p not in avoid]
    random.SystemRandom().shuffle(candidates)
    for port in candidates[:100]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit("no free port in 18300-18399")


class Server:
    """`lectern serve` on one database and port."""

    def __init__(self, lectern, database, port, outbox, demo_bibs, directory):
        self.lectern, self.database, self.port, self.outbox = lectern, database, port, outbox
        self.demo_bibs, self.directory = demo_bibs, directory
        self.process = None
        self.starts = 0
        self.log_path = None

    def start(self, timeout=600):
        """Starts and waits for 'Serving'; returns (seconds to serve, log text)."""
        self.starts += 1
        self.log_path = os.path.join(self.directory, f"serve-{self.starts}.log")
        out = open(self.log_path, "w")
        began = time.time()
        self.process = spawn(
            [self.lectern, "serve", "--database", f"sqlite:{self.database}", "--port", str(self.port),
             "--outbox", self.outbox, "--demo-bibs", str(self.demo_bibs), "--log-level", "error"], out)
        out.close()
        deadline = began + timeout
        while time.time() < deadline:
            text = open(self.log_path).read()
            if re.search(r"^Serving", text, re.M):
                # "Serving" comes just before the listener is up: wait for the port too.
                while time.time() < deadline and self.process.poll() is None:
                    try:
                        with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                            return time.time() - began, text
                    except OSError:
                        time.sleep(0.05)
                continue
            if self.process.poll() is not None:
                raise RuntimeError(f"lectern serve exited with {self.process.returncode}:\n{text[-3000:]}")
            time.sleep(0.05)
        sigkill(self.process)
        raise RuntimeError(f"lectern serve did not serve within {timeout} s")

    def kill(self):
        sigkill(self.process)

    def stop(self):
        stop_gently(self.process)


def request(port, method, path, key=None, body=None, headers=None, timeout=60, connection=None):
    """One HTTP call to 127.0.0.1:port; returns (status, headers dict (lower-case), body bytes)."""
    own = connection is None
    if own:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    sent = dict(headers or {})
    if key:
        sent["Authorization"] = f"apikey {key}"
        sent.setdefault("Accept", "application/json")
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        data = answer.read()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, data, answer.msg.get_all("Set-Cookie") or []
    finally:
        if own:
            connection.close()


# --- the database ---------------------------------------------------------------------------------


def connect(path):
    return sqlite3.connect(path, timeout=60)


def integrity(path):
    """(ok, detail): PRAGMA integrity_check and foreign_key_check on the file."""
    db = connect(path)
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        foreign = db.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        db.close()
    ok = rows == ["ok"] and not foreign
    detail = "integrity_check " + "; ".join(rows[:5]) + (f" (+{len(rows) - 5} more)" if len(rows) > 5 else "")
    detail += f", foreign_key_check {len(foreign)} violations" + (f" e.g. {foreign[:3]}" if foreign else "")
    return ok, detail


def kind_counts(path, tenant=TENANT):
    db = connect(path)
    try:
        return dict(db.execute("SELECT kind, count(*) FROM documents WHERE tenant = ? GROUP BY kind", (tenant,)).fetchall())
    finally:
        db.close()


def copy_database(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


# --- MARC input -----------------------------------------------------------------------------------


def read_iso2709(path):
    """{DEMO 035 $a: (852 count, 876 count)} of the file, and the totals."""
    records = {}
    data = open(path, "rb").read()
    for raw in data.split(b"\x1d"):
        if len(raw) < 24:
            continue
        base = int(raw[12:17])
        directory = raw[24:base - 1]
        fields = []
        for i in range(0, len(directory) - 11, 12):
            tag = directory[i:i + 3].decode()
            length, start = int(directory[i + 3:i + 7]), int(directory[i + 7:i + 12])
            fields.append((tag, raw[base + start:base + start + length]))
        ids = [s[1:].decode() for tag, value in fields if tag == "035"
               for s in value.rstrip(b"\x1e").split(b"\x1f")[1:] if s[:1] == b"a" and s[1:].startswith(b"(DEMO)")]
        if len(ids) != 1:
            raise SystemExit(f"input record without one (DEMO) 035: {ids}")
        if ids[0] in records:
            raise SystemExit(f"input has {ids[0]} twice")
        records[ids[0]] = (sum(1 for t, _ in fields if t == "852"), sum(1 for t, _ in fields if t == "876"))
    return records


NETWORK_NUMBER = re.compile(r"<network_number>(\(DEMO\)[^<]*)</network_number>")


def catalogue_state(path, expected):
    """Counts of the tenant's bibs, holdings and items, and the problems: incomplete bibs, orphans."""
    db = connect(path)
    try:
        bibs = db.execute("SELECT id, body FROM documents WHERE tenant = ? AND kind = 'bib'", (TENANT,)).fetchall()
        holdings = db.execute("SELECT id, parent FROM documents WHERE tenant = ? AND kind = 'holding'", (TENANT,)).fetchall()
        items = db.execute("SELECT id, parent, fields FROM documents WHERE tenant = ? AND kind = 'item'", (TENANT,)).fetchall()
    finally:
        db.close()
    problems = []
    by_number = {}
    bib_ids = set()
    for bib_id, body in bibs:
        bib_ids.add(bib_id)
        numbers = NETWORK_NUMBER.findall(body)
        if len(numbers) != 1:
            problems.append(f"bib {bib_id} has DEMO numbers {numbers}")
            continue
        if numbers[0] in by_number:
            problems.append(f"{numbers[0]} stored twice (bibs {by_number[numbers[0]]} and {bib_id})")
        by_number[numbers[0]] = bib_id
    holdings_of, items_of = {}, {}
    holding_parent = {}
    for holding_id, parent in holdings:
        holdings_of[parent] = holdings_of.get(parent, 0) + 1
        holding_parent[holding_id] = parent
        if parent not in bib_ids:
            problems.append(f"holding {holding_id} without its bib {parent}")
    for item_id, parent, fields in items:
        items_of[parent] = items_of.get(parent, 0) + 1
        if parent not in bib_ids:
            problems.append(f"item {item_id} without its bib {parent}")
        holding = json.loads(fields or "{}").get("holding_id")
        if holding_parent.get(holding) != parent:
            problems.append(f"item {item_id} of bib {parent} points at holding {holding} (parent {holding_parent.get(holding)})")
    incomplete = 0
    for number, bib_id in by_number.items():
        if number not in expected:
            problems.append(f"bib {bib_id} ({number}) is not in the input")
            continue
        want = expected[number]
        have = (holdings_of.get(bib_id, 0), items_of.get(bib_id, 0))
        if have != want:
            incomplete += 1
            if incomplete <= 5:
                problems.append(f"bib {bib_id} ({number}) has {have[0]} holdings and {have[1]} items, the input {want[0]} and {want[1]}")
    if incomplete > 5:
        problems.append(f"... {incomplete} incomplete bibs in all")
    return {"bibs": len(bibs), "holdings": len(holdings), "items": len(items)}, problems


SUMMARY = re.compile(r"imported (\d+) records: (\d+) created, (\d+) updated, (\d+) rejected")


def import_file(lectern, path, database, directory, name, timeout=900):
    """Runs an import to completion: (exit status, created, updated, rejected, stdout, stderr tail)."""
    with open(os.path.join(directory, f"{name}.out"), "w") as out, open(os.path.join(directory, f"{name}.err"), "w") as err:
        process = spawn([lectern, "import", "marc", path, "--institution", "DEMO", "--database", f"sqlite:{database}"], out, err)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            sigkill(process)
    text = open(os.path.join(directory, f"{name}.out")).read()
    tail = open(os.path.join(directory, f"{name}.err")).read()[-600:]
    match = SUMMARY.search(text)
    created, updated, rejected = (int(match.group(2)), int(match.group(3)), int(match.group(4))) if match else (None, None, None)
    return process.returncode, created, updated, rejected, text.strip(), tail


def stored_bibs(path):
    try:
        db = sqlite3.connect(path, timeout=5)
        try:
            return db.execute("SELECT count(*) FROM documents WHERE tenant = ? AND kind = 'bib'", (TENANT,)).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return -1


# --- check 1: the import ---------------------------------------------------------------------------


def import_round(args, number, kind, seed, pristine, input_path, expected, totals, directory, hint):
    """One killed import and its checks; returns the stored bib count at the kill (or None)."""
    rng = random.Random(seed)
    tag = f"import round {number} (seed {seed}, {kind})"
    round_dir = os.path.join(directory, f"round-{number}")
    os.makedirs(round_dir)
    database = os.path.join(round_dir, "lectern.sqlite")
    copy_database(pristine, database)
    out = open(os.path.join(round_dir, "killed.out"), "w")
    err = open(os.path.join(round_dir, "killed.err"), "w")
    began = time.time()
    process = spawn([args.lectern, "import", "marc", input_path, "--institution", "DEMO", "--database", f"sqlite:{database}"], out, err)
    out.close()
    err.close()
    delay = rng.uniform(1, 6)
    first_commit = None
    if kind == "after the first commit":
        # Wait for the first batch to be visible to a reader, then 1-6 s more, kept inside the
        # import's likely remaining time (the rate so far times the records left).
        deadline = began + 900
        while process.poll() is None and time.time() < deadline:
            if stored_bibs(database) > 0:
                first_commit = time.time() - began
                break
            time.sleep(0.1)
        if first_commit is not None:
            remaining = (args.records - BATCH) / (BATCH / first_commit)
            delay = first_commit + min(delay, max(0.3, 0.8 * remaining))
    elif kind == "before the first commit" and hint.get("first_commit"):
        delay = rng.uniform(0.5, max(0.6, 0.8 * hint["first_commit"]))
    elif kind == "inside the first batch's write":
        # The import prepares a batch in memory, then writes it in a burst (a quarter of a second
        # for 10,000 records in a debug build): wait for the WAL to grow, then kill within 0.15 s,
        # while the transaction is open.
        wal_path = database + "-wal"
        baseline = os.path.getsize(wal_path) if os.path.exists(wal_path) else 0
        deadline = began + 900
        while process.poll() is None and time.time() < deadline:
            if (os.path.getsize(wal_path) if os.path.exists(wal_path) else 0) > baseline + 1_000_000:
                break
            time.sleep(0.005)
        delay = time.time() - began + rng.uniform(0, 0.15)
    kill_at = began + delay
    while process.poll() is None and time.time() < kill_at:
        time.sleep(0.02)
    finished = process.poll() is not None
    wal = os.path.getsize(database + "-wal") if os.path.exists(database + "-wal") else 0
    if not finished:
        sigkill(process)
    killed_after = time.time() - began
    if finished:
        log(f"{tag}: the import finished (status {process.returncode}) before the kill at {delay:.1f} s")
    else:
        log(f"{tag}: SIGKILL {killed_after:.2f} s after the start" +
            (f" ({killed_after - first_commit:.2f} s after the first commit was seen at {first_commit:.1f} s)" if first_commit else "") +
            f"; the WAL file held {wal / 1e6:.1f} MB")
    ok, detail = integrity(database)
    check(ok, f"{tag}: integrity after the kill", detail)
    state, problems = catalogue_state(database, expected)
    where = ("before the first commit" if state["bibs"] == 0 else
             "after the first commit" if state["bibs"] >= BATCH else "inside a batch (not a multiple of 10,000)")
    check(not problems, f"{tag}: stored at the kill {state['bibs']} bibs, {state['holdings']} holdings, {state['items']} items "
          f"({where}); every stored bib has all its holdings and items, nothing orphaned",
          "; ".join(problems[:8]) if problems else "")
    if state["bibs"] % BATCH and state["bibs"] != args.records:
        log(f"{tag}: note: {state['bibs']} bibs is not a whole number of 10,000-record batches")
    status, created, updated, rejected, summary, tail = import_file(args.lectern, input_path, database, round_dir, "second")
    after, problems = catalogue_state(database, expected)
    good = status == 0 and after == totals and not problems and created == args.records - state["bibs"]
    check(good, f"{tag}: import again: exit {status}, {created} created, {updated} updated; totals "
          f"{after['bibs']}/{after['holdings']}/{after['items']} (input {totals['bibs']}/{totals['holdings']}/{totals['items']})",
          "; ".join(problems[:5] + ([tail] if status else [])) if not good else "")
    status, created, updated, rejected, summary, tail = import_file(args.lectern, input_path, database, round_dir, "third")
    again, problems = catalogue_state(database, expected)
    good = status == 0 and created == 0 and again == totals and not problems
    check(good, f"{tag}: third import: exit {status}, {created} created, {updated} updated; totals unchanged",
          (summary + " " + "; ".join(problems[:5]) + tail) if not good else "")
    ok, detail = integrity(database)
    check(ok, f"{tag}: integrity after the imports", detail)
    if not args.keep and all(r[0] for r in RESULTS):
        shutil.rmtree(round_dir, ignore_errors=True)
    if first_commit:
        hint["first_commit"] = first_commit
    return None if finished else state["bibs"]


def check_import(args, directory):
    print("\n== 1. SIGKILL during a MARC import", flush=True)
    seed_dir = os.path.join(directory, "import-seed")
    os.makedirs(seed_dir)
    pristine = os.path.join(seed_dir, "lectern.sqlite")
    server = Server(args.lectern, pristine, free_port(), os.path.join(seed_dir, "outbox"), 0, seed_dir)
    took, text = server.start()
    server.stop()
    if "Created the demo institution" not in text:
        return check(False, "import: seed the demo institution", text[-1000:])
    input_path = os.path.join(directory, "records.mrc")
    result = run([args.lectern, "demo-catalogue", "--count", str(args.records), "--start", "10000000", "--format", "iso2709", input_path])
    if result.returncode != 0:
        return check(False, "import: generate the records", result.stderr[-1000:])
    expected = read_iso2709(input_path)
    totals = {"bibs": len(expected), "holdings": sum(h for h, _ in expected.values()), "items": sum(i for _, i in expected.values())}
    log(f"input: {totals['bibs']} records, {totals['holdings']} holdings (852), {totals['items']} items (876)")
    if totals["bibs"] <= BATCH:
        check(False, "import: more records than one batch", f"--records {args.records} must exceed {BATCH}")
    kinds = ["from the start", "after the first commit", "inside the first batch's write"]
    outcomes = []
    hint = {}
    rng = random.Random(args.seed)
    number = 0
    for i in range(args.rounds):
        number += 1
        kind = kinds[i] if i < 3 else rng.choice(kinds)
        outcomes.append(import_round(args, number, kind, args.seed + number, pristine, input_path, expected, totals, directory, hint))
    for _ in range(2):  # make sure of one kill on each side of the first commit
        if not any(o == 0 for o in outcomes):
            number += 1
            outcomes.append(import_round(args, number, "before the first commit", args.seed + number, pristine, input_path,
                                         expected, totals, directory, hint))
        elif not any(o is not None and o >= BATCH for o in outcomes):
            number += 1
            outcomes.append(import_round(args, number, "after the first commit", args.seed + number, pristine, input_path,
                                         expected, totals, directory, hint))
    check(any(o == 0 for o in outcomes), "import: at least one kill landed before the first batch committed", f"bibs at the kills: {outcomes}")
    check(any(o is not None and o >= BATCH for o in outcomes), "import: at least one kill landed after the first batch committed",
          f"bibs at the kills: {outcomes}")


# --- the portal -----------------------------------------------------------------------------------


class Browser:
    """Cookies and CSRF tokens for the portal, on 127.0.0.1 only."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def call(self, method, path, form=None, timeout=60):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, answer_headers, data, set_cookies = request(self.port, method, path, body=body, headers=headers, timeout=timeout)
        for cookie in set_cookies:
            name, _, rest = cookie.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in cookie or not value:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return status, answer_headers, data.decode("utf-8", "replace")

    def get(self, path, follow=3):
        status, headers, text = self.call("GET", path)
        while status in (301, 302, 303, 307) and follow > 0:
            follow -= 1
            status, headers, text = self.call("GET", urllib.parse.urlsplit(headers["location"])._replace(scheme="", netloc="").geturl())
        return status, text

    @staticmethod
    def csrf(page, action=None):
        if action:
            form = page.find(f'action="{action}"')
            if form < 0:
                raise RuntimeError(f"no form for {action} on the page")
            page = page[form:]
        match = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        if not match:
            raise RuntimeError("no CSRF token on the page")
        return match.group(1)


def newest_link(outbox, marker):
    names = sorted((os.path.join(outbox, n) for n in os.listdir(outbox) if n.endswith(".eml")), key=os.path.getmtime, reverse=True)
    for name in names:
        text = open(name, encoding="utf-8", errors="replace").read()
        if marker in text:
            match = re.search(r"(http://\S+/portal/\S+)", text)
            if match:
                return match.group(1)
    raise RuntimeError(f"no e-mail with {marker!r} in {outbox}")


def path_of(link):
    parts = urllib.parse.urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def become_admin(lectern, database, outbox, port):
    """Signs up, activates, logs in and accepts an admin invitation to DEMO: the logged-in browser."""
    browser = Browser(port)
    email, password = "crash-admin@demo.edu", "a long enough password"
    status, page = browser.get("/portal/signup")
    status, _, page = browser.call("POST", "/portal/signup", {"csrf": Browser.csrf(page, "/portal/signup"), "name": "Crash Admin",
                                                              "email": email, "password": password, "terms": "yes"})
    if "Check your e-mail" not in page:
        raise RuntimeError(f"sign-up answered {status}: {page[:500]}")
    status, page = browser.get(path_of(newest_link(outbox, "activate your account")))
    if "Account activated" not in page:
        raise RuntimeError(f"activation answered {status}: {page[:500]}")
    status, page = browser.get("/portal/login")
    status, headers, page = browser.call("POST", "/portal/login", {"csrf": Browser.csrf(page, "/portal/login"), "email": email,
                                                                   "password": password, "next": "/portal/applications"})
    if "lectern_session" not in browser.cookies:
        raise RuntimeError(f"log-in answered {status}: {page[:500]}")
    invited = run([lectern, "portal", "invite", "--institution", "DEMO", "--email", email, "--admin", "--database", f"sqlite:{database}",
                   "--outbox", outbox, "--public-url", f"http://127.0.0.1:{port}"], timeout=120)
    match = re.search(r"(http://\S+/portal/invitations/accept\?token=\S+)", invited.stdout)
    if not match:
        raise RuntimeError(f"portal invite printed {invited.stdout!r} {invited.stderr[-500:]!r}")
    status, page = browser.get(path_of(match.group(1)))
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(match.group(1)).query)["token"][0]
    status, headers, page = browser.call("POST", "/portal/invitations/accept",
                                         {"csrf": Browser.csrf(page, "/portal/invitations/accept"), "token": token})
    status, page = browser.get("/portal/organizations/DEMO")
    if 'action="/portal/organizations/DEMO/sandbox/reset"' not in page:
        raise RuntimeError(f"the organization page offers no reset ({status}): {page[:500]}")
    return browser


# --- checks 2 and 4: concurrent writers, threshold counts ------------------------------------------


class Counter(threading.Thread):
    """GETs with a throttled key, noting every X-Exl-Api-Remaining answered with 200."""

    def __init__(self, port, key, path, stop):
        super().__init__(daemon=True)
        self.port, self.key, self.path, self.stop = port, key, path, stop
        self.answers = []  # (answered at, remaining)
        self.refused = 0
        self.unanswered = 0

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        deadline = time.time() + 120
        while not self.stop.is_set() and time.time() < deadline:
            try:
                status, headers, _, _ = request(self.port, "GET", self.path, key=self.key, connection=connection)
            except (OSError, http.client.HTTPException):
                self.unanswered += 1
                break
            if status == 200 and "x-exl-api-remaining" in headers:
                self.answers.append((time.time(), int(headers["x-exl-api-remaining"])))
            else:
                self.refused += 1
                time.sleep(0.01)
        connection.close()


class FlushWatcher(threading.Thread):
    """Reads DEMO's stored daily Alma count every 50 ms: when the gateway's flushes land."""

    def __init__(self, database, stop):
        super().__init__(daemon=True)
        self.database, self.stop = database, stop
        self.changes = []  # (seen at, stored count)

    def run(self):
        deadline = time.time() + 120
        last = None
        while not self.stop.is_set() and time.time() < deadline:
            value = stored_daily_count(self.database)
            if value != last and value is not None:
                self.changes.append((time.time(), value))
                last = value
            time.sleep(0.05)


def stored_daily_count(database):
    try:
        db = sqlite3.connect(database, timeout=1)
        try:
            row = db.execute("SELECT count FROM daily_counts WHERE institution = 'DEMO' AND product = 'alma' "
                             "ORDER BY day DESC LIMIT 1").fetchone()
            return row[0] if row else 0
        finally:
            db.close()
    except sqlite3.Error:
        return None


def threshold_check(name, counter, kill_time, after_remaining, watcher, stored_at_kill):
    """Check 4 for one kill: lost = answered-before minus stored-after."""
    if not counter.answers or after_remaining is None:
        return check(False, f"threshold counts ({name})", "no counted answer before the kill or none after the restart")
    lowest = min(r for _, r in counter.answers)
    last_answered_at, last = counter.answers[-1]
    lost = after_remaining + 1 - lowest
    last_second = sum(1 for t, _ in counter.answers if t >= kill_time - 1.0)
    last_two = sum(1 for t, _ in counter.answers if t >= kill_time - 2.0)
    detail = (f"{len(counter.answers)} counted calls answered before the kill (last {last} at {kill_time - last_answered_at:.2f} s "
              f"before it, lowest {lowest}), {counter.refused} refused; after the restart one call answered {after_remaining}: "
              f"{lost} counted calls lost; {last_second} answered in the last second before the kill, {last_two} in the last two")
    flushes = [t for t, _ in watcher.changes if t <= kill_time]
    if flushes:
        gaps = [b - a for a, b in zip(flushes, flushes[1:])]
        since = sum(1 for t, _ in counter.answers if t > flushes[-1])
        detail += (f"; stored count at the kill {stored_at_kill}; flushes seen landing {len(flushes)} times, the last "
                   f"{kill_time - flushes[-1]:.2f} s before the kill, gaps between flushes {min(gaps, default=0):.2f}-"
                   f"{max(gaps, default=0):.2f} s; {since} calls answered after the last flush seen")
    return check(-1 <= lost <= last_second, f"threshold counts ({name}): lost calls at most the last second's", detail)


def first_remaining(port, key, path):
    for _ in range(20):
        status, headers, _, _ = request(port, "GET", path, key=key)
        if status == 200 and "x-exl-api-remaining" in headers:
            return int(headers["x-exl-api-remaining"])
        time.sleep(0.1)
    return None


class Writer(threading.Thread):
    """PUTs users, each PUT setting first_name, last_name and job_description to a new token."""

    def __init__(self, number, port, key, user, template, stop, rng_seed, round_number):
        super().__init__(daemon=True)
        self.number, self.port, self.key, self.user, self.template, self.stop = number, port, key, user, template, stop
        self.writes = []  # dicts: token, user, sent, answered (or None), status (or None)
        self.suffix = random.Random(rng_seed).randrange(16 ** 4)
        self.round = round_number

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        deadline = time.time() + 120
        sequence = 0
        while not self.stop.is_set() and time.time() < deadline:
            sequence += 1
            token = f"R{self.round}W{self.number:02d}S{sequence:05d}X{self.suffix:04x}"
            body = dict(self.template, first_name=token, last_name=token, job_description=token)
            write = {"token": token, "user": self.user, "sent": time.time(), "answered": None, "status": None}
            self.writes.append(write)
            try:
                status, _, _, _ = request(self.port, "PUT", f"/almaws/v1/users/{urllib.parse.quote(self.user)}", key=self.key,
                                          body=body, connection=connection)
            except (OSError, http.client.HTTPException):
                break  # the server is gone: this write is in flight, applied or not
            write["answered"], write["status"] = time.time(), status
            if status != 200:
                time.sleep(0.02)
        connection.close()


def check_writers(args, server, keys, rng, round_number):
    print(f"\n== 2. SIGKILL during 50 concurrent user writers, round {round_number} (and 4. threshold counts under write load)", flush=True)
    tag = f"writers round {round_number}"
    port = server.port
    status, _, data, _ = request(port, "GET", "/almaws/v1/users?limit=10&offset=0", key=keys["writer"])
    ids = [u["primary_id"] for u in json.loads(data)["user"]][:10]
    templates = {}
    for user in ids:
        status, _, data, _ = request(port, "GET", f"/almaws/v1/users/{urllib.parse.quote(user)}", key=keys["writer"])
        templates[user] = json.loads(data)
    stop = threading.Event()
    writers = []
    for number in range(50):
        user = ids[0] if number < 25 else ids[1 + (number - 25) % 9]
        writers.append(Writer(number, port, keys["writer"], user, templates[user], stop, rng.random(), round_number))
    counter = Counter(port, keys["throttled"], f"/almaws/v1/users/{urllib.parse.quote(ids[-1])}", stop)
    watcher = FlushWatcher(server.database, stop)
    for thread in writers + [counter, watcher]:
        thread.start()
    began = time.time()
    delay = rng.uniform(2, 4)
    time.sleep(delay)
    server.kill()
    kill_time = time.time()
    stop.set()
    for thread in writers + [counter, watcher]:
        thread.join(timeout=30)
    stored_at_kill = stored_daily_count(server.database)
    writes = [w for writer in writers for w in writer.writes]
    acked = [w for w in writes if w["status"] == 200]
    unanswered = [w for w in writes if w["status"] is None]
    other = {}
    for w in writes:
        if w["status"] not in (None, 200):
            other[w["status"]] = other.get(w["status"], 0) + 1
    log(f"SIGKILL {kill_time - began:.2f} s after the writers started: {len(writes)} PUTs sent, {len(acked)} acknowledged (200), "
        f"{len(unanswered)} unanswered at the kill, other answers {other or 'none'}")
    check(len(acked) > 0 and len(unanswered) > 0, f"{tag}: writes were acknowledged and others in flight at the kill",
          f"{len(acked)} acknowledged, {len(unanswered)} in flight")
    ok, detail = integrity(server.database)
    check(ok, f"{tag}: integrity after the kill", detail)
    server.start()
    after_remaining = first_remaining(port, keys["throttled"], f"/almaws/v1/users/{urllib.parse.quote(ids[-1])}")
    threshold_check(f"kill under 50 writers, round {round_number}", counter, kill_time, after_remaining, watcher, stored_at_kill)
    mixed, lost, notes, unindexed = [], [], [], []
    for user in ids:
        status, _, data, _ = request(port, "GET", f"/almaws/v1/users/{urllib.parse.quote(user)}", key=keys["writer"])
        stored = json.loads(data)
        values = (stored.get("first_name"), stored.get("last_name"), stored.get("job_description"))
        if len(set(values)) != 1:
            mixed.append(f"{user}: first_name {values[0]!r}, last_name {values[1]!r}, job_description {values[2]!r}")
            continue
        token = values[0]
        status, _, data, _ = request(port, "GET", f"/almaws/v1/users?q=last_name~{urllib.parse.quote(token)}&limit=10", key=keys["writer"])
        found = [u["primary_id"] for u in json.loads(data).get("user", [])] if status == 200 else f"status {status}"
        if found != [user]:
            unindexed.append(f"{user}: a search for last_name~{token} found {found}")
        mine = [w for w in writes if w["user"] == user]
        mine_acked = [w for w in mine if w["status"] == 200]
        last_acked = max(mine_acked, key=lambda w: w["answered"]) if mine_acked else None
        # A write may be the final state when it was acknowledged or unanswered, and no acknowledged
        # write of the user was sent after it was acknowledged (that one would be surely later).
        latest_acked_send = max((w["sent"] for w in mine_acked), default=None)
        allowed = {w["token"] for w in mine if w["status"] in (200, None)
                   and (latest_acked_send is None or w["answered"] is None or w["answered"] >= latest_acked_send)}
        if not mine_acked:
            allowed.add(templates[user].get("first_name"))
        described = (f"{user}: stored {token}, last acknowledged {last_acked['token'] if last_acked else None} "
                     f"({len(mine_acked)} acknowledged, {sum(1 for w in mine if w['status'] is None)} in flight)")
        if token not in allowed:
            which = next((w for w in mine if w["token"] == token), None)
            lost.append(described + (f"; the stored write was answered {which['status']} "
                                     f"{'at ' + format(which['answered'] - began, '.3f') + ' s' if which['answered'] else ''}"
                                     if which else "; the stored token was never sent"))
        else:
            sent_after = last_acked is not None and token != last_acked["token"]
            notes.append(described + (" (a write in flight or acknowledged concurrently)" if sent_after else ""))
    check(not mixed, f"{tag}: every user has first_name == last_name == job_description (no record mixes two writes)", "; ".join(mixed))
    check(not unindexed, f"{tag}: the user search finds each user by its stored last_name and only it", "; ".join(unindexed))
    check(not lost, f"{tag}: every user holds its last acknowledged write or one sent after it (nothing acknowledged lost)",
          "; ".join(lost) if lost else f"{len(ids)} users; e.g. {notes[0]}")
    return ids


def check_quiet_threshold(args, server, keys, rng, user, extra_input):
    print("\n== 4. Threshold counts: SIGKILL during steady counted calls", flush=True)
    stop = threading.Event()
    counter = Counter(server.port, keys["throttled"], f"/almaws/v1/users/{urllib.parse.quote(user)}", stop)
    watcher = FlushWatcher(server.database, stop)
    counter.start()
    watcher.start()
    time.sleep(rng.uniform(2, 4))
    server.kill()
    kill_time = time.time()
    stop.set()
    counter.join(timeout=30)
    watcher.join(timeout=30)
    stored_at_kill = stored_daily_count(server.database)
    ok, detail = integrity(server.database)
    check(ok, "threshold: integrity after the kill", detail)
    # While the server is down: more bibs in the sandbox, so that the old state of check 3 is not the demo data.
    result = run([args.lectern, "import", "marc", extra_input, "--institution", "DEMO", "--database", f"sqlite:{server.database}"])
    if result.returncode != 0:
        log(f"extra import failed: {result.stdout} {result.stderr[-500:]}")
    server.start()
    after_remaining = first_remaining(server.port, keys["throttled"], f"/almaws/v1/users/{urllib.parse.quote(user)}")
    threshold_check("quiet kill", counter, kill_time, after_remaining, watcher, stored_at_kill)


# --- check 3: the sandbox reset ---------------------------------------------------------------------


def describe_difference(state, reference):
    kinds = sorted(set(state) | set(reference))
    return ", ".join(f"{k} {state.get(k, 0)} vs {reference.get(k, 0)}" for k in kinds if state.get(k, 0) != reference.get(k, 0)) or "none"


def check_reset(args, server, keys, browser, demo_state, reset_estimate, rng, users):
    print("\n== 3. SIGKILL during a sandbox reset", flush=True)
    port = server.port
    production_before = kind_counts(server.database, "DEMO/production")
    outcome = None
    for attempt in range(1, 4):
        # Make the sandbox differ from the demo data: a few users fewer (the extra bibs are in already).
        deleted = 0
        status, _, data, _ = request(port, "GET", "/almaws/v1/users?limit=40&offset=100", key=keys["writer"])
        for user in [u["primary_id"] for u in json.loads(data).get("user", [])]:
            if deleted >= 3 or user in users:
                continue
            status, _, _, _ = request(port, "DELETE", f"/almaws/v1/users/{urllib.parse.quote(user)}", key=keys["writer"])
            deleted += status == 204
        old_state = kind_counts(server.database)
        if old_state == demo_state:
            return check(False, "reset: the sandbox differs from the demo data before the reset", str(old_state))
        status, page = browser.get("/portal/organizations/DEMO")
        csrf = Browser.csrf(page, "/portal/organizations/DEMO/sandbox/reset")
        answer = {}

        def post():
            try:
                answer["status"], _, answer["page"] = browser.call("POST", "/portal/organizations/DEMO/sandbox/reset",
                                                                   {"csrf": csrf, "confirm": "yes"}, timeout=600)
            except (OSError, http.client.HTTPException) as error:
                answer["error"] = repr(error)
            answer["at"] = time.time()

        delay = max(0.3, rng.uniform(0.15, 0.85) * reset_estimate / attempt)
        thread = threading.Thread(target=post, daemon=True)
        began = time.time()
        thread.start()
        seen = []  # what a reader saw during the reset: (seconds, users, bibs)
        while time.time() < began + delay and "at" not in answer:
            state = kind_counts(server.database)
            seen.append((time.time() - began, state.get("user", 0), state.get("bib", 0)))
            time.sleep(0.1)
        if "at" in answer:
            log(f"reset attempt {attempt}: the reset finished ({answer.get('status')}) in {answer['at'] - began:.1f} s, "
                f"before the kill planned at {delay:.1f} s; again with a shorter delay")
            reset_estimate = answer["at"] - began
            continue
        server.kill()
        kill_time = time.time()
        thread.join(timeout=30)
        log(f"reset attempt {attempt}: SIGKILL {kill_time - began:.2f} s into the reset (estimated {reset_estimate:.1f} s); "
            f"readers saw (s, users, bibs): {[(round(s, 1), u, b) for s, u, b in seen[::max(1, len(seen) // 8)]]}")
        outcome = (old_state, kind_counts(server.database))
        break
    if outcome is None:
        return check(False, "reset: SIGKILL during a reset", "every reset finished before the kill")
    old_state, after = outcome
    ok, detail = integrity(server.database)
    check(ok, "reset: integrity after the kill", detail)
    if after == old_state:
        verdict = "the old data"
    elif after == demo_state:
        verdict = "the whole new demo data"
    else:
        verdict = None
    check(verdict is not None, "reset: after the kill the sandbox is the old data or the whole new demo data",
          f"it is {verdict}" if verdict else
          f"neither: users {after.get('user', 0)} (old {old_state.get('user', 0)}, new {demo_state.get('user', 0)}), "
          f"bibs {after.get('bib', 0)} (old {old_state.get('bib', 0)}, new {demo_state.get('bib', 0)}); "
          f"against the old: {describe_difference(after, old_state)}; against the new: {describe_difference(after, demo_state)}")
    check(kind_counts(server.database, "DEMO/production") == production_before, "reset: production untouched by the killed reset")
    server.start()
    status, page = browser.get("/portal/organizations/DEMO")
    if 'action="/portal/organizations/DEMO/sandbox/reset"' not in page:
        return check(False, "reset: a second reset completes", f"the organization page after the restart answered {status}: {page[:300]}")
    began = time.time()
    status, _, page = browser.call("POST", "/portal/organizations/DEMO/sandbox/reset",
                                   {"csrf": Browser.csrf(page, "/portal/organizations/DEMO/sandbox/reset"), "confirm": "yes"}, timeout=600)
    took = time.time() - began
    final = kind_counts(server.database)
    done = status == 200 and "holds the demo data again" in page and final == demo_state
    check(done, f"reset: a second reset completes ({status} in {took:.1f} s) and gives the demo data",
          "" if done else f"page {re.sub(r'<[^>]+>', ' ', page)[:300]!r}; against the demo data: {describe_difference(final, demo_state)}")
    ok, detail = integrity(server.database)
    check(ok, "reset: integrity after the second reset", detail)


def check_server(args, directory):
    rng = random.Random(args.seed + 1000)
    serve_dir = os.path.join(directory, "serve")
    os.makedirs(serve_dir)
    database = os.path.join(serve_dir, "lectern.sqlite")
    outbox = os.path.join(serve_dir, "outbox")
    server = Server(args.lectern, database, free_port(), outbox, args.demo_bibs, serve_dir)
    try:
        seeded_in, text = server.start()
        keys = {}
        for line in text.splitlines():
            match = re.match(r"\s+(.+?): (l7xx[0-9a-f]+)$", line)
            if match:
                keys[match.group(1)] = match.group(2)
        keys["throttled"] = keys.get("Sandbox read-only, all areas")
        if not keys["throttled"]:
            return check(False, "serve: demo keys printed", text[-1000:])
        demo_state = kind_counts(database)
        log(f"serving on 127.0.0.1:{server.port}; demo data {demo_state.get('bib')} bibs, {demo_state.get('user')} users, seeded in {seeded_in:.1f} s")
        browser = become_admin(args.lectern, database, outbox, server.port)
        log("portal: signed up, activated, logged in, admin of DEMO")
        server.stop()
        created = run([args.lectern, "key", "create", "--institution", "DEMO", "--environment", "sandbox", "--area", "users=rw",
                       "--unthrottled", "--label", "crash safety writers", "--database", f"sqlite:{database}"], timeout=120)
        keys["writer"] = created.stdout.strip()
        if not re.fullmatch(r"l7xx[0-9a-f]+", keys["writer"]):
            return check(False, "serve: an unthrottled key for the writers", created.stdout + created.stderr)
        restarted_in, _ = server.start()
        reset_estimate = max(1.0, seeded_in - restarted_in)
        for round_number in range(1, args.writer_rounds + 1):
            users = check_writers(args, server, keys, rng, round_number)
        extra_input = os.path.join(serve_dir, "extra.mrc")
        run([args.lectern, "demo-catalogue", "--count", "300", "--start", "20000000", "--format", "iso2709", extra_input])
        check_quiet_threshold(args, server, keys, rng, users[-1], extra_input)
        check_reset(args, server, keys, browser, demo_state, reset_estimate, rng, users)
    finally:
        if server.process is not None and server.process.poll() is None:
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lectern", required=True, help="the lectern binary")
    parser.add_argument("--records", type=int, default=20_000, help="records in the imported file (more than 10,000)")
    parser.add_argument("--rounds", type=int, default=3, help="killed import rounds (more are added to land on both sides of the first commit)")
    parser.add_argument("--seed", type=int, default=None, help="base random seed (default: random, printed)")
    parser.add_argument("--writer-rounds", type=int, default=3, help="killed rounds of 50 writers (check 2, and check 4 under load)")
    parser.add_argument("--demo-bibs", type=int, default=1000, help="demo catalogue size of the server and of each reset")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument("--only", choices=["import", "server"], help="run one part only")
    args = parser.parse_args()
    args.lectern = os.path.abspath(args.lectern)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1_000_000)
    directory = tempfile.mkdtemp(prefix="lectern-crash-")
    print(f"crash safety: {args.lectern}, {args.records} records, {args.rounds} import rounds, seed {args.seed}, scratch {directory}", flush=True)
    try:
        if args.only in (None, "import"):
            check_import(args, directory)
        if args.only in (None, "server"):
            check_server(args, directory)
    except Exception as error:  # a step that could not run is a failure too
        import traceback
        traceback.print_exc()
        check(False, "the run itself", repr(error))
    finally:
        for process in PROCESSES:
            if process.poll() is None:
                sigkill(process)
    failed = [r for r in RESULTS if not r[0]]
    print(f"\n== summary: {len(RESULTS) - len(failed)} passed, {len(failed)} failed, {time.time() - STARTED:.0f} s (seed {args.seed})")
    for passed, name, detail in failed:
        print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
    if failed or args.keep:
        print(f"scratch directory kept: {directory}")
    else:
        shutil.rmtree(directory, ignore_errors=True)
    print("RESULT: " + ("FAIL" if failed else "PASS"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
