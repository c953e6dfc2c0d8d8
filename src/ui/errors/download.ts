import type { LabSpec } from '@/store/labSpec';

/** Hand the user a file (a Blob behind a temporary link); nothing is sent anywhere. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A lab's work as a readable file: which lab, its seed, start and size, and every command run. */
export function labLogText(spec: LabSpec): string {
  return `${JSON.stringify(
    {
      lab: spec.labId,
      seed: spec.seed,
      bare: spec.bare,
      ...(spec.servers !== undefined ? { servers: spec.servers } : {}),
      ...(spec.clients !== undefined ? { clients: spec.clients } : {}),
      log: spec.log,
    },
    null,
    2,
  )}\n`;
}

export function downloadLabLog(spec: LabSpec): void {
  downloadText(`lvs-lab-${spec.labId}-log.json`, labLogText(spec));
}
