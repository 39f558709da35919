import { useEffect, useState } from 'react';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useI18n, type I18nKey } from '../lib/i18n';

/** Waits shorter than this show nothing (a flash of "loading" reads as a flicker). */
const SHOW_AFTER_MS = 300;

/**
 * One chip over the map saying what the planner is waiting for — an optimiser run, coverage, a scenario and its
 * comparison — read from the query cache, so every wait of more than 300 ms is visible wherever it started.
 */
export function BusyChip() {
  const { t } = useI18n();
  const waits: { what: string; label: I18nKey; n: number }[] = [
    { what: 'plan', label: 'busy.plan', n: useIsMutating({ mutationKey: ['plan'] }) },
    { what: 'coverage', label: 'busy.coverage', n: useIsFetching({ queryKey: ['data', 'coverage'] }) + useIsFetching({ queryKey: ['data', 'isochrones'] }) },
    {
      what: 'scenario', label: 'busy.scenario',
      n: useIsFetching({ queryKey: ['data', 'scenario'] }) + useIsFetching({ queryKey: ['data', 'compare'] }) + useIsFetching({ queryKey: ['ref', 'travel'] }),
    },
  ];
  const active = waits.filter((w) => w.n > 0);
  const key = active.map((w) => w.what).join(' ');
  const [shown, setShown] = useState('');
  useEffect(() => {
    if (!key) {
      setShown('');
      return;
    }
    const timer = window.setTimeout(() => setShown(key), SHOW_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  if (!shown || !key) return null;
  return (
    <div className="busy-chip loading-row" role="status" data-testid="map-busy" data-what={key}>
      <span className="spinner" aria-hidden="true" />
      {active.map((w) => t(w.label)).join(' · ')}
    </div>
  );
}
