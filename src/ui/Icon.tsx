/** Playback and tool icons as SVG paths (font glyphs like ⏮ are missing on many systems). */
const PATHS = {
  start: 'M5 4h2v16H5zM20 4v16L8 12z',
  back: 'M4 4h2v16H4zM20 4v16L8 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M18 4h2v16h-2zM4 4v16l12-8z',
  end: 'M17 4h2v16h-2zM4 4v16l12-8z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  minus: 'M5 11h14v2H5z',
  reset: 'M12 5a7 7 0 1 1-6.3 4H3l3.5-4L10 9H7.9A5 5 0 1 0 12 7z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
