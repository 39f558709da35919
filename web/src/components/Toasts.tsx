import { useEffect } from 'react';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  title: string;
  detail?: string[];
}

/** Stacked notices over the map; success notices fade after a few seconds, errors stay until closed. */
export function Toasts({ toasts, onClose }: { toasts: Toast[]; onClose: (id: number) => void }) {
  useEffect(() => {
    const timers = toasts
      .filter((t) => t.kind !== 'error')
      .map((t) => window.setTimeout(() => onClose(t.id), 3500));
    return () => timers.forEach((x) => window.clearTimeout(x));
  }, [toasts, onClose]);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${t.kind}`}>
          <div className="toast-body">
            <strong>{t.title}</strong>
            {t.detail?.length ? (
              <ul>
                {t.detail.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="icon-button" aria-label="close" onClick={() => onClose(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
