// Vitest setup: the app reaches the engine through `engine()` (store/engine.ts) so that the
// engine stays a lazy chunk in the browser; tests load it once before each file runs.
import { loadEngine } from './engine';

await loadEngine();
