import { useTranslation } from 'react-i18next';
import { engine } from '@/store/engine';
import type { LabSize } from '@/engine';

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** How many real servers and clients a lab opens with, within the engine's limits. */
export function LabSizeFields({
  labName,
  size,
  onChange,
}: {
  labName: string;
  size: LabSize;
  onChange(size: LabSize): void;
}) {
  const { t } = useTranslation();
  const limits = engine().LAB_SIZE_LIMITS;
  const field = (key: keyof LabSize) => (
    <label className="field-inline">
      <span className="field-label">{t(`home.size.${key}`)}</span>
      <select
        aria-label={t(`home.size.${key}Name`, { lab: labName })}
        value={size[key]}
        onChange={(e) => onChange({ ...size, [key]: Number(e.target.value) })}
      >
        {range(limits[key].min, limits[key].max).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="lab-size" role="group" aria-label={t('home.size.group', { lab: labName })}>
      {field('servers')}
      {field('clients')}
    </div>
  );
}
