import { getLab } from '@/engine';
import { catalogFromEngine } from './labHosts';

/** The real labs' catalog, for tests (the app builds its own from the lazily loaded engine). */
export const TEST_CATALOG = catalogFromEngine({ getLab });
