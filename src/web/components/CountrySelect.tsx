/** A country whose crisis lines come first: a labelled select with a hint, "none" first. */
export function CountrySelect({
  id,
  label,
  hint,
  noneLabel,
  countries,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  /** What choosing no country means here, e.g. "the 'anywhere else' advice". */
  noneLabel: string;
  countries: readonly { code: string; name: string }[];
  value: string;
  disabled?: boolean;
  onChange: (code: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{noneLabel}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
