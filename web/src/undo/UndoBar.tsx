import { useI18n, type I18nKey } from '../lib/i18n';
import type { SiteOp } from './site-undo-ops';

/** Undo / redo buttons over the map, naming what each would undo or redo. */
export function UndoBar({ nextUndo, nextRedo, busy, onUndo, onRedo }: {
  nextUndo: SiteOp | null; nextRedo: SiteOp | null; busy: boolean; onUndo: () => void; onRedo: () => void;
}) {
  const { t } = useI18n();
  if (!nextUndo && !nextRedo) return null;
  const what = (op: SiteOp) => t(`undo.op.${op.kind}` as I18nKey, { name: op.name });
  return (
    <div className="undo-bar map-card" data-testid="undo-bar" aria-busy={busy}>
      <button type="button" className="button small" data-testid="undo-button" disabled={!nextUndo || busy} onClick={onUndo}
        title={nextUndo ? `${t('undo.undo')}: ${what(nextUndo)} (Ctrl+Z)` : t('undo.undo')}>
        ↶ {t('undo.undo')}
      </button>
      <button type="button" className="button small" data-testid="redo-button" disabled={!nextRedo || busy} onClick={onRedo}
        title={nextRedo ? `${t('undo.redo')}: ${what(nextRedo)} (Ctrl+Shift+Z)` : t('undo.redo')}>
        ↷ {t('undo.redo')}
      </button>
      {nextUndo && <span className="muted small undo-what" data-testid="undo-what">{what(nextUndo)}</span>}
    </div>
  );
}
