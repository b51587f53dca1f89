import { useTranslation } from "react-i18next";
import { Page, Paragraph } from "../components/Page.tsx";
import { AccountSecuritySection } from "../features/users/AccountSecuritySection.tsx";
import { TeamsSection } from "../features/users/TeamsSection.tsx";
import { UsersSection } from "../features/users/UsersSection.tsx";

/** /beheer/gebruikers: users and teams, for the beheerder only. */
export function UsersPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("users.title")} documentTitle={t("users.title")}>
      <Paragraph lead>{t("users.intro")}</Paragraph>
      <UsersSection />
      <TeamsSection />
      <AccountSecuritySection />
    </Page>
  );
}
