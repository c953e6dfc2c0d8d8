import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { COMPARE_HREF, HOME_HREF, labHref } from '../router/route';
import type { Route } from '../router/route';
import { HelpButton } from './HelpButton';
import { LanguageSelect } from './LanguageSelect';
import { SchemeSelect } from './SchemeSelect';

const LABS = ['nat', 'dr', 'tun'] as const;

/** Title, the lab picker, the side-by-side view, and the display preferences. */
export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation();
  const current = route.page === 'lab' ? route.labId : route.page;
  // The picker opens each lab configured, or (ticked) from the seed article's bare start.
  const [bare, setBare] = useState(false);
  return (
    <header className="app-header">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus the lab without touching the fragment, which holds the lab's state.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <h1 className="brand">
        <Link href={HOME_HREF}>
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 8h12l-3-3 1.4-1.4L20 9l-5.6 5.4L13 13l3-3H4zM20 16H8l3 3-1.4 1.4L4 15l5.6-5.4L11 11l-3 3h12z" />
          </svg>
          {t('app.title')}
        </Link>
      </h1>
      <nav className="lab-picker" aria-label={t('nav.labs')}>
        {LABS.map((id) => (
          <Link
            key={id}
            href={labHref(id, { bare })}
            aria-current={current === id ? 'page' : undefined}
            data-lab={id}
          >
            {t(`lab.${id}.name`)}
          </Link>
        ))}
        <Link href={COMPARE_HREF} aria-current={current === 'compare' ? 'page' : undefined}>
          {t('nav.compare')}
        </Link>
        <label className="bare-toggle">
          <input type="checkbox" checked={bare} onChange={(e) => setBare(e.target.checked)} />
          {t('nav.bare')}
        </label>
      </nav>
      <div className="header-tools">
        <SchemeSelect />
        <LanguageSelect />
        <HelpButton />
      </div>
    </header>
  );
}
