#!/usr/bin/env python3
"""The developer portal end to end, in a real headless browser (Chromium driven by Selenium).

Starts `lectern serve` on a new database, then, as a person would: signs up, activates the
account from the e-mail outbox, logs in, joins the demo organization through an invitation,
creates an application with a Sandbox read/write key for Users, calls /almaws/v1/users with it
from the API console, and finds the call counted on the usage dashboard. Saves a screenshot of
every page in --output. Exit status 0 when every step held.

    python3 Tests/EndToEnd/portal_e2e.py --lectern .build/debug/lectern --output test-output/portal-e2e
"""

import argparse
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"lectern serve exited early with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"lectern serve did not listen on port {port} within {seconds} s")


def newest_link(outbox, marker):
    """The portal link in the newest e-mail of the outbox whose text contains `marker`."""
    for path in sorted(pathlib.Path(outbox).glob("*.eml"), reverse=True):
        text = path.read_text()
        if marker in text:
            match = re.search(r"(http://\S+/portal/\S+)", text)
            if match:
                return match.group(1)
    raise AssertionError(f"no e-mail with {marker!r} in {outbox}")


class Steps:
    def __init__(self, driver, base, output):
        self.driver = driver
        self.base = base
        self.output = output
        self.count = 0

    def shot(self, name):
        """Saves the whole page (the window is stretched to the page's height first)."""
        self.count += 1
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, max(900, min(height + 40, 6000)))
        path = self.output / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        print(f"  screenshot {path}")

    def open(self, path):
        self.driver.get(path if path.startswith("http") else self.base + path)

    def fill(self, field_id, text):
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(text)

    def click(self, element_id):
        self.driver.find_element(By.ID, element_id).click()

    def expect_text(self, text):
        WebDriverWait(self.driver, 10).until(lambda d: text in d.page_source, f"page never showed {text!r}")

    def text_of(self, element_id):
        return self.driver.find_element(By.ID, element_id).text


def run(lectern, output):
    output.mkdir(parents=True, exist_ok=True)
    for old in output.glob("*.png"):
        old.unlink()
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="lectern-e2e-"))
    database = f"sqlite:{scratch}/e2e.sqlite"
    outbox = scratch / "outbox"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(scratch / "serve.log", "w")
    server = subprocess.Popen(
        [lectern, "serve", "--database", database, "--outbox", str(outbox), "--demo-bibs", "40", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    driver = None
    try:
        wait_for_port(port, server)
        invitation = subprocess.run(
            [lectern, "portal", "invite", "--database", database, "--outbox", str(outbox),
             "--institution", "DEMO", "--email", "e2e@demo.edu", "--public-url", base],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        assert "/portal/invitations/accept?token=" in invitation, invitation

        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        steps = Steps(driver, base, output)

        print("1. sign up")
        steps.open("/portal/signup")
        steps.fill("name", "Eve Twoend")
        steps.fill("email", "e2e@demo.edu")
        steps.fill("password", "a long enough password")
        steps.click("terms")
        steps.shot("signup-form")
        steps.click("signup-submit")
        steps.expect_text("Check your e-mail")
        steps.shot("signup-done")

        print("2. activate from the outbox")
        steps.open(newest_link(outbox, "activate your account"))
        steps.expect_text("Account activated")
        steps.shot("activated")

        print("3. log in")
        steps.open("/portal/login")
        steps.fill("email", "e2e@demo.edu")
        steps.fill("password", "a long enough password")
        steps.shot("login-form")
        steps.click("login-submit")
        steps.expect_text("New application")
        steps.shot("applications-empty")

        print("4. join the DEMO organization")
        steps.open(invitation)
        steps.expect_text("as a developer")
        steps.shot("invitation")
        steps.click("accept-invitation")
        steps.expect_text("Organization DEMO")
        steps.shot("organization")

        print("5. create an application with a Sandbox read/write key for Users")
        steps.open("/portal/applications/new")
        Select(driver.find_element(By.ID, "app-plan")).select_by_value("sandbox:DEMO")
        steps.fill("app-name", "End-to-end check")
        steps.fill("app-summary", "Created by the headless browser test")
        Select(driver.find_element(By.ID, "area-users")).select_by_value("rw")
        steps.shot("application-form")
        steps.click("create-application")
        steps.expect_text("Your new API key")
        key = steps.text_of("new-key")
        assert re.fullmatch(r"l7xx[0-9a-f]{32}", key), key
        steps.shot("key-created")

        print("6. call /almaws/v1/users from the API console")
        steps.open("/portal/console")
        Select(driver.find_element(By.ID, "console-area")).select_by_value("users")
        Select(driver.find_element(By.ID, "console-operation")).select_by_value("get_almaws_v1_users")
        steps.click("console-choose")
        WebDriverWait(driver, 10).until(lambda d: "operation=get_almaws_v1_users" in d.current_url)
        steps.fill("param-query.limit", "3")
        Select(driver.find_element(By.ID, "param-query.format")).select_by_value("json")
        steps.shot("console-form")
        steps.click("console-execute")
        steps.expect_text("JavaScript (fetch)")
        for sample in ("console-curl", "console-python", "console-javascript"):
            code = steps.text_of(sample)
            assert "LECTERN_KEY" in code and "l7xx" not in code, code[:400]
        status = steps.text_of("console-status")
        assert status == "200 OK", status
        body = steps.text_of("console-body-out")
        assert '"total_record_count": 320' in body, body[:400]
        steps.shot("console-answer")

        print("7. see the call counted on the usage dashboard")
        steps.open("/portal/usage")
        total = int(steps.text_of("total-calls"))
        assert total >= 1, total
        rows = steps.text_of("calls-per-area")
        assert "Users" in rows, rows
        steps.shot("usage")

        print("8. the application's page shows the console's call in its request log")
        steps.open("/portal/applications")
        driver.find_element(By.LINK_TEXT, "End-to-end check").click()
        steps.expect_text("Request log")
        assert "/almaws/v1/users?limit=3" in driver.page_source
        steps.shot("application")

        print("9. the key works outside the browser too")
        request = urllib.request.Request(f"{base}/almaws/v1/users?limit=1", headers={"Authorization": f"apikey {key}"})
        with urllib.request.urlopen(request) as answer:
            assert answer.status == 200

        print("10. log out")
        steps.click("logout")
        steps.expect_text("Sign up")
        steps.shot("logged-out")
        print(f"portal end to end: {steps.count} screenshots in {output}")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if server.returncode not in (0, -15, None):
            print((scratch / "serve.log").read_text()[-4000:], file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lectern", required=True, help="the lectern binary")
    parser.add_argument("--output", default="test-output/portal-e2e", help="where the screenshots go")
    arguments = parser.parse_args()
    run(arguments.lectern, pathlib.Path(arguments.output))
