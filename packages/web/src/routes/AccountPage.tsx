import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountApi, accountKeys } from "../api/accountEndpoints.ts";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { PasswordSection } from "../features/account/PasswordSection.tsx";
import { SessionsSection } from "../features/account/SessionsSection.tsx";
import { TwoFactorSection } from "../features/account/TwoFactorSection.tsx";

/** /mijn-account: the own two-factor set-up, password and sessions, for every role. */
export function AccountPage() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: accountKeys.account, queryFn: accountApi.account });
  return (
    <Page title={t("account.title")} documentTitle={t("account.title")}>
      <Paragraph lead>{t("account.intro")}</Paragraph>
      {status.isPending ? <Loading /> : status.isError ? <LoadError error={status.error} retry={() => void status.refetch()} /> : (
        <>
          <TwoFactorSection status={status.data} />
          <PasswordSection status={status.data} />
          <SessionsSection status={status.data} />
        </>
      )}
    </Page>
  );
}
