import { localStore } from '@/store/safeStorage';

/** What the app's tabs tell each other about who has the saved work open. */
export interface TabMessage {
  type: 'hello' | 'here';
  tab: string;
  /** When the tab opened its saved work (ms since the epoch): the earliest one owns it. */
  since: number;
}

export interface TabChannel {
  post(m: TabMessage): void;
  listen(fn: (m: TabMessage) => void): void;
  close(): void;
}

const NAME = 'lvs-lab.tabs';

function isTabMessage(v: unknown): v is TabMessage {
  const m = v as Partial<TabMessage> | null;
  return (
    !!m &&
    (m.type === 'hello' || m.type === 'here') &&
    typeof m.tab === 'string' &&
    typeof m.since === 'number'
  );
}

/** Through `storage` events, for browsers without BroadcastChannel: a write other tabs see. */
function storageChannel(): TabChannel | undefined {
  const ls = localStore();
  if (!ls || typeof window === 'undefined') return undefined;
  let onEvent: ((e: StorageEvent) => void) | undefined;
  let n = 0;
  return {
    post(m) {
      try {
        // A new value each time (tab id and counter), or an equal write would fire no event.
        ls.setItem(NAME, JSON.stringify({ m, n: ++n }));
      } catch {
        // Storage refused: this tab cannot be told apart, as if alone.
      }
    },
    listen(fn) {
      onEvent = (e) => {
        if (e.key !== NAME || !e.newValue) return;
        try {
          const { m } = JSON.parse(e.newValue) as { m: unknown };
          if (isTabMessage(m)) fn(m);
        } catch {
          // Not ours.
        }
      };
      window.addEventListener('storage', onEvent);
    },
    close() {
      if (onEvent) window.removeEventListener('storage', onEvent);
    },
  };
}

/** BroadcastChannel where there is one, else storage events; undefined when neither works. */
export function openTabChannel(): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return storageChannel();
  const bc = new BroadcastChannel(NAME);
  return {
    post: (m) => bc.postMessage(m),
    listen: (fn) => {
      bc.onmessage = (e: MessageEvent) => {
        if (isTabMessage(e.data)) fn(e.data);
      };
    },
    close: () => bc.close(),
  };
}
