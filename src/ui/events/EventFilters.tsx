import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import type { EventFilterCategory } from '@/store/types';
import { useLab } from '../hooks/useLab';

const CATS: EventFilterCategory[] = ['findings', 'arp', 'tcp', 'ipvs', 'netfilter', 'drops', 'commands'];

/** Narrow the event list to one host and to the kinds of events a lesson is about. */
export const EventFilters = memo(function EventFilters() {
  const { t } = useTranslation();
  const { runtime } = useLab();
  const host = useAppStore((s) => s.filterHost);
  const cats = useAppStore((s) => s.filterCategories);
  const setHost = useAppStore((s) => s.setFilterHost);
  const toggle = useAppStore((s) => s.toggleCategory);
  return (
    <div className="event-filters" role="group" aria-label={t('events.filters')}>
      <label className="field-inline">
        <span className="field-label">{t('events.host')}</span>
        <select value={host} onChange={(e) => setHost(e.target.value)}>
          <option value="">{t('events.allHosts')}</option>
          {runtime.hostNames().map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      {CATS.map((c) => (
        <button
          key={c}
          type="button"
          className={`chip cat-${c}`}
          aria-pressed={cats.includes(c)}
          onClick={() => toggle(c)}
        >
          {t(`events.cat.${c}`)}
        </button>
      ))}
    </div>
  );
});
