import { useDemoH5 } from '../support/h5-app';

describe('repro', () => {
  const h5 = useDemoH5();
  it('back after quick exit', async () => {
    const first = await h5.signedIn('李桂兰');
    await first.locator('.ask-for-help').first().click();
    await first.locator('.category-card', { hasText: '家庭暴力求助' }).click();
    await first.locator('.consent-agree').click();
    await first.locator('.question-safe_now .answer-option', { hasText: '否' }).click();
    await first.locator('.request-description textarea').fill('他又动手了');
    await first.locator('.contact-option', { hasText: '微信' }).click();
    await first.locator('.submit-request').click();
    await first.locator('.request-state', { hasText: '已提交' }).waitFor({ timeout: 20_000 });

    const woman = await h5.signedIn('李桂兰');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.my-requests').click();
    await woman.locator('.request-item').first().click();
    await woman.locator('.request-state', { hasText: '已提交' }).waitFor({ timeout: 20_000 });
    await woman.evaluate(`(() => { const r = window.removeEventListener, a = window.addEventListener;
      const where = () => location.hash + ' pages=' + [...document.querySelectorAll('.taro_page')].map((p) => p.id).join(',');
      const sip = Event.prototype.stopImmediatePropagation;
      Event.prototype.stopImmediatePropagation = function () { console.log('stop', this.type, where()); return sip.call(this); };
      const rs = history.replaceState;
      history.replaceState = function (st, t, u) { console.log('replaceState', u, where()); return rs.call(this, st, t, u); };
      a('popstate', () => console.log('first-bubble', where()));
      a('popstate', () => console.log('first-capture', where()), true);
      window.addEventListener = function (t, f, c) { if (t === 'popstate') console.log('add', c, where()); return a.call(this, t, f, c); };
      window.removeEventListener = function (t, f, c) { if (t === 'popstate') console.log('remove', c, where()); return r.call(this, t, f, c); }; })()`);
    woman.on('console', (m) => console.log('PAGE', m.text()));
    await woman.locator('.quick-exit').filter({ visible: true }).first().click();
    await woman.locator('.neutral-page').waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 1500));
    console.log('before back');
    for (let i = 0; i < 3; i++) {
      await woman.goBack().catch((e) => console.log('goBack', String(e)));
      await new Promise((r) => setTimeout(r, 1500));
      console.log(i, await woman.evaluate('location.href'), (await woman.locator('body').innerText()).slice(0, 50));
    }
  });
});
