/** A sentence to translate: an i18n key and its parameters (nested messages are translated first). */
export interface Message {
  key: string;
  params?: Record<string, string | number | Message>;
}

export function msg(key: string, params?: Message['params']): Message {
  return params ? { key, params } : { key };
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'key' in v;
}
