"""End to end in headless Chromium: paste an article, see marked spans, open a timeline.

Uses Debian's ``chromium`` and ``chromium-driver`` through Selenium with the driver
path given, so nothing is ever downloaded; skips, saying why, where they are missing.
Screenshots go to the test's temporary folder and, when ``EVENTWIRE_SCREENSHOT_DIR``
is set, are copied there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="no headless browser: install Debian's chromium and chromium-driver "
    "(`make browser` does, as root)",
)

STORY = (
    "Ruritania and Freedonia\n\n"
    "Germany invited France to talks in Berlin on Monday.\n\n"
    "Russia attacked Ukraine overnight, and Poland condemned Russia for the attack."
)
# Stored for the timeline; a dyad and year no other test stores, as the server is shared.
LATER = [("2031-02-12", "Kenyan forces attacked Uganda near the border."),
         ("2031-04-08", "Kenya threatened Uganda with new sanctions. Uganda accused Kenya "
                        "of shelling civilians."),
         ("2031-05-20", "Kenya and Uganda agreed to exchange prisoners.")]


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1400,1100",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _save(driver: object, path: Path) -> Path:
    assert driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    wanted = os.environ.get("EVENTWIRE_SCREENSHOT_DIR")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(wanted) / path.name)
    return path


def test_paste_an_article_see_its_marks_and_open_a_timeline(
    browser: object, live_server: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    wait = WebDriverWait(driver, 60)  # type: ignore[arg-type]
    driver.get(f"{live_server}/")  # type: ignore[attr-defined]
    box = driver.find_element(By.NAME, "text")  # type: ignore[attr-defined]
    box.send_keys(STORY)
    driver.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('input[name=date]').value = '2024-03-04';")
    driver.find_element(By.ID, "code-button").click()  # type: ignore[attr-defined]
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "mark.m-trigger")))

    marks = driver.find_elements(By.CSS_SELECTOR, "mark")  # type: ignore[attr-defined]
    by_role = {role: {m.text for m in marks if f"m-{role}" in m.get_attribute("class")}
               for role in ("trigger", "source", "target")}
    assert {"invited", "attacked"} <= by_role["trigger"]
    assert {"Germany", "Russia"} <= by_role["source"]
    assert {"France", "Ukraine"} <= by_role["target"]
    colour = marks[0].value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the packaged stylesheet applies
    listed = driver.find_elements(By.CSS_SELECTOR, ".event-list .event")  # type: ignore[attr-defined]
    assert len(listed) >= 2
    _save(driver, tmp_path / "eventwire-code-page.png")

    for date, text in LATER:
        httpx.post(f"{live_server}/v1/articles", json={"text": text, "date": date},
                   timeout=60).raise_for_status()
    driver.get(f"{live_server}/timeline?a=KEN&b=UGA&bucket=month"  # type: ignore[attr-defined]
               "&from=2031-01-01&to=2031-12-31")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#chart svg rect.bar")))
    bars = driver.find_elements(By.CSS_SELECTOR, "#chart svg rect.bar")  # type: ignore[attr-defined]
    assert len(bars) >= 3
    points = driver.find_elements(By.CSS_SELECTOR, "#chart svg circle")  # type: ignore[attr-defined]
    feb, apr, may = (float(p.get_attribute("cx")) for p in points)
    assert apr - feb == pytest.approx(2 * (may - apr))  # March, without events, keeps its place
    assert driver.find_elements(By.CSS_SELECTOR, "#chart svg polyline.goldstein")  # type: ignore[attr-defined]
    shot = _save(driver, tmp_path / "eventwire-timeline.png")
    assert shot.stat().st_size > 5_000
