import { createContext, useContext } from 'react';
import type { PanelName, UrlParams } from '@/embed/urlParams';
import type { SessionMode } from './decideBoot';

export interface SessionInfo {
  mode: SessionMode;
  params: UrlParams;
}

export const SessionContext = createContext<SessionInfo>({ mode: 'main', params: {} });

export function useSession(): SessionInfo {
  return useContext(SessionContext);
}

const ALL_PANELS: readonly PanelName[] = ['packet', 'hooks', 'scheduler', 'controls', 'events', 'terminal'];

/** The panels this page shows: embed mode's `panels=` list, else all of them. */
export function usePanels(): readonly PanelName[] {
  const { mode, params } = useSession();
  return mode === 'embed' && params.panels ? params.panels : ALL_PANELS;
}
