import { useRef, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

interface Props<T extends string> {
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (id: T) => void;
  /** Id of the element holding the tab's content (role="tabpanel"). */
  panelId: string;
  label: string;
}

/** The id of a tab's button, for the tab panel's aria-labelledby. */
export const tabId = (id: string) => `tab-button-${id}`;

/**
 * ARIA tabs (role="tablist"/"tab", aria-selected, aria-controls) with a roving tabindex: Left/Right move between
 * tabs and select them, Home/End jump to the ends.
 */
export function TabBar<T extends string>({ tabs, value, onChange, panelId, label }: Props<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: React.KeyboardEvent) => {
    const k = tabs.findIndex((x) => x.id === value);
    const next = e.key === 'ArrowRight' ? k + 1 : e.key === 'ArrowLeft' ? k - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <nav className="tabs app-tabs" role="tablist" aria-label={label} data-testid="tab-bar" onKeyDown={onKeyDown}>
      {tabs.map((x) => (
        <button
          key={x.id}
          ref={(el) => void (el ? refs.current.set(x.id, el) : refs.current.delete(x.id))}
          id={tabId(x.id)}
          type="button"
          role="tab"
          aria-selected={value === x.id}
          aria-controls={panelId}
          tabIndex={value === x.id ? 0 : -1}
          className={`tab${value === x.id ? ' active' : ''}`}
          data-testid={`tab-${x.id}`}
          onClick={() => onChange(x.id)}
        >
          {x.label}
        </button>
      ))}
    </nav>
  );
}
