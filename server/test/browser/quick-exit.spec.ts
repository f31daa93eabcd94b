import type { Page } from 'playwright-core';
import { useDemoH5 } from '../support/h5-app';
import { until } from '../support/page-audit';

/** Anything of hers or of asking for help: her name, her village, the federation, the matter. */
const HERS = /李桂兰|东孤家子|妇联|求助|家庭暴力|铁岭/;

/**
 * A woman asking for help about violence, in the H5 build on a phone-sized screen: 110 is there at
 * once on every screen of it, and after 快速离开 nothing of hers is one Back away, or several.
 */
describe('a violence request and 快速离开 in the H5 build', () => {
  const h5 = useDemoH5();

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  /** Nothing lies over 拨打110报警: a tap at its middle reaches the button itself (or its text). */
  async function expectPoliceUncovered(page: Page, where: string) {
    const box = (await visible(page, '.call-110').boundingBox())!;
    const tapReaches = await page.evaluate<boolean>(
      `Boolean(document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('.call-110'))`,
    );
    expect({ where, tapReaches }).toEqual({ where, tapReaches: true });
  }

  /** 拨打110报警 on screen as the screen opens, without scrolling, and nothing lying over it. */
  async function expectPoliceAtOnce(page: Page, where: string) {
    const button = visible(page, '.call-110');
    await button.waitFor({ timeout: 20_000 });
    expect({ where, text: await button.innerText() }).toEqual({ where, text: '拨打110报警' });
    const box = (await button.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect({ where, onScreen: box.y >= 0 && box.y + box.height <= viewport.height }).toEqual({ where, onScreen: true });
    await expectPoliceUncovered(page, where);
  }

  it('shows 拨打110报警 at once on the consent screen, the form and her request, and says what is missing on the page', async () => {
    const woman = await h5.signedIn('李桂兰');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.category-card', { hasText: '家庭暴力求助' }).click();
    await visible(woman, '.consent-agree').waitFor({ timeout: 20_000 });
    await expectPoliceAtOnce(woman, 'consent');

    await woman.locator('.consent-agree').click();
    await visible(woman, '.submit-request').waitFor({ timeout: 20_000 });
    await expectPoliceAtOnce(woman, 'form');

    // Sent empty: what is missing shows beside the fields and above the button, and no toast comes.
    await woman.locator('.submit-request').click();
    await visible(woman, '.form-errors').waitFor({ timeout: 20_000 });
    expect(await woman.locator('.taro__toast').filter({ visible: true }).count()).toBe(0);
    await visible(woman, '.call-110').scrollIntoViewIfNeeded();
    await expectPoliceUncovered(woman, 'form after an empty send');

    await woman.locator('.question-safe_now .answer-option', { hasText: '否' }).click();
    await woman.locator('.request-description textarea').fill('他又动手了');
    await woman.locator('.contact-option', { hasText: '微信' }).click();
    await woman.locator('.submit-request').click();
    await visible(woman, '.request-state').filter({ hasText: '已提交' }).waitFor({ timeout: 20_000 });
    await expectPoliceAtOnce(woman, 'her request');
    await h5.screenshot(woman, 'violence-request-110');
  });

  it('after 快速离开 from her request, Back after Back shows only the neutral page, even after a reload', async () => {
    // Her request, filed on another visit.
    const before = await h5.signedIn('李桂兰');
    await before.locator('.ask-for-help').first().click();
    await before.locator('.category-card', { hasText: '家庭暴力求助' }).click();
    await before.locator('.consent-agree').click();
    await before.locator('.question-safe_now .answer-option', { hasText: '否' }).click();
    await before.locator('.request-description textarea').fill('他又动手了');
    await before.locator('.contact-option', { hasText: '微信' }).click();
    await before.locator('.submit-request').click();
    await visible(before, '.request-state').filter({ hasText: '已提交' }).waitFor({ timeout: 20_000 });

    const woman = await h5.signedIn('李桂兰');
    // Heard before any script of the app runs, so before the guard that stops these events: tells
    // when the browser has really stepped back.
    await woman.context().addInitScript(`
      window.heardSteps = [];
      for (const type of ['popstate', 'hashchange']) window.addEventListener(type, () => window.heardSteps.push(type), true);
    `);
    await woman.reload();
    await woman.locator('.greeting', { hasText: '李桂兰' }).waitFor({ timeout: 20_000 });

    // 我要求助 → 查看我提过的求助 → her request → 快速离开, as in issue #16.
    await woman.locator('.ask-for-help').first().click();
    await visible(woman, '.my-requests').click();
    await visible(woman, '.request-item').first().click();
    await visible(woman, '.request-state').filter({ hasText: '已提交' }).waitFor({ timeout: 20_000 });
    await visible(woman, '.quick-exit').first().click();
    await visible(woman, '.neutral-page').waitFor({ timeout: 20_000 });
    // Taro keeps the old page in the DOM while its exit animation runs: wait until it is gone.
    await until(woman, `!/妇联|求助/.test(document.body.innerText)`, 20_000, 'her request to leave the screen');

    const expectNeutral = async (step: string) => {
      expect({ step, hash: await woman.evaluate('window.location.hash') }).toEqual({ step, hash: '#/pages/neutral/index' });
      expect({ step, title: await woman.title() }).toEqual({ step, title: '生活小常识' });
      await visible(woman, '.neutral-page').waitFor({ timeout: 20_000 });
      const text = await woman.locator('body').innerText();
      expect({ step, shows: HERS.exec(text)?.[0] ?? null }).toEqual({ step, shows: null });
    };
    const back = async (step: string) => {
      await woman.evaluate('window.heardSteps.length = 0');
      await woman.goBack();
      // Stepping back between two hashes fires popstate, then hashchange: once both are out, the
      // router has had its chance to show the page she came from.
      await until(woman, `['popstate', 'hashchange'].every((type) => window.heardSteps.includes(type))`, 20_000, `${step}: the browser to step back`);
      await expectNeutral(step);
    };
    await expectNeutral('after 快速离开');
    await back('first Back (was 我的求助)');
    await back('second Back (was 我要求助)');

    // Someone reloads the tab, then goes on pressing Back: still nothing.
    await woman.reload();
    await expectNeutral('after a reload');
    await back('third Back, after the reload (was 首页)');

    // Opening the app's address afresh is her coming back on purpose: it works as before.
    await woman.goto(`${h5.baseUrl()}/`);
    await woman.locator('.greeting', { hasText: '李桂兰' }).waitFor({ timeout: 20_000 });
    await woman.locator('.ask-for-help').first().click();
    await visible(woman, '.my-requests').waitFor({ timeout: 20_000 });
    await woman.goBack();
    await visible(woman, '.greeting').filter({ hasText: '李桂兰' }).waitFor({ timeout: 20_000 });
  });
});
