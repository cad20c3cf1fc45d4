#!/usr/bin/env python3
"""Drives the Steward dashboard in headless Chromium (selenium + chromedriver) through what
people do with it, and fails with a message naming the step that went wrong.

Usage: dashboard_flow.py --base URL --admin TOKEN --viewer TOKEN --fixture CSV --job ID --shots DIR
The server must run workers (its `imports` and `webhooks` queues among them) with the fixture's
profiles. The script pauses `imports` from the queues page, uploads, sees the upload wait while
the workers go on claiming webhook deliveries, resumes the queue from the page in another tab,
and sees the progress reach its final status without the import page reloading.
"""
import argparse
import json
import os
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait as SeleniumWait


def WebDriverWait(driver, seconds):
    """Waits on a condition of the page; a page being replaced mid-look is looked at again."""
    return SeleniumWait(driver, seconds, ignored_exceptions=[NoSuchElementException, StaleElementReferenceException])


def fail(step, detail):
    sys.exit(f"browser flow failed at '{step}': {detail}")


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def api(base, token, method, path):
    request = urllib.request.Request(base + path, method=method, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read() or b"{}")


def sign_in(driver, base, token):
    driver.get(base + "/ui")
    if "/ui/login" not in driver.current_url:
        fail("sign in", f"a browser without a session was not sent to sign in ({driver.current_url})")
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, "form.signout")))


def status_text(driver):
    return driver.find_element(By.ID, "import-status").text


def drop_file(driver, target, path):
    """Drops the file at `path` on the element `target`, as a person dragging it from their
    desktop would: a drop event carrying the file."""
    with open(path, encoding="utf-8", newline="") as file:
        text = file.read()
    driver.execute_script(
        "var transfer = new DataTransfer();"
        "transfer.items.add(new File([arguments[1]], arguments[2], {type: 'text/csv'}));"
        "var target = document.querySelector(arguments[0]);"
        "target.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
        "target.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));",
        target, text, os.path.basename(path))


def queue_row(driver, queue):
    """The text of a queue's row on the queues page ('' when it is not listed)."""
    for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells and cells[0].text == queue:
            return row.text
    return ""


def post_from_page(driver, path, body):
    """A form post made by script from the page, as a forging page would; returns the status."""
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1],"
        " redirect: 'manual', credentials: 'same-origin'}).then(function (r) { done(r.status); });", path, body)


