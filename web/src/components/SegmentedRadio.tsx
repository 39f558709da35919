interface Props<T extends string | number> {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  /** `data-testid` of the group; each button's is `${optionTestId}-${option}`. */
  testId: string;
  optionTestId: string;
}

/** A row of toggle buttons of which exactly one is on (a radio group drawn as a segmented control). */
export function SegmentedRadio<T extends string | number>({ options, value, onChange, label, testId, optionTestId }: Props<T>) {
  return (
    <div className="segmented" role="radiogroup" data-testid={testId}>
      {options.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={value === o}
          className={value === o ? 'on' : ''}
          data-testid={`${optionTestId}-${o}`}
          onClick={() => onChange(o)}
        >
          {label(o)}
        </button>
      ))}
    </div>
  );
}
