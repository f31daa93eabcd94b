import { configure, getConfig, render } from '@testing-library/react';
import { Input, Textarea, View } from '@tarojs/components';
import { drawn, drawStencilOn } from './support/drawn';

// The readiness the page tests wait on (support/drawn.ts), checked against Taro's own components.

it('resolves once Taro has drawn the component, with its real <input> inside', async () => {
  render(<Input className="name-input" />);
  // React has put the host on the page; what is inside it comes on a later animation frame.
  expect(document.querySelector('.name-input input')).toBeNull();

  const host = await drawn('.name-input');

  expect(host.tagName).toBe('TARO-INPUT-CORE');
  expect(host.querySelector('input')).not.toBeNull();
});

it('waits for a component the page has not shown yet', async () => {
  const { rerender } = render(<View />);
  const ready = drawn('.later-text');
  rerender(
    <View>
      <Textarea className="later-text" />
    </View>,
  );
  expect((await ready).querySelector('textarea')).not.toBeNull();
});

it('components still draw after a test with fake timers left a frame unrun', async () => {
  jest.useFakeTimers();
  render(<Input className="under-fake-timers" />);
  jest.useRealTimers();

  // Stencil's frames are the browser's (setup: drawStencilOn): none was handed to the fake clock.
  render(<Input className="afterwards" />);
  expect((await drawn('.afterwards')).querySelector('input')).not.toBeNull();
  expect((await drawn('.under-fake-timers')).querySelector('input')).not.toBeNull();
});

describe('a page that never becomes ready still fails, saying what', () => {
  const bound = getConfig().asyncUtilTimeout;
  beforeEach(() => configure({ asyncUtilTimeout: 300 }));
  afterEach(() => configure({ asyncUtilTimeout: bound }));

  it('a component Taro never draws', async () => {
    // Stencil asks for frames that never come, so its components stay undrawn; handed back to the
    // browser afterwards, so the rest of the file draws again.
    const held: FrameRequestCallback[] = [];
    drawStencilOn((frame) => held.push(frame));
    try {
      render(<Input className="stuck-input" />);
      await expect(drawn('.stuck-input', 'the field .stuck-input')).rejects.toThrow(
        "the field .stuck-input never became ready: <taro-input-core class=\"stuck-input\"> is on the page but Taro's web component had not drawn it after 0.3 s",
      );
    } finally {
      drawStencilOn();
      held.splice(0).forEach((frame) => requestAnimationFrame(frame));
    }
    expect((await drawn('.stuck-input')).querySelector('input')).not.toBeNull();
  });

  it('a component that never appears', async () => {
    render(<View />);
    await expect(drawn('.missing-input', 'the field .missing-input')).rejects.toThrow(
      'the field .missing-input never became ready: nothing on the page matches it after 0.3 s',
    );
  });

  it("an element that is not one of Taro's components", async () => {
    const plain = document.createElement('div');
    document.body.append(plain);
    await expect(drawn(plain, 'a plain div')).rejects.toThrow("a plain div (<div>) is not one of Taro's web components");
    plain.remove();
  });
});
