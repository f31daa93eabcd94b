import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import type { BrowserContext, Page } from 'playwright-core';

const MINIAPP_SRC = resolve(__dirname, '..', '..', '..', 'miniapp', 'src');
const AUDIT_SOURCE = readFileSync(join(__dirname, 'page-audit.browser.js'), 'utf8');

interface AppConfig {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

/**
 * Every page the mini-program declares, main package and subpackages, read from its own
 * app.config.ts (evaluated with Taro's defineAppConfig standing in as the identity), so a page
 * added there is walked without anyone remembering to list it.
 */
export function miniappPages(): string[] {
  const source = readFileSync(join(MINIAPP_SRC, 'app.config.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as { default?: AppConfig } };
  runInNewContext(outputText, { module, exports: module.exports, defineAppConfig: (config: AppConfig) => config });
  const config = module.exports.default;
  if (!config) throw new Error('miniapp/src/app.config.ts has no default export');
  const packages = config.subPackages ?? config.subpackages ?? [];
  return [...config.pages, ...packages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
}

export interface CareRules {
  minFontPx: number;
  minContrast: number;
  minPrimaryPx: number;
  /** Every other button: the design's floor for a tap target (app.css). */
  minButtonPx: number;
  primarySelector: string;
  buttonSelector: string;
}

/** What care mode asks of every page (care-mode.spec.ts walks them all; console.spec.ts the PC's too). */
export const CARE_RULES: CareRules = {
  minFontPx: 18,
  minContrast: 4.5,
  minPrimaryPx: 60,
  // Unsteady fingers miss an outline button as easily as a primary one: one floor for every tap target.
  minButtonPx: 60,
  // The project's own names (app.css): .btn-primary is each page's main action, 快速离开 the safety
  // action, 确定 the main action of a dialog (Taro's web showModal).
  primarySelector: '.btn-primary, .quick-exit, .taro-model__confirm',
  // .weui-tabbar__item: a tab of Taro's H5 tab bar, tapped more than any button. The rest are the
  // app's other tap targets (app.css and the packages' css): chips, links, breadcrumbs, pickers,
  // the admin's township rows and the text inputs she taps to type in.
  buttonSelector:
    'button, taro-button-core, .btn, .taro-model__btn, .weui-tabbar__item, .chip, .link-text, .region-crumb, .picker-field, .org-head, .form-input, .place-search-input',
};

export interface Finding {
  check: 'font-size' | 'contrast' | 'primary-button' | 'button';
  what: 'text' | 'placeholder' | 'button';
  element: string;
  text: string;
  measured: string;
  needed: string;
}

export interface Audit {
  findings: Finding[];
  /** How many pieces of text, placeholders and buttons were measured. */
  measured: { texts: number; placeholders: number; buttons: number };
  /** What the screen shows, as the woman reads it (hidden pages and elements left out). */
  text: string;
}

/** Measures the screen as it is now with computed styles (see page-audit.browser.js). */
export function auditCareMode(page: Page, rules: CareRules): Promise<Audit> {
  return page.evaluate(`(${AUDIT_SOURCE.trim().replace(/;$/, '')})(${JSON.stringify(rules)})`) as Promise<Audit>;
}

/** One line per finding, readable in a failing test's diff. */
export function findingLines(audit: Audit): string[] {
  return audit.findings.map((f) => `${f.check} ${f.what} ${f.element} "${f.text}": ${f.measured}, needs ${f.needed}`);
}

/**
 * Waits until a browser expression is true. Polls with page.evaluate (the DevTools protocol, which
 * the page's Content-Security-Policy does not govern) because page.waitForFunction compiles its
 * string inside the page, which a CSP without 'unsafe-eval' rightly refuses.
 */
export async function until(page: Page, expression: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Reports every Content-Security-Policy refusal on the context's pages as a line starting
 * "Content-Security-Policy violation", from the standard securitypolicyviolation event rather
 * than the console's wording, which differs between refusals and browser versions.
 */
export async function watchCspViolations(context: BrowserContext, report: (line: string) => void): Promise<void> {
  await context.exposeBinding('__reportCspViolation', (_source, line: string) => report(`Content-Security-Policy violation: ${line}`));
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.__reportCspViolation(event.violatedDirective + ' refused ' + (event.blockedURI || 'inline') + ' at ' + event.documentURI);
  });`);
}
