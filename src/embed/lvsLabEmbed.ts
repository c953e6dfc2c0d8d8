/**
 * `<lvs-lab>`: a thin wrapper around an iframe of the hosted app, so styles, state and the
 * engine stay isolated and several instances on one page stay independent. Built on its own as
 * `lvs-lab-embed.js` (vite.embed.config.ts) next to the app's index.html, which it frames.
 *
 *   <script type="module" src="/course/lvs/lvs-lab-embed.js"></script>
 *   <lvs-lab lab="nat" lang="zh-CN" panels="packet,terminal"></lvs-lab>
 *
 * Attributes are the URL parameters; the lab's messages come out as DOM events of the same names
 * (`lvs-lab:command`, …) with their fields in `detail`.
 */
import { formatUrlParams, parseUrlParams } from './urlParams';

const FRAME_PARAMS = [
  'view',
  'lab',
  'servers',
  'clients',
  'state',
  'at',
  'step',
  'lang',
  'scheme',
  'panels',
  'paused',
];
const LAB_TYPES = ['lvs-lab:ready', 'lvs-lab:command', 'lvs-lab:step', 'lvs-lab:state', 'lvs-lab:error'];
const STATE_TIMEOUT_MS = 10_000;

/** The app's page next to this script, unless the element names another with `src`. */
function appUrl(src: string | null): URL {
  return new URL(src ?? './index.html', src ? document.baseURI : import.meta.url);
}

type Detail = Record<string, unknown>;

export class LvsLabElement extends HTMLElement {
  static readonly observedAttributes = [...FRAME_PARAMS, 'src', 'title'];

  private readonly frame: HTMLIFrameElement;
  private ready = false;
  private queue: Record<string, unknown>[] = [];
  private waiting: { resolve(d: Detail): void; reject(e: Error): void; timer: number }[] = [];
  private readonly onMessage = (e: MessageEvent) => this.receive(e);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent =
      ':host{display:block;height:640px;min-width:320px}iframe{display:block;width:100%;height:100%;border:0}';
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('allow', 'clipboard-write');
    root.append(style, this.frame);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.onMessage);
    this.reframe();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    for (const w of this.waiting.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error('lvs-lab element removed'));
    }
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.reframe();
  }

  /** The iframe's URL: the attributes as URL parameters (bounded like any URL), embed mode, our origin. */
  get frameSrc(): string {
    const query = new URLSearchParams();
    for (const name of FRAME_PARAMS) {
      const v = this.getAttribute(name);
      if (v !== null) query.set(name, name === 'paused' && v === '' ? '1' : v);
    }
    const p = parseUrlParams(`?${query.toString()}`);
    const origin = window.location.origin;
    const url = appUrl(this.getAttribute('src'));
    const text = formatUrlParams({ ...p, embed: true, ...(origin !== 'null' ? { origin } : {}) });
    return `${url.href.split(/[?#]/)[0]}${text}`;
  }

  private targetOrigin(): string {
    const o = appUrl(this.getAttribute('src')).origin;
    // A file:// app has an opaque origin that postMessage cannot name.
    return o === 'null' ? '*' : o;
  }

  private reframe(): void {
    const src = this.frameSrc;
    this.frame.title = this.getAttribute('title') ?? 'LVS Lab';
    if (this.frame.getAttribute('src') === src) return;
    this.ready = false;
    this.frame.setAttribute('src', src);
  }

  private receive(e: MessageEvent): void {
    if (e.source !== this.frame.contentWindow || e.source === null) return;
    const t = this.targetOrigin();
    if (t !== '*' && e.origin !== t) return;
    const data = e.data as unknown;
    if (typeof data !== 'object' || data === null) return;
    const { type, ...detail } = data as Detail;
    if (typeof type !== 'string' || !LAB_TYPES.includes(type)) return;
    if (type === 'lvs-lab:ready') {
      this.ready = true;
      for (const m of this.queue.splice(0)) this.post(m);
    }
    if (type === 'lvs-lab:state') {
      for (const w of this.waiting.splice(0)) {
        clearTimeout(w.timer);
        w.resolve(detail);
      }
    }
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private post(m: Record<string, unknown>): void {
    if (!this.ready) {
      this.queue.push(m);
      return;
    }
    this.frame.contentWindow?.postMessage(m, this.targetOrigin());
  }

  /** Type a command on a host, as a student would. */
  run(host: string, command: string): void {
    this.post({ type: 'lvs-lab:run', host, command });
  }

  /** Put the playback cursor at this step (events that have happened). */
  seek(step: number): void {
    this.post({ type: 'lvs-lab:seek', step });
  }

  play(): void {
    this.post({ type: 'lvs-lab:play' });
  }

  pause(): void {
    this.post({ type: 'lvs-lab:pause' });
  }

  /** Replace the lab: a share string, or a lab id. */
  load(what: { state: string } | { lab: string; bare?: boolean; seed?: number }): void {
    this.post({ type: 'lvs-lab:load', ...what });
  }

  /** The lab's state: `{ state, step, lab }` (state is the share string). */
  getState(): Promise<Detail> {
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w.timer !== timer);
        reject(new Error('lvs-lab did not answer get-state'));
      }, STATE_TIMEOUT_MS);
      this.waiting.push({ resolve, reject, timer });
      this.post({ type: 'lvs-lab:get-state' });
    });
  }
}

if (!customElements.get('lvs-lab')) customElements.define('lvs-lab', LvsLabElement);
