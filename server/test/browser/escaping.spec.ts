import type { Page } from 'playwright-core';
import { ApiPaths, ServiceCategoryKey, type AuthTokens, type ConcernDetail, type DemoPerson, type MeResponse, type RequestDetail } from '@wfh/shared';
import { useDemoH5 } from '../support/h5-app';
import { call } from '../support/test-app';

/** Markup a woman might type, or an attacker might: each would run script if the page rendered it as HTML. */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '"><svg onload="window.__xss=3">';

/**
 * Stored text goes back to the H5 page as text: what she typed is shown letter for letter, and no
 * element is made of it and no script runs.
 */
describe('stored text in the H5 build', () => {
  const h5 = useDemoH5();

  async function asDemoPerson(displayName: string): Promise<string> {
    const people = await call<DemoPerson[]>(h5.baseUrl(), 'GET', ApiPaths.authDevPeople);
    const person = people.body.find((p) => p.displayName === displayName)!;
    return (await call<AuthTokens>(h5.baseUrl(), 'POST', ApiPaths.authDev, { body: { personKey: person.key } })).body.accessToken;
  }

  async function expectShownAsText(page: Page, selector: string, text: string): Promise<void> {
    const shown = page.locator(selector).first();
    await shown.waitFor({ timeout: 20_000 });
    expect(await shown.innerText()).toBe(text);
    expect(await shown.locator('img, script, svg, iframe').count()).toBe(0);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }

  it('shows markup in her request description as text and runs nothing', async () => {
    const token = await asDemoPerson('王秀英');
    const me = await call<MeResponse>(h5.baseUrl(), 'GET', ApiPaths.me, { token });
    const description = `漏雨了 ${IMG} ${SCRIPT} ${SVG}`;
    const submitted = await call<RequestDetail>(h5.baseUrl(), 'POST', ApiPaths.requests, {
      token,
      body: {
        categoryKey: ServiceCategoryKey.MarriageMediation,
        description,
        answers: { with_whom: '公婆' },
        contact: { method: 'wechat' },
        federationId: me.body.home!.id,
      },
    });
    expect(submitted.status).toBe(201);

    const woman = await h5.signedIn('王秀英');
    const dialogs: string[] = [];
    woman.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await woman.goto(`${h5.baseUrl()}/#/packages/requests/detail?id=${submitted.body.id}`);

    await expectShownAsText(woman, '.my-description', description);
    expect(dialogs).toEqual([]);
  });

  it('shows markup in a concern title and description as text and runs nothing', async () => {
    const token = await asDemoPerson('王秀英');
    const me = await call<MeResponse>(h5.baseUrl(), 'GET', ApiPaths.me, { token });
    const title = `路灯 ${SCRIPT}`;
    const description = `村口路灯坏了 ${IMG} ${SVG}`;
    const raised = await call<ConcernDetail>(h5.baseUrl(), 'POST', ApiPaths.federationConcerns.replace(':id', me.body.home!.id), {
      token,
      body: { title, description, notPersonal: true },
    });
    expect(raised.status).toBe(201);

    const woman = await h5.signedIn('王秀英');
    await woman.goto(`${h5.baseUrl()}/#/packages/voices/concern?id=${raised.body.id}`);

    await expectShownAsText(woman, '.concern-detail-title', title);
    await expectShownAsText(woman, '.concern-description-text', description);
    await h5.screenshot(woman, 'escaping-concern');
  });
});
