import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { setUnauthenticatedHandler } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { keys } from "../api/queryKeys.ts";
import { can, homePath, useSession } from "../features/auth/session.ts";
import { changeLanguage } from "../i18n/index.ts";
import { forgetSession } from "../features/auth/forgetSession.ts";

export const MAIN_ID = "inhoud";

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nl";
  return (
    <div className="pw-lang" role="group" aria-label={t("header.language")}>
      <button
        type="button"
        className="utrecht-link-button utrecht-link-button--html-button pw-lang__option"
        lang="nl"
        aria-pressed={lang === "nl"}
        onClick={() => void changeLanguage("nl")}
      >
        <span aria-hidden="true">NL</span>
        <span className="pw-visually-hidden">Nederlands</span>
      </button>
      <button
        type="button"
        className="utrecht-link-button utrecht-link-button--html-button pw-lang__option"
        lang="en"
        aria-pressed={lang === "en"}
        onClick={() => void changeLanguage("en")}
      >
        <span aria-hidden="true">EN</span>
        <span className="pw-visually-hidden">English</span>
      </button>
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      forgetSession(queryClient);
      void navigate("/inloggen");
    },
  });
  const me = session.data;
  if (!me) return null;
  return (
    <div className="pw-user">
      <p className="pw-user__who">
        <span className="pw-user__name">{me.name}</span>
        <span className="pw-user__meta">
          {t(`roles.${me.role}`)}
          {me.teamName ? ` · ${me.teamName}` : ""}
        </span>
      </p>
      <Link to="/mijn-account" className="utrecht-link utrecht-link--html-a pw-user__account">
        {t("account.nav")}
      </Link>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action pw-user__logout"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t("header.logout")}
      </button>
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const me = useSession().data;
  if (!me) return null;
  const items: { to: string; label: string; end?: boolean }[] = [];
  if (can.seeFamilies(me.role)) items.push({ to: "/", label: t("nav.caseload"), end: true });
  if (can.seeFamilies(me.role)) items.push({ to: "/teamoverzicht", label: t("caseloadOverview.nav") });
  if (can.seeOutcomes(me.role)) items.push({ to: "/uitkomsten", label: t("nav.outcomes") });
  if (can.seeShared(me.role)) items.push({ to: "/gedeeld", label: t("shared.nav") });
  if (me.role === "onderzoeker") items.push({ to: "/onderzoek", label: t("researcher.nav") });
  if (can.manageUsers(me.role)) items.push({ to: "/beheer/gebruikers", label: t("nav.users") });
  if (can.managePartners(me.role)) items.push({ to: "/beheer/ketenpartners", label: t("partners.nav") });
  if (can.breakGlass(me.role)) items.push({ to: "/noodtoegang", label: t("breakGlass.nav") });
  else if (can.reviewBreakGlass(me.role)) items.push({ to: "/beheer/noodtoegang", label: t("breakGlass.review.nav") });
  if (me.role === "beheerder") items.push({ to: "/beheer/logboek", label: t("nav.auditLog") });
  items.push({ to: "/wat-werkt", label: t("catalogue.nav") });
  return (
    <nav className="utrecht-nav-bar pw-nav" aria-label={t("nav.label")}>
      <div className="utrecht-nav-bar__content pw-nav__content">
        <ul className="utrecht-nav-list pw-nav__list">
          {items.map((item) => (
            <li key={item.to} className="utrecht-nav-list__item">
              <NavLink
                to={item.to}
                end={item.end ?? false}
                className={({ isActive }) => ["utrecht-nav-list__link", "pw-nav__link", isActive ? "pw-nav__link--current" : ""].filter(Boolean).join(" ")}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** Skip link, header with navigation, the main landmark and the footer around every page. */
export function AppShell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSession().data;

  useEffect(() => {
    // Any 401 (an expired session) sends the user back to the log-in page via the session guard.
    setUnauthenticatedHandler(() => queryClient.setQueryData(keys.session, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  return (
    <div className="utrecht-page pw-shell">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus pw-skip-link" href={`#${MAIN_ID}`}>
        {t("header.skipLink")}
      </a>
      <header className="utrecht-page-header pw-header">
        <div className="utrecht-page-header__content pw-header__content">
          <Link to={me ? homePath(me.role) : "/inloggen"} className="pw-logo">
            <span className="pw-logo__mark" aria-hidden="true" />
            <span className="pw-logo__text">
              <span className="pw-logo__name">{t("app.name")}</span>
              <span className="pw-logo__tagline">{me ? me.organisationName : t("app.tagline")}</span>
            </span>
          </Link>
          <div className="pw-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <MainNav />
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="utrecht-page-body pw-main">
        <div className="utrecht-page-body__content pw-main__content">
          <Outlet />
        </div>
      </main>
      <footer className="utrecht-page-footer pw-footer">
        <div className="utrecht-page-footer__content pw-footer__content">
          <p className="utrecht-paragraph">{t("footer.motto")}</p>
          <p className="utrecht-paragraph utrecht-paragraph--small">{t("footer.licence")}</p>
        </div>
      </footer>
    </div>
  );
}
