"""What the browser tests share: the theme matrix, the views, and the JavaScript they run.

Kept free of Playwright imports, so this folder can be collected (and skipped)
where Playwright is not installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"

WIDE, NARROW = 1280, 375


@dataclass(frozen=True)
class Theme:
    """One HTML theme of the matrix."""

    name: str                    # short name, used in test ids and URLs
    html_theme: str              # the value of ``html_theme``
    dark_js: str | None = None   # flips the theme's own dark switch; None: no dark mode
    settings: tuple[tuple[str, str], ...] = ()     # extra ``-D name=value``
    wall_columns_wide: int = 5   # logo-wall columns at 1280 px (5 unless the content is narrow)
    # The theme's own CSS variables our accent and muted text must take (None: it has none).
    accent_var: str | None = None
    muted_var: str | None = None
    # Warnings the theme itself emits on this project (regexes); ours must be none.
    theme_warnings: tuple[str, ...] = field(default=())

    @property
    def has_dark(self) -> bool:
        return self.dark_js is not None

    def __str__(self) -> str:
        return self.name


THEMES = (
    Theme("alabaster", "alabaster"),
    Theme("furo", "furo", dark_js="document.body.dataset.theme = 'dark'",
          accent_var="--color-brand-content", muted_var="--color-foreground-secondary"),
    Theme("pydata", "pydata_sphinx_theme",
          dark_js="document.documentElement.dataset.theme = 'dark'",
          accent_var="--pst-color-primary", muted_var="--pst-color-text-muted"),
    Theme("rtd", "sphinx_rtd_theme"),
    Theme("book", "sphinx_book_theme",
          dark_js="document.documentElement.dataset.theme = 'dark'",
          accent_var="--pst-color-primary", muted_var="--pst-color-text-muted"),
)
THEMES_BY_NAME = {t.name: t for t in THEMES}


@dataclass(frozen=True)
class View:
    """A theme at one viewport width in one colour scheme."""

    theme: Theme
    width: int
    scheme: str  # "light" or "dark"

    @property
    def dark(self) -> bool:
        """The page really is dark: dark asked for, and the theme has a dark mode."""
        return self.scheme == "dark" and self.theme.has_dark

    def __str__(self) -> str:
        return f"{self.theme}-{self.width}-{self.scheme}"


VIEWS = tuple(View(t, w, s) for t in THEMES for w in (WIDE, NARROW) for s in ("light", "dark"))

# Pages of the docs that show our output, for the per-page checks.
SHOWCASE = "showcase.html"
FILTER_PAGE = "directives/case-studies.html"   # includes snippets/select-filter-ui
CS_PAGES = (
    "index.html",
    "quickstart.html",
    SHOWCASE,
    "layouts.html",
    "directives/case-study.html",
    FILTER_PAGE,
    "directives/logo-grid.html",
    "stories/northwind-ledger.html",
    "stories/quillfeather-press.html",
)

# -- JavaScript run in the page -------------------------------------------------

# Any element with a class starting "cs-" (not "bd-docs-nav", which contains "cs-").
CS_SELECTOR = '[class^="cs-"], [class*=" cs-"]'

WALL_COLUMNS = """(selector) => {
  const grid = document.querySelector(selector);
  const tiles = Array.from(grid.children).filter(t => t.checkVisibility());
  const top = tiles[0].getBoundingClientRect().top;
  const firstRow = tiles.filter(t => Math.abs(t.getBoundingClientRect().top - top) < 2);
  return {
    columns: new Set(firstRow.map(t => Math.round(t.getBoundingClientRect().left))).size,
    tiles: tiles.length,
    gridWidth: grid.getBoundingClientRect().width,
  };
}"""

OVERFLOW = """(csSelector) => {
  const problems = [];
  const name = el => el.tagName.toLowerCase() + '.' + Array.from(el.classList).join('.');
  for (const el of document.querySelectorAll(csSelector)) {
    if (!el.checkVisibility() || el.classList.contains('cs-visually-hidden')) continue;
    // Headings (sections', and the rubrics standing in for them) are the theme's to size.
    if (/^H[1-6]$/.test(el.tagName)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    let parent = el.parentElement;
    while (getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
    const outer = parent.getBoundingClientRect();
    if (box.width > outer.width + 1) {
      problems.push(`${name(el)} is ${box.width}px wide in ${name(parent)} of ${outer.width}px`);
    }
    if (box.right > document.documentElement.clientWidth + 1) {
      problems.push(`${name(el)} ends at ${box.right}px, past the viewport`);
    }
    // Content sticking out of a box of ours (a long word in a card, a logo
    // wider than its tile).  Not for sections, nor the containers standing in
    // for them (:no-contents-entry:, in admonitions): their headings are the
    // theme's, and some themes (furo) let a heading's permalink hang into the
    // margin.  Everything inside them is checked on its own.
    const style = getComputedStyle(el);
    if (el.tagName !== 'SECTION' && !el.classList.contains('cs-no-section')
        && style.display !== 'inline' && style.display !== 'contents'
        && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)}: content ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    problems: problems,
  };
}"""

LOGO_STATE = """() => Array.from(document.querySelectorAll('img.cs-logo-img')).map(img => ({
  src: img.getAttribute('src'),
  alt: img.getAttribute('alt'),
  variant: img.classList.contains('only-dark') ? 'dark'
         : img.classList.contains('only-light') ? 'light' : 'only',
  shown: img.checkVisibility(),
  complete: img.complete,
  naturalWidth: img.naturalWidth,
  width: img.getBoundingClientRect().width,
}))"""

ALL_IMAGES_SETTLED = "() => Array.from(document.images).every(img => img.complete)"

# Every link inside .cs-logo: shown links have a shown image of some size; the
# others must be out of the tab order (display: none), not empty focus stops.
LOGO_LINKS = """() => Array.from(document.querySelectorAll('.cs-logo a[href]')).map(a => {
  const box = a.getBoundingClientRect();
  const img = a.querySelector('img');
  return {
    href: a.getAttribute('href'),
    linkShown: a.checkVisibility(),
    imageShown: img ? img.checkVisibility() : null,
    width: box.width, height: box.height,
  };
})"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const card = el.closest('.cs-card');
  const box = el.getBoundingClientRect();
  const ring = node => {
    if (!node) return null;
    const s = getComputedStyle(node);
    return {
      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
      outlineColor: s.outlineColor, boxShadow: s.boxShadow,
    };
  };
  return {
    tag: el.tagName.toLowerCase(), href: el.getAttribute('href'),
    text: el.textContent.trim(), width: box.width, height: box.height,
    inCard: !!card, inWall: !!el.closest('.cs-logo-grid'),
    link: ring(el), card: ring(card),
    cardVisible: card ? card.checkVisibility() : null,
  };
}"""

# Each card's padding, and how far its content keeps from the card's border.
CARD_INSETS = """() => Array.from(document.querySelectorAll('.cs-card')).map(card => {
  const box = card.getBoundingClientRect();
  const s = getComputedStyle(card);
  const inner = Array.from(card.children).filter(c => c.checkVisibility())
    .map(c => c.getBoundingClientRect());
  return {
    id: card.id, paddingLeft: parseFloat(s.paddingLeft), paddingRight: parseFloat(s.paddingRight),
    left: Math.min(...inner.map(r => r.left)) - box.left,
    right: box.right - Math.max(...inner.map(r => r.right)),
  };
})"""

CARD_LINKS = """() => Array.from(document.querySelectorAll('.cs-card')).map(card => ({
  id: card.id,
  links: Array.from(card.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
}))"""

NEW_TAB_LINKS = """(csSelector) => Array.from(document.querySelectorAll('a[href]'))
  .filter(a => a.closest(csSelector))
  .map(a => ({href: a.getAttribute('href'), target: a.getAttribute('target'),
              rel: a.getAttribute('rel')}))"""

FILTER_STATE = """() => {
  const bar = document.querySelector('.cs-filter-chips[data-cs-group]');
  const group = bar.getAttribute('data-cs-group');
  const items = Array.from(document.querySelectorAll('[data-cs-group]'))
    .filter(el => el !== bar && el.getAttribute('data-cs-group') === group);
  return {
    group: group,
    barShown: bar.checkVisibility(),
    chips: Array.from(bar.querySelectorAll('button[data-cs-facet]')).map(c => ({
      facet: c.dataset.csFacet, value: c.dataset.csValue, label: c.textContent,
      pressed: c.getAttribute('aria-pressed'), shown: c.checkVisibility(),
    })),
    items: items.map(el => ({
      id: el.id, industry: el.dataset.csIndustry, tags: el.dataset.csTags,
      shown: el.checkVisibility(),
    })),
    status: (bar.querySelector('.cs-filter-status') || {}).textContent || '',
  };
}"""

# Runs axe-core on our elements only (anything with a cs- class, and what it
# holds).  A contrast failure counts as ours only when our stylesheet sets the
# text colour, or a visible background, of the element or one of its
# ancestors; otherwise both colours are the theme's (sphinx_rtd_theme's link
# colour #2980b9 on #fcfcfc is 4.19:1 everywhere, its inline code #e74c3c
# 3.82:1) and the node is returned apart, as ``theme``.
AXE_OURS = """async (csSelector) => {
  const results = await axe.run(document.querySelectorAll(csSelector), {
    resultTypes: ['violations'],
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
  });
  const colourRules = [];
  const collect = rules => {
    for (const rule of rules) {
      if (rule.selectorText === undefined) {
        if (rule.cssRules) collect(rule.cssRules);
        continue;
      }
      const colour = rule.style.getPropertyValue('color').trim().toLowerCase();
      const setsColour = colour !== '' && colour !== 'inherit' && colour !== 'currentcolor';
      const setsBackground = /(^|;)\\s*background(-color)?\\s*:/.test(rule.style.cssText);
      if (setsColour || setsBackground) {
        colourRules.push({selector: rule.selectorText, setsColour, setsBackground});
      }
    }
  };
  for (const sheet of document.styleSheets) {
    if (sheet.href && sheet.href.includes('casestudies.css')) collect(sheet.cssRules);
  }
  const ourColours = el => {
    for (let n = el; n; n = n.parentElement) {
      for (const rule of colourRules) {
        let hit = false;
        try { hit = n.matches(rule.selector); } catch (e) { hit = false; }
        if (!hit) continue;
        if (rule.setsColour) return true;
        const bg = getComputedStyle(n).backgroundColor;
        if (rule.setsBackground && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return true;
      }
    }
    return false;
  };
  const themes = [];
  const ours = [];
  for (const v of results.violations) {
    const nodes = v.nodes.filter(n => {
      const el = document.querySelector(n.target[0]);
      if (v.id === 'color-contrast' && el && !ourColours(el)) {
        themes.push(`${v.id}: ${n.target.join(' ')} (${getComputedStyle(el).color})`);
        return false;
      }
      return true;
    });
    if (nodes.length) {
      ours.push({
        id: v.id, impact: v.impact, help: v.help,
        nodes: nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                 impact: n.impact, summary: n.failureSummary})),
      });
    }
  }
  // resultTypes keeps one node per passing rule, so these still count every rule that ran.
  const applied = [...new Set([...results.passes, ...results.violations, ...results.incomplete]
    .map(r => r.id))];
  return {ours: ours, theme: themes, rules: colourRules.length, axeVersion: axe.version,
          applied: applied};
}"""

# The text colour of the first shown element matching each selector, the
# background it really sits on (the backgrounds of it and its ancestors,
# composited down to the first opaque one, on white), and their WCAG contrast
# ratio; and each named CSS variable of the theme resolved to a colour where
# our elements stand (in <body>), or null where the theme does not set it.
TEXT_CONTRAST = """([selectors, themeVars]) => {
  const parse = text => {
    let m = text.match(/^rgba?\\(([^)]*)\\)$/);
    let scale = 255;
    if (!m) { m = text.match(/^color\\(srgb ([^)]*)\\)$/); scale = 1; }
    if (!m) throw new Error(`a colour this test cannot read: ${text}`);
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0] / scale, p[1] / scale, p[2] / scale, p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3]))
    .concat([1]);
  const background = el => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [1, 1, 1, 1]);
  };
  const luminance = rgb => {
    const lin = rgb.slice(0, 3).map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = rgb => '#' + rgb.slice(0, 3)
    .map(c => Math.round(c * 255).toString(16).padStart(2, '0')).join('');
  const texts = {};
  for (const selector of selectors) {
    const el = Array.from(document.querySelectorAll(selector))
      .find(e => e.checkVisibility() && e.textContent.trim());
    if (!el) { texts[selector] = null; continue; }
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    texts[selector] = {colour: hex(fg), background: hex(bg), ratio: ratio(fg, bg),
                       text: el.textContent.trim().slice(0, 40)};
  }
  const probe = document.body.appendChild(document.createElement('span'));
  const vars = {};
  for (const name of themeVars) {
    const set = getComputedStyle(document.body).getPropertyValue(name).trim() !== '';
    probe.style.color = `var(${name})`;
    vars[name] = set ? hex(parse(getComputedStyle(probe).color)) : null;
  }
  probe.remove();
  return {texts: texts, vars: vars};
}"""

# How "Match all tags" looks next to a tag chip: its own border, and the box its
# ::before draws (size, border, content), as the reader sees them now.
MODE_LOOK = """() => {
  const edge = el => {
    const s = getComputedStyle(el);
    return {width: parseFloat(s.borderTopWidth), style: s.borderTopStyle,
            radius: parseFloat(s.borderTopLeftRadius), background: s.backgroundColor};
  };
  const mode = document.querySelector('.cs-filter-chips button[data-cs-mode]');
  const chip = document.querySelector('.cs-filter-chips button[data-cs-facet="tags"]');
  const box = getComputedStyle(mode, '::before');
  return {
    chip: edge(chip), mode: edge(mode), pressed: mode.getAttribute('aria-pressed'),
    label: mode.textContent.trim(),
    box: {content: box.content, width: parseFloat(box.width), height: parseFloat(box.height),
          borderWidth: parseFloat(box.borderTopWidth), borderStyle: box.borderTopStyle,
          display: box.display},
  };
}"""

# For each summary entry with a logo: the room between the logo's shown image
# and the next heading (or rubric) on the page.
SUMMARY_GAPS = """() => {
  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, p.rubric'));
  return Array.from(document.querySelectorAll('.cs-case-study.cs-layout-summary')).map(entry => {
    const img = Array.from(entry.querySelectorAll('.cs-logo img')).find(i => i.checkVisibility());
    if (!img) return null;
    const next = headings.find(
      h => img.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!next) return null;
    return {id: entry.id, next: next.textContent.trim().slice(0, 40),
            gap: next.getBoundingClientRect().top - img.getBoundingClientRect().bottom};
  }).filter(Boolean);
}"""
