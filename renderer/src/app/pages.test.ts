import { createElement, Suspense, useEffect, useState, type ComponentType } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from './pages';

// React's act() environment: updates are flushed inside act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
const host = document.createElement('div');
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

let mounts = 0;
function Greeting() {
  const [text] = useState('你好');
  useEffect(() => {
    mounts += 1;
  }, []);
  return createElement('p', null, text);
}

const render = (Page: ComponentType) => {
  root ??= createRoot(host);
  root.render(
    createElement(
      Suspense,
      { fallback: createElement('p', null, '正在加载') },
      createElement(Page),
    ),
  );
};

describe('a page loaded on first use', () => {
  it('is drawn in the first render once its code is here, without the loading fallback', async () => {
    const Page = page(async () => ({ Greeting }), 'Greeting');
    await Page.preload();
    act(() => render(Page));
    expect(host.textContent).toBe('你好');
  });

  it('shows the fallback until its code arrives, and is never mounted a second time', async () => {
    mounts = 0;
    let arrive: (m: { Greeting: typeof Greeting }) => void = () => {};
    const Page = page(
      () => new Promise<{ Greeting: typeof Greeting }>((resolve) => (arrive = resolve)),
      'Greeting',
    );
    act(() => render(Page));
    expect(host.textContent).toBe('正在加载');
    await act(async () => {
      arrive({ Greeting });
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(host.textContent).toBe('你好');
    // Drawn again after the code is here: the same page goes on, not a new one.
    act(() => render(Page));
    expect(host.textContent).toBe('你好');
    expect(mounts).toBe(1);
  });
});
