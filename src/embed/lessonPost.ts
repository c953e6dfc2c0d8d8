/**
 * Posting a lesson's progress (`lvs-lab:lesson`) to the embedding page, by the same rules as
 * every other lab → parent message: only inside a frame, only to the `origin` parameter's
 * origin or else the referrer's, never to `*`.
 */
import type { LessonMessage } from './messages';
import { targetOrigin } from './messageBridge';
import type { BridgeWindow } from './messageBridge';

export function postLessonMessage(
  win: Pick<BridgeWindow, 'parent'>,
  origin: string | undefined,
  referrer: string,
  m: LessonMessage,
): boolean {
  if (!win.parent || (win.parent as unknown) === win) return false;
  const target = targetOrigin(origin, referrer);
  if (target === undefined) return false;
  try {
    win.parent.postMessage(m, target);
    return true;
  } catch {
    return false; // an origin the browser refuses: the lesson goes on unheard
  }
}
