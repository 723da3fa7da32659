#!/usr/bin/env python3
"""The developer portal end to end, in a real headless browser (Chromium driven by Selenium).

Starts `lectern serve` on a new database, then, as a person would: signs up, activates the
account from the e-mail outbox, logs in, joins the demo organization through an invitation,
creates an application with a Sandbox read/write key for Users, calls /almaws/v1/users with it
from the API console (with a sample body prefilled for a PUT), finds the call counted on the
usage dashboard, changes the application's plan (the new key shown once: a reload does not show
it again, Post/Redirect/Get), and resets the sandbox while a page shows its progress. Saves a
screenshot of every page at 1400 px and at 390 px width in --output, and fails when a page
scrolls sideways at 390 px. Exit status 0 when every step held.

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
import urllib.error
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

    WIDTHS = (1400, 390)

    def shot(self, name):
        """Saves the whole page at each width (the window is stretched to the page's height
        first), and fails if the page is wider than a 390 px phone screen."""
        self.count += 1
        for width in self.WIDTHS:
            self.driver.set_window_size(width, 900)
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.set_window_size(width, max(900, min(height + 40, 8000)))
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            path = self.output / f"{self.count:02d}-{name}-{width}.png"
            self.driver.save_screenshot(str(path))
            print(f"  screenshot {path}")
            if width <= 400 and overflow > 0:
                wide = self.driver.execute_script(
                    "const w = document.documentElement.clientWidth;"
                    "const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement)"
                    " { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };"
                    "return [...document.querySelectorAll('body *')]"
                    ".filter(e => e.getBoundingClientRect().right > w + 1 && !clipped(e))"
                    ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')"
                    " + ' ' + Math.round(e.getBoundingClientRect().right));"
                )
                raise AssertionError(f"{name} scrolls sideways by {overflow} px at {width} px width: {wide}")
        self.driver.set_window_size(self.WIDTHS[0], 900)

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
             "--institution", "DEMO", "--email", "e2e@demo.edu", "--admin", "--public-url", base],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        assert "/portal/invitations/accept?token=" in invitation, invitation

        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,900",
                         "--hide-scrollbars"]:
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
        steps.expect_text("as an administrator")
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
        assert "/key?flash=" in driver.current_url, driver.current_url
        steps.shot("key-created")
        driver.refresh()
        steps.expect_text("Key shown already")
        assert key not in driver.page_source
        steps.shot("key-reloaded")

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
        driver.refresh()
        assert "console-status" not in driver.page_source, "a reload showed the answer again"

        print("6b. a PUT is prefilled with the object it replaces, from the demo data")
        steps.open("/portal/console?area=users&operation=put_almaws_v1_users_user_id")
        sample = driver.find_element(By.ID, "console-body").get_attribute("value")
        assert "primary_id" in sample, sample[:400]
        steps.expect_text("A sample from the demo data")
        steps.shot("console-put-sample")
        steps.open("/portal/console?area=electronic")
        steps.shot("console-area-without-operations")

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

        print("8b. change the plan: the old key stops, the new one is shown once")
        Select(driver.find_element(By.ID, "change-plan")).select_by_value("production:DEMO")
        steps.shot("application-plan")
        driver.execute_script("window.confirm = () => true")  # the confirmation dialog answers yes
        steps.click("change-plan-submit")
        steps.expect_text("on the Production plan now")
        old_key, key = key, steps.text_of("new-key")
        assert old_key != key
        steps.shot("plan-changed")

        print("8c. revoke the key, then issue a new one")
        steps.open("/portal/applications")
        driver.find_element(By.LINK_TEXT, "End-to-end check").click()
        driver.execute_script("window.confirm = () => true")
        driver.find_element(By.XPATH, "//button[normalize-space()='Revoke']").click()
        WebDriverWait(driver, 10).until(lambda d: not d.find_elements(By.XPATH, "//button[normalize-space()='Revoke']"), "the key stayed active")
        revoked = urllib.request.Request(f"{base}/almaws/v1/users?limit=1", headers={"Authorization": f"apikey {key}"})
        try:
            urllib.request.urlopen(revoked)
            raise AssertionError("a revoked key still answered")
        except urllib.error.HTTPError as refusal:
            assert refusal.code in (400, 401, 403), refusal.code
        steps.shot("key-revoked")
        steps.click("issue-key")
        old_key, key = key, steps.text_of("new-key")
        assert old_key != key and key.startswith("l7xx")
        steps.shot("key-reissued")

        print("8d. reset the sandbox and watch its progress")
        steps.open("/portal/organizations/DEMO")
        steps.click("confirm-reset")
        driver.execute_script("window.confirm = () => true")  # the confirmation dialog answers yes
        steps.click("reset-sandbox")
        WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/sandbox/reset"))
        if "is being reset" in driver.page_source:
            steps.shot("sandbox-reset-running")
        WebDriverWait(driver, 120).until(lambda d: "holds the demo data again" in d.page_source, "the reset never finished")
        steps.shot("sandbox-reset-done")

        print("9. the key works outside the browser too")
        request = urllib.request.Request(f"{base}/almaws/v1/users?limit=1", headers={"Authorization": f"apikey {key}"})
        with urllib.request.urlopen(request) as answer:
            assert answer.status == 200

        print("10. log out")
        steps.click("logout")
        steps.expect_text("Sign up")
        steps.shot("logged-out")

        print("11. the API documentation, without logging in")
        steps.open("/portal/docs")
        steps.expect_text("Esploro Assets")
        steps.shot("docs")
        driver.find_element(By.LINK_TEXT, "Users").click()
        steps.expect_text("The object <code>user</code>")
        steps.expect_text("Example in JSON (from the demo data)")
        steps.shot("docs-users")
        steps.open("/portal/docs/assets")
        steps.expect_text("any JSON value")
        steps.shot("docs-assets")
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
