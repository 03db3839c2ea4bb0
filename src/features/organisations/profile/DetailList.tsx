import type { ReactNode } from 'react';

export interface DetailRow {
  label: string;
  /** Null, '' or an empty list: shown as "not recorded". */
  value: ReactNode;
  /** User-entered text: keeps its own writing direction. */
  userText?: boolean;
  /** The language of user-entered text, when known (e.g. from a self-report). */
  lang?: string | undefined;
}

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || value === false;
}

/**
 * Label–value pairs of one profile section. `notRecorded` is what an empty value says (translated
 * by the caller, which translates everything else of the section anyway).
 */
export function DetailList({
  rows,
  notRecorded,
}: {
  rows: readonly DetailRow[];
  notRecorded: string;
}) {
  return (
    <dl className="details">
      {rows.map((row) => (
        <div key={row.label} className="detail">
          <dt>{row.label}</dt>
          <dd>
            {isEmpty(row.value) ? (
              <span className="muted">{notRecorded}</span>
            ) : row.userText ? (
              <span dir="auto" lang={row.lang} className="user-text">
                {row.value}
              </span>
            ) : (
              row.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
