import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Previous / next and page numbers, as links so the page is in the URL. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const pages: number[] = [];
  for (let p = Math.max(1, page - 2); p <= Math.min(pageCount, page + 2); p++) pages.push(p);
  return (
    <nav className="utrecht-pagination utrecht-pagination--distanced pw-pagination" aria-label={t("pagination.label")}>
      <ul className="pw-pagination__list">
        <li>
          {page > 1 ? (
            <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" rel="prev" to={hrefFor(page - 1)}>
              {t("pagination.previous")}
            </Link>
          ) : null}
        </li>
        {pages.map((p) => (
          <li key={p}>
            <Link
              className={["utrecht-pagination__page-link", p === page ? "utrecht-pagination__page-link--current" : ""].filter(Boolean).join(" ")}
              aria-current={p === page ? "page" : undefined}
              aria-label={t("pagination.page", { page: p })}
              to={hrefFor(p)}
            >
              {p}
            </Link>
          </li>
        ))}
        <li>
          {page < pageCount ? (
            <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" rel="next" to={hrefFor(page + 1)}>
              {t("pagination.next")}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
