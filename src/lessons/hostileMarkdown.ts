/**
 * Lesson texts that try to run script (each would set `window.__pwned`): the Vitest fuzz mixes
 * them into generated lessons, and the Playwright spec opens a lesson file made of each.
 * No imports, so the e2e suite can load it as it is.
 */
export const HOSTILE_MARKDOWN: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '[click](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<a href="&#106;avascript:window.__pwned=1">x</a>',
  '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=window.__pwned=1 src>">',
  '![x](x" onerror="window.__pwned=1)',
  '<input autofocus onfocus="window.__pwned=1">',
  '<video><source onerror="window.__pwned=1"></video>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="data:text/html,<script>parent.__pwned=1</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '[x](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<template><script>window.__pwned=1</script></template>',
  '<javascript:window.__pwned=1>',
  '<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"/></svg>',
  '`<script>window.__pwned=1</script>` and **<b onmouseover="window.__pwned=1">bold</b>**',
  '<style>*{background:url("javascript:window.__pwned=1")}</style>',
  '<base href="javascript:/"><a href="x">x</a>',
];
