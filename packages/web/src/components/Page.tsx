import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

let firstPage = true;

/** Sets the browser tab title for the current route: "Mijn gezinnen – Ploegwerk". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t("app.name")}` : t("app.name");
  }, [title, t]);
}

export interface PageProps {
  /** The one h1 of the page; also the document title unless `documentTitle` is given. */
  title: ReactNode;
  documentTitle: string;
  /** Small text above the title, e.g. "Gezinsdossier". */
  preHeading?: ReactNode;
  /** Buttons next to the title. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * A page's title block. After a client-side navigation the h1 receives focus, so screen-reader
 * users hear where they are, as they would after a full page load.
 */
export function Page({ title, documentTitle, preHeading, actions, children }: PageProps) {
  useDocumentTitle(documentTitle);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    headingRef.current?.focus({ preventScroll: false });
  }, [documentTitle]);
  return (
    <>
      <div className="pw-page-title">
        <div>
          {preHeading ? <p className="utrecht-pre-heading pw-pre-heading">{preHeading}</p> : null}
          <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
        </div>
        {actions ? <div className="pw-page-title__actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}

export function Heading2({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h2 className="utrecht-heading-2" id={id} tabIndex={-1}>
      {children}
    </h2>
  );
}

export function Heading3({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h3 className="utrecht-heading-3" id={id}>
      {children}
    </h3>
  );
}

export function Paragraph({ children, lead = false, small = false, className }: { children: ReactNode; lead?: boolean; small?: boolean; className?: string }) {
  return (
    <p className={["utrecht-paragraph", lead ? "utrecht-paragraph--lead" : "", small ? "utrecht-paragraph--small" : "", className ?? ""].filter(Boolean).join(" ")}>
      {children}
    </p>
  );
}

/** A section of a page with its own h2, labelled by it. */
export function Section({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="pw-section" aria-labelledby={`${id}-heading`}>
      <div className="pw-section__head">
        <Heading2 id={`${id}-heading`}>{title}</Heading2>
        {actions ? <div className="pw-section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
