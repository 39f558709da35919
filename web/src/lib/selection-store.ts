/**
 * The one store of what the planner has selected and what it is placing (zustand): the selected site, the site
 * or village being placed on the map, and the open planning scenario with the one it is compared against.
 * Components read slices with `useSelection((s) => s.siteId)`; the address bar mirrors it (`lib/use-url-view.ts`).
 */
import { create } from 'zustand';

export interface SelectionState {
  /** The site whose details are open. */
  siteId: string | null;
  /** The site being placed by a click on the map. */
  placingSiteId: string | null;
  /** The village being placed by a click on the map. */
  placingVillage: string | null;
  /** The planning scenario open on the map (A). */
  scenarioId: string | null;
  /** The scenario A is compared with (B); null: A is compared with the current network only. */
  againstId: string | null;
}

export const EMPTY_SELECTION: SelectionState = { siteId: null, placingSiteId: null, placingVillage: null, scenarioId: null, againstId: null };

export const useSelection = create<SelectionState>()(() => ({ ...EMPTY_SELECTION }));

/** Changes the selection (a patch, or a function of the current state, as zustand's `setState`). */
export const setSelection = useSelection.setState;

/** Stops any placing (Escape, or another mode started). */
export const stopPlacing = () => setSelection({ placingSiteId: null, placingVillage: null });

/** Opens scenario `id` (null closes it); the comparison partner is dropped when it would be the scenario itself. */
export const openScenario = (id: string | null) =>
  setSelection((s) => ({ scenarioId: id, againstId: id && s.againstId !== id ? s.againstId : null }));
