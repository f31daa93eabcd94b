import { fireEvent, render, screen } from '@testing-library/react';
import { ApiPaths, pathOf } from '@wfh/shared';
import { CarePage } from '../src/components/CarePage';
import SitePage from '../src/packages/places/site';
import { FakeApi, ok } from './support/fake-api';
import { yiluSite } from './support/places';
import taro, { useRouter } from './support/taro-mock';

/** The page under test, at this route, as Taro's web router names it (with its stamp). */
function at(path: string, params: Record<string, string> = {}) {
  useRouter.mockImplementation(() => ({ params, path: `${path}?stamp=1` }));
}

afterEach(() => {
  useRouter.mockImplementation(() => ({ params: {}, path: '' }));
  taro.getCurrentPages.mockImplementation(() => [{}]);
});

describe('the header the browser build draws (WeChat draws its own)', () => {
  it('a page below the tab pages shows its title and a large 返回 that goes back to where she came from', async () => {
    new FakeApi().on('GET', pathOf(ApiPaths.site, { id: yiluSite.id }), ok(yiluSite));
    at('/packages/places/site', { id: yiluSite.id });
    taro.getCurrentPages.mockImplementation(() => [{}, {}]);
    render(<SitePage />);

    await screen.findByText('懿路村妇女微家');
    expect(Array.from(document.querySelectorAll('.page-header > *')).map((el) => el.textContent)).toEqual(['返回', '妇女之家']);

    fireEvent.click(screen.getByText('返回'));
    expect(taro.navigateBack).toHaveBeenCalledTimes(1);
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('返回 on a page opened directly (a link in a message) goes home instead of nowhere', () => {
    at('/packages/public/rate');
    render(<CarePage title="评价">内容</CarePage>);

    fireEvent.click(screen.getByText('返回'));

    expect(taro.navigateBack).not.toHaveBeenCalled();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it.each([['/pages/index/index'], ['/pages/activities/index'], ['/pages/me/index']])(
    'a tab page (%s) has no 返回: the tab bar is its way around',
    (path) => {
      at(path);
      render(<CarePage title="网上妇女之家">内容</CarePage>);

      expect(document.querySelector('.page-header')).toBeNull();
      expect(screen.queryByText('返回')).toBeNull();
    },
  );

  it('the quick exit’s neutral page has none: nothing on it may lead back', () => {
    at('/pages/neutral/index');
    render(
      <CarePage title="生活小常识" plain>
        内容
      </CarePage>,
    );

    expect(document.querySelector('.page-header')).toBeNull();
  });
});
