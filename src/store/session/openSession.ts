import { engine } from '../engine';
import type { LabSpec } from '../labSpec';
import { inPageTransport, pageClock } from './inPageTransport';
import { SessionClient } from './sessionClient';
import type { SessionView } from './sessionView';

/**
 * A spec run in a session of its own, outside any store (tests): in one go, however long, so
 * the view is complete on return.
 */
export function openSession(spec: LabSpec): SessionView {
  const client = new SessionClient(
    inPageTransport(engine(), pageClock, Infinity),
    engine().getLab(spec.labId)!,
  );
  client.request({ type: 'replay', spec });
  return client.view;
}
