import type { BrowserContextOptions, Page } from 'playwright-core';

/** A phone's screen, as the H5 specs open the mini-program's pages. */
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 };

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

/** From her workbench to 「我的阵地」 of `federationId`, as she taps it; resolves once her body's details show. */
export async function openMyPlaces(page: Page, baseUrl: string, federationId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/packages/workbench/index`);
  await visible(page, `[data-federation="${federationId}"] .my-places`).click();
  await visible(page, '.profile-line').first().waitFor({ timeout: 20_000 });
}

/**
 * 「我就在这里」 on a site or profile form: the phone's position (the context's geolocation) taken in.
 * Resolves with what the form then says (已设定：北纬…°，东经…°), once it says something new, so the
 * position must differ from the one the form held before.
 */
export async function locateHere(page: Page): Promise<string> {
  const location = visible(page, '.location-text');
  const before = await location.innerText();
  await visible(page, '.locate-here').click();
  const taken = location.filter({ hasNotText: before }).filter({ hasText: '已设定' });
  await taken.waitFor({ timeout: 20_000 });
  return taken.innerText();
}

/** "已设定：北纬42.3951°，东经123.5449°" back to the numbers, as the form rounds them. */
export function locationShown(words: string): { latitude: number; longitude: number } {
  const match = /北纬(-?\d+\.\d+)°，东经(-?\d+\.\d+)°/.exec(words);
  if (!match) throw new Error(`No location in "${words}"`);
  return { latitude: Number(match[1]), longitude: Number(match[2]) };
}
