import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import i18next from 'i18next';
import { initI18n } from '@/i18n/i18n';
import { createAppStore } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { loadEngine } from '@/store/engine';
import { StoreProvider } from '@/store/StoreProvider';

/** jsdom lacks these; the components only need them to exist. */
function polyfill(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** Render a store-connected component with its own fresh store (no persistence) and English. */
export async function renderWithStore(
  ui: ReactElement,
  labId: 'nat' | 'dr' | 'tun' = 'nat',
): Promise<{ store: AppStore } & ReturnType<typeof render>> {
  polyfill();
  await loadEngine();
  if (!i18next.isInitialized) await initI18n('en');
  else await i18next.changeLanguage('en');
  const store = createAppStore({ persistKey: null, labId, startPaused: true });
  const r = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, ...r };
}
