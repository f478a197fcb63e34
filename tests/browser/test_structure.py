"""What a screen reader relies on, and text enlarged to 200 %: landmarks, one h1, labelled controls,
fieldsets for the parts and consents, help and errors tied to their fields, the language of each
language link; and nothing cut off or overlapping on the registration form at 200 % text size."""

import pytest

from events.seed import seed_content
from registrations.content import seed_parts

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

PAGES = ["", "events/", "events/olomouc-2023/", "privacy/", "events/olomouc-2023/register/", "registration/link/"]

STRUCTURE = """() => {
  const problems = [];
  const one = (selector, name) => {
    const n = document.querySelectorAll(selector).length;
    if (n !== 1) problems.push(`${n} × ${name}`);
  };
  one('main', 'main landmark');
  one('body > header', 'banner (header)');
  one('body > footer', 'contentinfo (footer)');
  one('h1', 'h1');
  for (const nav of document.querySelectorAll('nav')) {
    if (!nav.getAttribute('aria-label')) problems.push('a navigation without a name');
  }
  for (const link of document.querySelectorAll('.language-links a, .language-links [aria-current]')) {
    if (!link.getAttribute('lang')) problems.push(`language link without lang: ${link.textContent}`);
  }
  for (const control of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')) {
    if (control.closest('.visually-hidden')) continue;  // the honeypot, out of reach on purpose
    const namedByValue = ['submit', 'button', 'reset'].includes(control.type) && control.value.trim();
    const labelled = namedByValue || control.labels.length > 0 || control.getAttribute('aria-label');
    if (!labelled) problems.push(`unlabelled control: ${control.name}`);
    for (const id of (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)) {
      if (!document.getElementById(id)) problems.push(`${control.name} described by missing #${id}`);
    }
  }
  for (const group of ['parts', 'privacy']) {
    const input = document.querySelector(`main input[name=${group}]`);
    if (input && !(input.closest('fieldset') && input.closest('fieldset').querySelector('legend'))) {
      problems.push(`${group} not in a fieldset with a legend`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", ["cs", "hu"])
def test_pages_have_what_a_screen_reader_needs(live_server, new_page, lang):
    seed_content()
    seed_parts()
    problems = []
    for path in PAGES:
        page = new_page(locale=lang)
        page.goto(f"{live_server.url}/{lang}/{path}")
        problems += [f"/{lang}/{path}: {problem}" for problem in page.evaluate(STRUCTURE)]
        page.close()
    assert problems == [], "\n".join(problems)


def test_errors_are_tied_to_their_fields(live_server, new_page):
    seed_content()
    seed_parts()
    page = new_page(locale="cs")
    page.goto(f"{live_server.url}/cs/events/olomouc-2023/register/")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_selector("#error-summary")
    for name in ("first_name", "email", "organisation"):
        described = page.get_attribute(f"#id_{name}", "aria-describedby") or ""
        texts = [page.inner_text(f"#{ref}") for ref in described.split()]
        assert any(text.strip() for text in texts), f"{name}: its error is not announced with it"
        assert page.get_attribute(f"#id_{name}", "aria-invalid") == "true"
    assert page.evaluate(STRUCTURE) == []


OVERLAPS = """() => {
  const problems = [];
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const selector = 'main label, main legend, main input, main select, main textarea, main .form-text, '
    + 'main .invalid-feedback, main [type=submit]';
  const boxes = [...document.querySelectorAll(selector)]
    .filter(visible).filter(el => !el.closest('.visually-hidden'));
  for (const el of boxes) {
    const clips = getComputedStyle(el).overflowX !== 'visible' && el.tagName !== 'SELECT';
    if (clips && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`cut off: ${el.tagName} ${el.textContent.trim().slice(0, 40)}`);
    }
  }
  for (const label of document.querySelectorAll('main label[for]')) {
    const control = document.getElementById(label.htmlFor);
    if (!control || !visible(label) || !visible(control)) continue;
    if (control.type === 'checkbox' || control.type === 'radio') continue;
    const a = label.getBoundingClientRect(), b = control.getBoundingClientRect();
    if (a.left < b.right && b.left < a.right && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
      problems.push(`label overlaps its field: ${label.textContent.trim().slice(0, 40)}`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('horizontal scroll');
  return problems;
}"""


@pytest.mark.parametrize(("lang", "width"), [("cs", 1280), ("hu", 1280), ("pl", 640)])
def test_registration_form_at_200_percent_text_has_nothing_cut_off_or_overlapping(live_server, new_page, lang, width):
    seed_content()
    seed_parts()
    page = new_page(locale=lang, width=width)
    page.goto(f"{live_server.url}/{lang}/events/olomouc-2023/register/")
    # Text size 200 % (WCAG 1.4.4): everything sized in rem and em doubles, as with a browser's text zoom.
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate(OVERLAPS) == []
    page.locator("main form [type=submit]").last.click()
    page.wait_for_selector("#error-summary")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate(OVERLAPS) == []
