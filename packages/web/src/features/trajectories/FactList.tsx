import type { ReactNode } from "react";

/** Label–value pairs as a Utrecht data list, two columns on wide screens. */
export function FactList({ rows, testId }: { rows: readonly (readonly [string, ReactNode])[]; testId?: string }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows pw-facts" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
