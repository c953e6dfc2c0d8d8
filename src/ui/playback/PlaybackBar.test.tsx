// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { renderWithStore } from '../testing/renderWithStore';
import { PlaybackBar } from './PlaybackBar';

afterEach(cleanup);

describe('<PlaybackBar>', () => {
  test('steps forward and back exactly, and every control has a name', async () => {
    const { store } = await renderWithStore(<PlaybackBar />);
    act(() => store.getState().sendRequest());
    const start = store.getState().cursor;
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(store.getState().cursor).toBe(start + 2);
    fireEvent.click(screen.getByRole('button', { name: 'Step back' }));
    expect(store.getState().cursor).toBe(start + 1);
    const slider = screen.getByRole('slider', { name: 'Position in the trace' });
    fireEvent.change(slider, { target: { value: '5' } });
    expect(store.getState().cursor).toBe(5);
    for (const b of screen.getAllByRole('button'))
      expect(b.getAttribute('aria-label') ?? b.textContent).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();
  });

  test('play toggles to pause', async () => {
    const { store } = await renderWithStore(<PlaybackBar />);
    act(() => store.getState().sendRequest());
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });
});
