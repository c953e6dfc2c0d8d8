// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { renderWithStore } from '../testing/renderWithStore';
import { PlaybackBar } from './PlaybackBar';

afterEach(cleanup);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the value and words follow the cursor a few times a second, and land on its last place', async () => {
  const { store } = await renderWithStore(<PlaybackBar />);
  act(() => store.getState().sendRequest());
  const slider = screen.getByRole('slider', { name: 'Position in the trace' }) as HTMLInputElement;
  const words = () => document.querySelector('.playback-position-text')?.textContent ?? '';
  await wait(300);
  act(() => store.getState().seek(3));
  // The first move after a quiet spell is written at once.
  expect(slider.value).toBe('3');
  expect(words()).toMatch(/^Event 3 of /);
  // Moves within the interval wait (the track is not measured here: every cursor is a place of
  // its own, so the value still follows at once) …
  for (let c = 4; c <= 9; c++) act(() => store.getState().seek(c));
  expect(slider.value).toBe('9');
  expect(words()).toMatch(/^Event 3 of /);
  // … and the last one lands.
  await wait(450);
  expect(words()).toMatch(/^Event 9 of /);
  expect(slider.getAttribute('aria-valuetext')).toBe(words());
});

test('a key on the slider writes the exact words and value before it steps', async () => {
  const { store } = await renderWithStore(<PlaybackBar />);
  act(() => store.getState().sendRequest());
  const slider = screen.getByRole('slider', { name: 'Position in the trace' }) as HTMLInputElement;
  await wait(300);
  act(() => store.getState().seek(2));
  act(() => store.getState().seek(5));
  expect(slider.getAttribute('aria-valuetext')).toMatch(/^Event 2 of /);
  fireEvent.keyDown(slider, { key: 'ArrowRight' });
  expect(slider.value).toBe('5');
  expect(slider.getAttribute('aria-valuetext')).toMatch(/^Event 5 of /);
});
