/**
 * A lesson's Markdown as safe HTML: `marked` renders it (raw HTML as text), DOMPurify (a well-kept sanitiser)
 * removes anything that could run or load: scripts, event handlers, `javascript:` and data
 * URLs, forms, frames, styles and images. Without a DOM to sanitise in, the text is escaped
 * whole rather than passed through (DOMPurify returns its input unchanged there).
 */
import DOMPurify from 'dompurify';
import type { DOMPurify as Purifier, WindowLike } from 'dompurify';
import { Marked } from 'marked';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  // Raw HTML in a lesson is shown as text: only Markdown makes tags. (Parsing an author's
  // handlers at all, even in DOMPurify's inert document, makes the browser report them to CSP.)
  renderer: { html: ({ text }) => escapeHtml(text) },
});

const CONFIG = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'code',
    'pre',
    'kbd',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'del',
    'sup',
    'sub',
  ],
  ALLOWED_ATTR: ['href', 'title', 'align'],
  ALLOW_DATA_ATTR: false,
  // Web links, mail, and the lab's own pages by query string (`?view=compare`).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\?)/i,
};

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: WindowLike | undefined): Purifier | undefined {
  if (!win) return undefined;
  let p = purifiers.get(win);
  if (!p) {
    p = DOMPurify(win);
    if (!p.isSupported) return undefined;
    // Links leave the lab in a new tab and tell the target nothing about the lesson page.
    p.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href');
      // `[words]()`: a link to nowhere would open the lesson page itself again; keep the words.
      if (href !== null && href.trim() === '') node.removeAttribute('href');
      else if (href) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    purifiers.set(win, p);
  }
  return p.isSupported ? p : undefined;
}

/**
 * Markdown → sanitised HTML (`inline`: no paragraph around it, for choices). Never throws; `win`
 * is the window to sanitise in (tests pass jsdom's), by default the page's.
 */
export function renderMarkdown(md: string, opts: { inline?: boolean; win?: WindowLike } = {}): string {
  const win = opts.win ?? (typeof window === 'undefined' ? undefined : (window as unknown as WindowLike));
  const purifier = purifierFor(win);
  if (!purifier) return escapeHtml(md);
  let html: string;
  try {
    html = opts.inline ? marked.parseInline(md, { async: false }) : marked.parse(md, { async: false });
  } catch {
    html = escapeHtml(md);
  }
  return purifier.sanitize(html, { ...CONFIG, ADD_ATTR: ['target', 'rel'] });
}
