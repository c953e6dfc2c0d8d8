import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessage } from '../model/message';
import type { Message } from '../model/message';

/** Translate a message, translating nested messages in its parameters first. */
export function useRenderMessage(): (m: Message) => string {
  const { t } = useTranslation();
  return useCallback(
    function render(m: Message): string {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(m.params ?? {})) params[k] = isMessage(v) ? render(v) : v;
      return t(m.key, params);
    },
    [t],
  );
}
