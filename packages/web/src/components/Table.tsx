import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** utrecht-table in a scrolling container, with a caption for screen readers and sighted users. */
export function Table({ caption, captionHidden = false, children, className }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode; className?: string }) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline pw-table-container">
      <table className={["utrecht-table", "utrecht-table--html-table", "pw-table", className].filter(Boolean).join(" ")}>
        <caption className={["utrecht-table__caption", captionHidden ? "pw-visually-hidden" : ""].filter(Boolean).join(" ")}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function Th({ numeric = false, className, scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      {...rest}
      scope={scope}
      className={["utrecht-table__header-cell", numeric ? "utrecht-table__header-cell--numeric-column" : "", className ?? ""].filter(Boolean).join(" ")}
    />
  );
}

export function Td({ numeric = false, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      {...rest}
      className={["utrecht-table__cell", numeric ? "utrecht-table__cell--numeric-data" : "", className ?? ""].filter(Boolean).join(" ")}
    />
  );
}
