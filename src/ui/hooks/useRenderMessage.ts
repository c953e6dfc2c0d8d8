import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessage } from '../model/message';
import type { Message } from '../model/message';
import { templateRenderer } from './messageTemplates';

/** Translate a message, translating nested messages in its parameters first. */
export function useRenderMessage(): (m: Message) => string {
  const { t, i18n } = useTranslation();
  // One renderer per language (t changes with it): its templates are that language's strings.
  const translate = useMemo(() => templateRenderer(i18n, t), [i18n, t]);
  return useCallback(
    function render(m: Message): string {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(m.params ?? {})) params[k] = isMessage(v) ? render(v) : v;
      return translate(m.key, params);
    },
    [translate],
  );
}
