/**
 * The lab's end of the postMessage API. Requests are taken only from the page around the frame
 * (`event.source === window.parent`) and, when the `origin` parameter was given, only from that
 * origin. Answers go to the `origin` parameter's origin, else to the parent's origin as
 * `document.referrer` tells it, else nowhere: the lab never posts to `*`.
 */
import { takeEarlyMessages } from './earlyMessages';
import { checkParentMessage, requestType } from './messages';
import type { LabMessage, ParentMessage } from './messages';
import { originOf } from './urlParams';

/** Where the lab's messages go, or undefined to post nothing. */
export function targetOrigin(originParam: string | undefined, referrer: string): string | undefined {
  return originParam ?? (referrer ? originOf(referrer) : undefined);
}

export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
  addEventListener(type: 'message', l: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', l: (e: MessageEvent) => void): void;
}

/** Whether a message event comes from the page the lab may obey. */
export function fromAllowedParent(
  e: Pick<MessageEvent, 'source' | 'origin'>,
  win: BridgeWindow,
  origin?: string,
): boolean {
  if (!win.parent || (win.parent as unknown) === win || e.source !== (win.parent as unknown)) return false;
  return origin === undefined || e.origin === origin;
}

export interface BridgeOptions {
  /** The `origin` URL parameter (already normalised by parseUrlParams). */
  origin?: string | undefined;
  referrer: string;
  /** Lab ids this build knows (for `lvs-lab:load`). */
  labs(): readonly string[];
  /** Act on a valid request; return an error text to refuse it (nothing changed). */
  handle(m: ParentMessage): string | undefined;
}

export interface MessageBridge {
  /** Whether anything is posted at all (an origin is known). */
  readonly target: string | undefined;
  post(m: LabMessage): void;
  dispose(): void;
}

export function startMessageBridge(win: BridgeWindow, opts: BridgeOptions): MessageBridge {
  const framed = win.parent !== null && (win.parent as unknown) !== win;
  const target = framed ? targetOrigin(opts.origin, opts.referrer) : undefined;
  const post = (m: LabMessage) => {
    if (target === undefined || !win.parent) return;
    try {
      win.parent.postMessage(m, target);
    } catch {
      // A target the browser refuses (e.g. an opaque origin): the lab goes on unheard.
    }
  };
  const error = (message: string, request: string) => post({ type: 'lvs-lab:error', message, request });
  const listener = (e: MessageEvent) => {
    const request = requestType(e.data);
    if (!request) return;
    if (!fromAllowedParent(e, win, opts.origin)) {
      error('refused: the message did not come from the embedding page and its allowed origin', request);
      return;
    }
    const checked = checkParentMessage(e.data, opts.labs());
    if (!checked.ok) {
      if ('error' in checked) error(checked.error, checked.request);
      return;
    }
    let problem: string | undefined;
    try {
      problem = opts.handle(checked.message);
    } catch {
      problem = 'the lab could not carry out this request';
    }
    if (problem !== undefined) error(problem, request);
  };
  // Requests that came while the app loaded go first, in order, as if they arrived now: in a
  // microtask, so the caller holds its bridge (and has posted ready) before they are handled, and
  // before any message that arrives later (each is a task of its own).
  const early = takeEarlyMessages(win);
  let disposed = false;
  if (framed) {
    win.addEventListener('message', listener);
    if (early.length > 0)
      queueMicrotask(() => {
        for (const e of early) if (!disposed) listener(e);
      });
  }
  return {
    target,
    post,
    dispose: () => {
      disposed = true;
      if (framed) win.removeEventListener('message', listener);
    },
  };
}
