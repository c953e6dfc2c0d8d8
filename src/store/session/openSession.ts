import { engine } from '../engine';
import type { LabSpec } from '../labSpec';
import { inPageTransport } from './inPageTransport';
import { SessionClient } from './sessionClient';
import type { SessionView } from './sessionView';

/**
 * A spec run in a session of its own, outside any store (tests, a share link's trace): the
 * in-page session answers a short log at once, so the view is complete on return.
 */
export function openSession(spec: LabSpec): SessionView {
  const client = new SessionClient(inPageTransport(engine()), engine().getLab(spec.labId)!);
  client.request({ type: 'replay', spec });
  return client.view;
}