def main():
    parser = argparse.ArgumentParser()
    for name in ("base", "admin", "viewer", "fixture", "job", "shots"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    driver = browser()
    try:
        run(driver, args)
    finally:
        driver.quit()
    print("browser flow: ok")


def run(driver, args):
    base = args.base
    sign_in(driver, base, args.admin)

    # The imports queue, idle but served, paused from the queues page with a reason.
    driver.get(base + "/ui/queues")
    pause_form = "form[action='/ui/queues/imports/pause']"
    driver.find_element(By.CSS_SELECTOR, pause_form + " input[name=reason]").send_keys("browser test")
    driver.find_element(By.CSS_SELECTOR, pause_form + " button").click()
    WebDriverWait(driver, 30).until(lambda d: "paused since" in queue_row(d, "imports") and "browser test" in queue_row(d, "imports"))
    # The serving process announces itself as its pool starts, beside the server: look again
    # until it is there.
    try:
        WebDriverWait(driver, 30).until(lambda d: "imports=" in d.find_element(By.CSS_SELECTOR, "table.processes").text or d.refresh())
    except Exception:
        fail("processes", f"the serving process was not listed: {driver.find_element(By.CSS_SELECTOR, 'table.processes').text}")
    if "silent" in driver.find_element(By.CSS_SELECTOR, "table.processes").text:
        fail("processes", "the serving process is marked silent")
    driver.save_screenshot(os.path.join(args.shots, "queues.png"))

    # An upload waits in the paused queue.
    driver.get(base + "/ui/imports")
    Select(driver.find_element(By.NAME, "profile")).select_by_value("prospecting-targets")
    drop_file(driver, "form.upload", args.fixture)
    hint = driver.find_element(By.CSS_SELECTOR, "form.upload .drop-hint").text
    if hint != os.path.basename(args.fixture) + " is ready to upload":
        fail("drop", f"the dropped file did not reach the file field: {hint}")
    driver.find_element(By.CSS_SELECTOR, "form.upload button").click()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.ID, "import-status")))
    if status_text(driver) != "pending":
        fail("upload", f"the import should wait while its queue is paused, but is {status_text(driver)}")
    import_url = driver.current_url

    # Meanwhile the workers go on claiming other queues: a ping to an endpoint that answers 500,
    # its failed delivery's timeline, then its redelivery, attempted again by a worker.
    driver.get(base + "/ui/webhooks")
    driver.find_element(By.CSS_SELECTOR, "form[action='/ui/webhooks/endpoints/crm-hooks/test'] button").click()
    WebDriverWait(driver, 30).until(lambda d: "/ui/webhooks/deliveries/" in d.current_url)
    if "HTTP 500" not in driver.find_element(By.CSS_SELECTOR, ".timeline").text:
        fail("delivery", driver.find_element(By.TAG_NAME, "main").text)
    driver.save_screenshot(os.path.join(args.shots, "delivery.png"))
    driver.find_element(By.CSS_SELECTOR, "form[action$='/redeliver'] button").click()
    WebDriverWait(driver, 30).until(lambda d: d.refresh() or len(d.find_elements(By.CSS_SELECTOR, ".timeline li strong")) >= 2)

    # ... but not the paused one: the import still waits, unclaimed.
    queues = {queue["queue"]: queue for queue in api(base, args.admin, "GET", "/queues")}
    imports = queues.get("imports", {})
    if imports.get("counts", {}).get("available") != 1 or imports.get("counts", {}).get("running") != 0 or "paused" not in imports:
        fail("paused queue", f"the paused queue's job should wait unclaimed: {imports}")

    # Resumed from the queues page in another tab; the import page, back in front, finishes live.
    driver.get(import_url)
    if status_text(driver) != "pending":
        fail("paused queue", f"the import ran while its queue was paused: {status_text(driver)}")
    driver.execute_script("window.stewardNotReloaded = true;")
    import_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(base + "/ui/queues")
    driver.find_element(By.CSS_SELECTOR, "form[action='/ui/queues/imports/resume'] button").click()
    WebDriverWait(driver, 30).until(lambda d: "paused" not in queue_row(d, "imports"))
    driver.close()
    driver.switch_to.window(import_tab)
    WebDriverWait(driver, 30).until(lambda d: status_text(d) == "completed_with_errors")
    if not driver.execute_script("return window.stewardNotReloaded === true;"):
        fail("progress", "the page reloaded instead of updating its progress part")
    driver.find_element(By.ID, "import-result").click()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, "ul.categories")))
    page = driver.find_element(By.TAG_NAME, "main").text
    if "validation: 3 open of 3" not in page or "malformed_row: 1 open of 1" not in page:
        fail("grouped errors", page)
    driver.save_screenshot(os.path.join(args.shots, "import-with-errors.png"))

    # The error report, corrected and uploaded again: the fixed row is imported.
    cookie = driver.get_cookie("steward_session")["value"]
    request = urllib.request.Request(import_url + "/report.csv", headers={"Cookie": f"steward_session={cookie}"})
    report = urllib.request.urlopen(request).read().decode()
    if not report.startswith("__line,__error_code,"):
        fail("report", report[:200])
    corrected = os.path.join(args.shots, "corrected.csv")
    with open(corrected, "w") as file:
        file.write(report.replace(",ben@harbor,", ",ben@harbor.co.uk,"))
    driver.find_element(By.CSS_SELECTOR, "form[action$='/retry'] input[type=file]").send_keys(corrected)
    driver.find_element(By.CSS_SELECTOR, "form[action$='/retry'] button").click()
    WebDriverWait(driver, 30).until(lambda d: d.current_url != import_url and status_text(d) == "completed_with_errors")
    if "1 created" not in driver.find_element(By.CSS_SELECTOR, ".progress").text:
        fail("corrected report", driver.find_element(By.CSS_SELECTOR, ".progress").text)
    driver.get(import_url)
    if "validation: 2 open of 3" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("resolved by the retry", driver.find_element(By.TAG_NAME, "main").text)

    # A discarded job retried from its page.
    driver.get(f"{base}/ui/jobs/{args.job}")
    driver.find_element(By.CSS_SELECTOR, f"form[action='/ui/jobs/{args.job}/retry'] button").click()
    WebDriverWait(driver, 30).until(lambda d: "discarded" not in d.find_element(By.CSS_SELECTOR, ".facts").text)

    # A form post without its form token is refused.
    if post_from_page(driver, f"/ui/jobs/{args.job}/cancel", "") != 403:
        fail("csrf", "a post without the form token was not refused")

    driver.get(base + "/ui")
    driver.save_screenshot(os.path.join(args.shots, "overview.png"))
    # Every other page, each signed in and rendered without an error.
    for name, path in [("jobs", "/ui/jobs"), ("job", f"/ui/jobs/{args.job}"), ("imports", "/ui/imports"), ("webhooks", "/ui/webhooks"),
                       ("exports", "/ui/exports"), ("schedules", "/ui/schedules"), ("cadences", "/ui/cadences"),
                       ("queue", "/ui/queues/imports?range=24h")]:
        driver.get(base + path)
        if not driver.find_elements(By.CSS_SELECTOR, "form.signout") or "Internal Server Error" in driver.page_source:
            fail("pages", f"{path} did not render: {driver.find_element(By.TAG_NAME, 'body').text[:300]}")
        driver.save_screenshot(os.path.join(args.shots, name + ".png"))

    # A viewer sees no buttons, and a forged post with its own form token is refused.
    driver.delete_all_cookies()
    sign_in(driver, base, args.viewer)
    driver.get(f"{base}/ui/jobs/{args.job}")
    if driver.find_elements(By.CSS_SELECTOR, "form[action$='/retry'], form[action$='/cancel']"):
        fail("viewer", "a viewer was shown action buttons")
    token = driver.find_element(By.CSS_SELECTOR, "form.signout input[name=csrf]").get_attribute("value")
    if post_from_page(driver, f"/ui/jobs/{args.job}/cancel", "csrf=" + token) != 403:
        fail("viewer", "a viewer's forged post was not refused")


if __name__ == "__main__":
    main()
