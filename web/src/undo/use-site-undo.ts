import { useCallback, useEffect, useRef, useState } from 'react';
import type { SiteOp } from './site-undo-ops';

/**
 * Undo/redo of this browser session's site changes. `record` adds a change done by the caller; `undo`/`redo` run its
 * inverse/forward through the API and then `onChanged` (reload the sites). Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) while
 * not typing, unless `keysEnabled` is false (another panel owns those keys).
 */
export function useSiteUndo({ onChanged, onDone, onError, keysEnabled }: {
  onChanged: () => Promise<unknown>;
  onDone: (op: SiteOp, direction: 'undo' | 'redo') => void;
  onError: (e: unknown) => void;
  keysEnabled: boolean;
}) {
  const [done, setDone] = useState<SiteOp[]>([]);
  const [undone, setUndone] = useState<SiteOp[]>([]);
  const [busy, setBusy] = useState(false);

  const record = useCallback((op: SiteOp) => {
    setDone((d) => [...d.slice(-49), op]);
    setUndone([]);
  }, []);

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const from = direction === 'undo' ? done : undone;
      const op = from[from.length - 1];
      if (!op || busy) return;
      setBusy(true);
      try {
        await (direction === 'undo' ? op.undo() : op.redo());
        if (direction === 'undo') {
          setDone((d) => d.slice(0, -1));
          setUndone((u) => [...u, op]);
        } else {
          setUndone((u) => u.slice(0, -1));
          setDone((d) => [...d, op]);
        }
        onDone(op, direction);
        await onChanged().catch(onError);
      } catch (e) {
        onError(e);
      } finally {
        setBusy(false);
      }
    },
    [done, undone, busy, onChanged, onDone, onError],
  );

  const keys = useRef({ step, keysEnabled });
  keys.current = { step, keysEnabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!keys.current.keysEnabled || !(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        void keys.current.step('undo');
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        void keys.current.step('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return {
    record,
    undo: () => void step('undo'),
    redo: () => void step('redo'),
    nextUndo: done[done.length - 1] ?? null,
    nextRedo: undone[undone.length - 1] ?? null,
    busy,
  };
}
