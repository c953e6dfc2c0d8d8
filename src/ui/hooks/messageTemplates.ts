import type { i18n as I18n, TFunction } from 'i18next';

/** A catalog string cut at its `{{name}}` placeholders: text, name, text, …, text. */
type Template = readonly string[];

/** Options of t(), not values for the sentence: a message with one of them goes through t(). */
const OPTION_KEYS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'keyPrefix',
  'fallbackLng',
]);

/** The parts of `s`, or undefined when it holds more than plain `{{name}}` placeholders. */
function parse(s: string): Template | undefined {
  if (s.includes('$t(')) return undefined; // nesting
  const parts: string[] = [];
  let at = 0;
  for (const m of s.matchAll(/\{\{(.+?)\}\}/g)) {
    const name = m[1]!.trim();
    if (!/^[A-Za-z_]\w*$/.test(name)) return undefined; // a format, a path, an unescaped value
    parts.push(s.slice(at, m.index), name);
    at = m.index + m[0].length;
  }
  parts.push(s.slice(at));
  return parts;
}

/**
 * t(key, params) for the catalogs' plain sentences, from each key's string cut once at its
 * placeholders: i18next's t() resolves the key, the language chain and the interpolation on every
 * call (~50 µs), and the event list, its detail and the topology's words translate a few dozen
 * sentences each time they follow a moving cursor. Anything else (a plural's count, a key the
 * catalogs lack, a missing value, a string with more than plain placeholders) goes to t() itself,
 * so the words are t()'s (messageTemplates.test.ts compares every key of both catalogs).
 */
export function templateRenderer(
  i18n: I18n,
  t: TFunction,
): (key: string, params: Record<string, string | number>) => string {
  const codes: readonly string[] = i18n.services?.languageUtils?.toResolveHierarchy(i18n.language) ?? [];
  const templates = new Map<string, Template | null>();
  const templateOf = (key: string): Template | null => {
    let tpl = templates.get(key);
    if (tpl !== undefined) return tpl;
    tpl = null;
    if (codes.length > 0 && !key.includes(':'))
      for (const code of codes) {
        const res: unknown = i18n.getResource(code, 'translation', key);
        if (res === undefined || res === null) continue;
        if (typeof res === 'string') tpl = parse(res) ?? null;
        break;
      }
    templates.set(key, tpl);
    return tpl;
  };
  return (key, params) => {
    const tpl = templateOf(key);
    if (tpl && !Object.keys(params).some((k) => OPTION_KEYS.has(k))) {
      let out = tpl[0]!;
      for (let i = 1; i < tpl.length; i += 2) {
        const v = Object.hasOwn(params, tpl[i]!) ? params[tpl[i]!] : undefined;
        if (v === undefined || v === null) return t(key, params);
        out += String(v) + tpl[i + 1]!;
      }
      return out;
    }
    return t(key, params);
  };
}
