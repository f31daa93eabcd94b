import { useDemoH5 } from '../support/h5-app';
import { until } from '../support/page-audit';

/**
 * A woman asks for help in the H5 build and the chair of her village takes it on from her
 * workbench; on a sensitive screen the quick-exit button leaves at once for a neutral page.
 */
describe('asking for help in the H5 build', () => {
  const h5 = useDemoH5();

  it('she sends a request, sees it submitted, and her chair accepts it from the inbox', async () => {
    const woman = await h5.signedIn('王秀英');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.category-card', { hasText: '困难帮扶与救助' }).click();
    await woman.locator('.answer-option', { hasText: '住房' }).click();
    await woman.locator('.request-description textarea').fill('房子漏雨，想申请帮扶');
    await woman.locator('.contact-option', { hasText: '微信' }).click();
    await woman.locator('.submit-request').click();
    await woman.locator('.request-state', { hasText: '已提交' }).waitFor({ timeout: 20_000 });
    await h5.screenshot(woman, 'request-submitted');

    const chair = await h5.signedIn('张春梅');
    await chair.goto(`${h5.baseUrl()}/#/packages/workbench/index`);
    await chair.locator('.inbox-item').first().click();
    await chair.locator('.action-accept').click();
    const confirm = chair.locator('.action-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await chair.locator('.request-state', { hasText: '已受理' }).waitFor({ timeout: 20_000 });
    await h5.screenshot(chair, 'workbench-accepted');
  });

  it('quick exit leaves a sensitive screen for a neutral page at once', async () => {
    const woman = await h5.signedIn('李桂兰');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.category-card', { hasText: '家庭暴力求助' }).click();
    await woman.locator('.quick-exit').first().click();
    await woman.waitForURL(/pages\/neutral/, { timeout: 20_000 });
    await woman.locator('.neutral-page').waitFor({ timeout: 20_000 });
    // Taro keeps the old page in the DOM while its exit animation runs: wait until it is gone.
    await until(woman, `!document.body.innerText.includes('家庭暴力')`, 20_000, 'the request to leave the screen');
    expect(await woman.locator('body').innerText()).not.toMatch(/妇联|求助|家庭暴力/);

    // What 返回 shows after this is quick-exit.spec.ts's.
  });
});
