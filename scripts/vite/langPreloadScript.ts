/** Where the app keeps the reader's choice of language (src/i18n/i18n.ts reads the same key). */
export const LANGUAGE_KEY = 'lvs-lab.lang';

/**
 * A classic script that, on a page that will show Chinese, preloads the Chinese catalog. It
 * decides as the app does: `?lang=` when it names a language the app has, else the saved choice,
 * else the browser's language. It runs from a file (the page's CSP allows no inline script) and
 * is only a hint: if it errs, the app still fetches the catalog it needs, a little later.
 */
export function langPreloadScript(catalogHref: string): string {
  return `(function () {
  try {
    var q = new URLSearchParams(location.search.replace(/^[?#]/, '')).get('lang');
    var l = q === null ? '' : q.toLowerCase();
    var zh = l === 'zh-cn';
    if (!zh && l !== 'en') {
      var s = null;
      try { s = localStorage.getItem(${JSON.stringify(LANGUAGE_KEY)}); } catch (e) {}
      zh = s === 'zh-CN' || (s !== 'en' && /^zh/i.test(navigator.language || ''));
    }
    if (!zh) return;
    var k = document.createElement('link');
    k.rel = 'modulepreload';
    k.crossOrigin = '';
    k.href = ${JSON.stringify(catalogHref)};
    document.head.appendChild(k);
  } catch (e) {}
})();
`;
}
