import type { Role } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { homePath, useSession } from "../features/auth/session.ts";

/** Renders the child routes only for a logged-in user; otherwise goes to the log-in page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} retry={() => void session.refetch()} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== "/" ? `/inloggen?next=${encodeURIComponent(next)}` : "/inloggen"} replace />;
  }
  return <Outlet />;
}

/** Renders the child routes only for the given roles; others see a short explanation. */
export function RequireRole({ roles, redirectOthers = false }: { roles: readonly Role[]; redirectOthers?: boolean }) {
  const { t } = useTranslation();
  const me = useSession().data;
  if (!me) return null;
  if (roles.includes(me.role)) return <Outlet />;
  if (redirectOthers) return <Navigate to={homePath(me.role)} replace />;
  return (
    <Page title={t("forbidden.title")} documentTitle={t("forbidden.title")}>
      <Alert type="warning">
        <p className="utrecht-paragraph">{t("forbidden.body")}</p>
      </Alert>
    </Page>
  );
}
