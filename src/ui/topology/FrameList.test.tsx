// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { frameTag } from '../model/frameSummary';
import { buildTraceModel } from '../model/traceModel';
import { renderWithStore } from '../testing/renderWithStore';
import { FrameList } from './FrameList';

afterEach(cleanup);

test('each listed frame is a button named for its tag and id, with no text to lay out', async () => {
  const hops = buildTraceModel(labAfterRequest('nat').trace).hops.hops.slice(0, 5);
  const onSelect = vi.fn();
  const picked = hops[2]!.frame;
  await renderWithStore(<FrameList hops={hops} more={3} selected={picked} onSelect={onSelect} />);
  const list = screen.getByRole('list', { name: /Frames on the wire/ });
  const buttons = [...list.querySelectorAll('button')];
  expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(
    hops.map((h) => `${frameTag(h.eth)} (frame ${h.frame}): inspect its headers`),
  );
  // The words are the accessible name only: the hidden list has no text that changes per frame.
  for (const b of buttons) expect(b.textContent).toBe('');
  const named = screen.getByRole('button', {
    name: `${frameTag(hops[2]!.eth)} (frame ${picked}): inspect its headers`,
  });
  expect(named.getAttribute('aria-pressed')).toBe('true');
  expect(buttons.filter((b) => b.getAttribute('aria-pressed') === 'true')).toHaveLength(1);
  fireEvent.click(buttons[4]!);
  expect(onSelect).toHaveBeenCalledWith(hops[4]!.frame);
  expect(list.textContent).toContain('3 more');
});
