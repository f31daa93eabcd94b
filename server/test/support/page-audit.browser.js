/*
 * Runs inside the H5 page (page-audit.ts sends it as source, so it stays plain browser JavaScript:
 * the server's TypeScript has no DOM types). Measures what a woman with weak eyes meets on the
 * screen now: the font size and contrast of every visible piece of text and placeholder, and the
 * height of every button. Returns findings; the caller decides what fails.
 */
(function auditCareMode(rules) {
  const findings = [];

  const describe = (el) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3) : [];
    return `${el.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}`;
  };
  const snippet = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 24);
  const shown = (el) =>
    el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });

  // Computed colours come back as rgb()/rgba() for every colour this app writes (hex, named, rgba).
  const parse = (value) => {
    const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
    if (!m) return null;
    const [r, g, b, a] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a: a === undefined || Number.isNaN(a) ? 1 : a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

  /**
   * The colour behind an element: its own and its ancestors' backgrounds, composited from the first
   * opaque one (or the white canvas) upwards. A background image cannot be measured this way, so it
   * is reported instead of guessed.
   */
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return { image: describe(node) };
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour };
  };

  const checkText = (el, text, style, what) => {
    const fontPx = parseFloat(style.fontSize);
    if (fontPx < rules.minFontPx) {
      findings.push({ check: 'font-size', what, element: describe(el), text: snippet(text), measured: `${fontPx}px`, needed: `${rules.minFontPx}px` });
    }
    // WCAG: a disabled control is exempt from the contrast rule (it is dimmed on purpose).
    if (el.closest('[disabled]:not([disabled="false"])')) return;
    const back = backgroundOf(el);
    const colour = parse(style.color);
    if (back.image || !colour) {
      findings.push({ check: 'contrast', what, element: describe(el), text: snippet(text), measured: back.image ? `background image on ${back.image}` : style.color, needed: 'a measurable colour' });
      return;
    }
    const contrast = ratio(over(colour, back.colour), back.colour);
    if (contrast < rules.minContrast) {
      findings.push({
        check: 'contrast',
        what,
        element: describe(el),
        text: snippet(text),
        measured: `${contrast.toFixed(2)}:1 (${hex(over(colour, back.colour))} on ${hex(back.colour)})`,
        needed: `${rules.minContrast}:1`,
      });
    }
  };

  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || node.textContent.trim() === '' || el.closest('script, style, noscript')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0 || !shown(el)) continue;
    seen.add(el);
    checkText(el, node.textContent, getComputedStyle(el), 'text');
  }

  // Placeholders are text she has to read too (the classic light-grey hint).
  let placeholders = 0;
  for (const field of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (field.placeholder.trim() === '' || field.value !== '' || !shown(field)) continue;
    placeholders += 1;
    checkText(field, field.placeholder, getComputedStyle(field, '::placeholder'), 'placeholder');
  }

  let buttons = 0;
  for (const button of document.querySelectorAll(rules.buttonSelector)) {
    if (!shown(button) || button.parentElement?.closest(rules.buttonSelector)) continue;
    buttons += 1;
    const height = button.getBoundingClientRect().height;
    const primary = button.matches(rules.primarySelector);
    const needed = primary ? rules.minPrimaryPx : rules.minButtonPx;
    if (height < needed) {
      findings.push({ check: primary ? 'primary-button' : 'button', what: 'button', element: describe(button), text: snippet(button.textContent), measured: `${height.toFixed(1)}px`, needed: `${needed}px` });
    }
  }

  return { findings, measured: { texts: seen.size, placeholders, buttons }, text: document.body.innerText };
});
