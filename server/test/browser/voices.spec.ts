import { useDemoH5 } from '../support/h5-app';

/** A woman raises a concern in the H5 build, her chair publishes it, and a neighbour co-signs it. */
describe("women's voices in the H5 build", () => {
  const h5 = useDemoH5();

  it('she raises a concern, the chair publishes it, and another woman of the village co-signs it', async () => {
    const woman = await h5.signedIn('王秀英');
    await woman.goto(`${h5.baseUrl()}/#/packages/voices/raise`);
    await woman.locator('.concern-title-input input').fill('村口路灯坏了');
    await woman.locator('.concern-description textarea').fill('从村口到小学那段路三盏灯不亮，孩子放学天黑了不安全。');
    await woman.locator('.submit-concern').click();
    await woman.locator('.pending-notice').waitFor({ timeout: 20_000 });

    const chair = await h5.signedIn('张春梅');
    await chair.goto(`${h5.baseUrl()}/#/packages/workbench/concerns?federationId=211221101200`);
    await chair.locator('.pending-concerns', { hasText: '村口路灯坏了' }).waitFor({ timeout: 20_000 });
    await chair.locator('.publish-concern').first().click();
    await chair.getByText('公开', { exact: true }).click();
    await chair.locator('.published-concerns', { hasText: '村口路灯坏了' }).waitFor({ timeout: 20_000 });

    // The chair lives in 懿路村 too: on the board she co-signs as one of its women.
    await chair.goto(`${h5.baseUrl()}/#/packages/voices/index`);
    const item = chair.locator('.concern-item', { hasText: '村口路灯坏了' }).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('.concern-author').innerText()).toContain('一位村民');
    await item.locator('.cosign').click();
    await item.locator('.cosigned-note').waitFor({ timeout: 20_000 });
    expect(await item.locator('.concern-cosigns').innerText()).toContain('1');
    await h5.screenshot(chair, 'voices-board');
  });
});
