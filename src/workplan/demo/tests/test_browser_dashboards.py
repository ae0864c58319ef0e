"""In Chromium, on the demo data: both dashboards on a 1366×768 laptop and a 390×844 phone —
charts drawn, nothing wider than the screen, no text on top of other text — and the pictures
that the user guide shows (scripts/screenshots writes them to docs/screenshots)."""

import pytest
from playwright.sync_api import expect

from workplan.demo.data import DEMO_ACCOUNTS, do_load_demo
from workplan.org.models import Department

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}

# Pairs of text boxes that overlap by more than 2 px each way, anywhere on the page.
OVERLAPPING_TEXT = """() => {
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (!text || !walker.currentNode.parentElement.checkVisibility()) continue;  // closed <details>
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) boxes.push([r, text.slice(0, 24)]);
    }
  }
  const clashes = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, s] = boxes[i], [b, t] = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) clashes.push(s + " / " + t);
    }
  }
  return clashes;
}"""


@pytest.fixture
def demo():
    return do_load_demo().plan


def sign_in(new_page, live_server, username, viewport):
    password = next(a.password for a in DEMO_ACCOUNTS if a.username == username)
    # Reduced motion: charts are drawn at once, without animation, so pictures are complete.
    page = new_page(viewport=viewport, reduced_motion="reduce")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator(".who")).to_be_visible()
    return page


def assert_fits_and_reads(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], "the page scrolls sideways"
    assert page.evaluate(OVERLAPPING_TEXT) == []


@pytest.mark.parametrize(("viewport", "suffix"), [(LAPTOP, ""), (PHONE, "-phone")])
def test_leadership_dashboard(new_page, live_server, demo, screenshot_dir, viewport, suffix):
    page = sign_in(new_page, live_server, "leader", viewport)
    page.goto(f"{live_server.url}/reports/plans/{demo.pk}/dashboard/")
    expect(page.locator("[data-chart=points] canvas")).to_have_count(1)
    expect(page.locator("[data-chart=trend] canvas")).to_have_count(1)
    charts = page.locator("[data-chart]")
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert_fits_and_reads(page)
    page.screenshot(path=screenshot_dir / f"leadership-dashboard{suffix}.png", full_page=not suffix)

    # Each table view opens under its chart, and a matrix cell leads to its tasks.
    page.locator("details summary").first.click()
    expect(page.locator("details table").first).to_be_visible()
    cell = page.locator(".matrix a.counts").first
    shown = sum(int(n) for n in cell.locator(".count").all_inner_texts())
    cell.click()
    expect(page.locator("tr[id^=task-]")).to_have_count(shown)


@pytest.mark.parametrize(("viewport", "suffix"), [(LAPTOP, ""), (PHONE, "-phone")])
def test_department_dashboard(new_page, live_server, demo, screenshot_dir, viewport, suffix):
    teaching = Department.objects.get(name="教务处")
    page = sign_in(new_page, live_server, "jwc", viewport)
    page.goto(f"{live_server.url}/reports/plans/{demo.pk}/departments/{teaching.pk}/")
    expect(page.locator("h1")).to_contain_text("教务处")
    expect(page.locator("main")).to_contain_text("牵头")
    assert_fits_and_reads(page)
    page.screenshot(path=screenshot_dir / f"department-dashboard{suffix}.png", full_page=not suffix)


# Whether ECharts drew a tooltip naming `title` on the chart's canvas, with its colour dots.
TOOLTIP_DRAWN = """([selector, title]) => {
  const chart = window.echarts.getInstanceByDom(document.querySelector(selector));
  const shown = chart.getZr().storage.getRoots().filter((el) =>
    el.style && typeof el.style.text === "string" && el.style.text.includes(title) && !el.invisible);
  if (!shown.length) return null;
  return Object.values(shown[0].style.rich || {}).map((style) => style.backgroundColor || "");
}"""


def test_leader_hovering_a_chart_sees_its_tooltip_within_the_csp(new_page, live_server, demo):
    """The tooltip is drawn on the canvas: an HTML tooltip sets inline styles, which the
    Content-Security-Policy (style-src 'self') refuses, so its colour dots went missing."""
    page = sign_in(new_page, live_server, "leader", LAPTOP)
    page.add_init_script(
        "window.violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (e) => window.violations.push(e.violatedDirective + ' ' + e.sourceFile));"
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server.url}/reports/plans/{demo.pk}/dashboard/")
    chart = page.locator("[data-chart=points] canvas")
    expect(chart).to_have_count(1)
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    points = demo.key_points.order_by("number")
    titles = [f"{p.number}. {p.title[:10]}" for p in points]  # a long title is broken into lines
    page.wait_for_function(
        "([s, titles]) => { const c = window.echarts.getInstanceByDom(document.querySelector(s));"
        " return c.getZr().storage.getRoots().some((el) => el.style && typeof el.style.text"
        " === 'string' && titles.some((t) => el.style.text.includes(t)) && !el.invisible); }",
        arg=["[data-chart=points]", titles],
        timeout=10_000,
    )
    dots = next(
        found
        for title in titles
        if (found := page.evaluate(TOOLTIP_DRAWN, ["[data-chart=points]", title])) is not None
    )
    assert "#2e9d4a" in dots  # the green series' dot, drawn beside its name
    page.locator("[data-chart=trend] canvas").hover()
    page.wait_for_timeout(300)
    assert page.evaluate("window.violations") == []
    assert not [text for text in console if "Content Security Policy" in text]
