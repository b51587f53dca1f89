import { createBrowserRouter } from "react-router";
import { Loading } from "../components/QueryState.tsx";
import { AppShell } from "./AppShell.tsx";
import { CaseloadPage } from "./CaseloadPage.tsx";
import { RequireRole, RequireSession } from "./guards.tsx";
import { OUTCOME_ROLES } from "../features/auth/session.ts";
import { LoginPage } from "./LoginPage.tsx";
import { NotFoundPage, RouteErrorPage } from "./NotFoundPage.tsx";
import { SetupPage } from "./SetupPage.tsx";

// The pages with charts load recharts on demand, keeping the first download small.
// Forms used now and then (a new family, a meting, one's account, the users page): their own chunks too.
const newFamilyPage = async () => ({ Component: (await import("./NewFamilyPage.tsx")).NewFamilyPage });
const measurementPage = async () => ({ Component: (await import("./MeasurementPage.tsx")).MeasurementPage });
const accountPage = async () => ({ Component: (await import("./AccountPage.tsx")).AccountPage });
const usersPage = async () => ({ Component: (await import("./UsersPage.tsx")).UsersPage });
const familyPage = async () => ({ Component: (await import("./FamilyPage.tsx")).FamilyPage });
const outcomesPage = async () => ({ Component: (await import("./OutcomesPage.tsx")).OutcomesPage });
// The trajectory pages are only needed when working a family's trajectory.
const trajectoryPage = async () => ({ Component: (await import("./TrajectoryPage.tsx")).TrajectoryPage });
const referralPage = async () => ({ Component: (await import("./ReferralPage.tsx")).ReferralPage });
// Team overview, gezinsplan, MDO's, weekoverzichten and afronding: each its own chunk.
const caseloadOverviewPage = async () => ({ Component: (await import("./CaseloadOverviewPage.tsx")).CaseloadOverviewPage });
const planPage = async () => ({ Component: (await import("./PlanPage.tsx")).PlanPage });
const planEditPage = async () => ({ Component: (await import("./PlanEditPage.tsx")).PlanEditPage });
const meetingsPage = async () => ({ Component: (await import("./MeetingsPage.tsx")).MeetingsPage });
const meetingPage = async () => ({ Component: (await import("./MeetingPage.tsx")).MeetingPage });
const weeklyReportsPage = async () => ({ Component: (await import("./WeeklyReportsPage.tsx")).WeeklyReportsPage });
const closingPage = async () => ({ Component: (await import("./ClosingPage.tsx")).ClosingPage });
const registersPage = async () => ({ Component: (await import("./RegistersPage.tsx")).RegistersPage });
const auditLogPage = async () => ({ Component: (await import("./AuditLogPage.tsx")).AuditLogPage });
// Sharing with chain partners, noodtoegang and the roles without dossiers: each its own chunk.
const sharedFamiliesPage = async () => ({ Component: (await import("./SharedFamiliesPage.tsx")).SharedFamiliesPage });
const sharedFamilyPage = async () => ({ Component: (await import("./SharedFamilyPage.tsx")).SharedFamilyPage });
const partnersPage = async () => ({ Component: (await import("./PartnersPage.tsx")).PartnersPage });
const breakGlassPage = async () => ({ Component: (await import("./BreakGlassPage.tsx")).BreakGlassPage });
const breakGlassReviewPage = async () => ({ Component: (await import("./BreakGlassReviewPage.tsx")).BreakGlassReviewPage });
const researcherPage = async () => ({ Component: (await import("./ResearcherPage.tsx")).ResearcherPage });
// The "wat werkt" catalogue: search, an entry, and its form.
const cataloguePage = async () => ({ Component: (await import("./CataloguePage.tsx")).CataloguePage });
const interventionPage = async () => ({ Component: (await import("./InterventionPage.tsx")).InterventionPage });
const interventionEditPage = async () => ({ Component: (await import("./InterventionEditPage.tsx")).InterventionEditPage });

const FAMILY_ROLES = ["coach", "teamleider", "ondersteuning"] as const;
const EDIT_ROLES = ["coach", "teamleider"] as const;

/** One page per URL; Dutch paths as users see them. */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: "/inloggen", element: <LoginPage /> },
          { path: "/inrichten", element: <SetupPage /> },
          {
            element: <RequireSession />,
            children: [
              {
                element: <RequireRole roles={FAMILY_ROLES} redirectOthers />,
                children: [
                  { path: "/", element: <CaseloadPage /> },
                  { path: "/gezinnen/:familyId", lazy: familyPage },
                  { path: "/gezinnen/:familyId/metingen/:measurementId", lazy: measurementPage },
                  { path: "/trajecten/:trajectoryId", lazy: trajectoryPage },
                  { path: "/teamoverzicht", lazy: caseloadOverviewPage },
                  { path: "/trajecten/:trajectoryId/gezinsplan", lazy: planPage },
                  { path: "/trajecten/:trajectoryId/mdo", lazy: meetingsPage },
                  { path: "/trajecten/:trajectoryId/mdo/:meetingId", lazy: meetingPage },
                  { path: "/trajecten/:trajectoryId/weekoverzichten", lazy: weeklyReportsPage },
                  { path: "/trajecten/:trajectoryId/afronding", lazy: closingPage },
                  { path: "/trajecten/:trajectoryId/ekc-opschaling-drang", lazy: registersPage },
                ],
              },
              {
                element: <RequireRole roles={EDIT_ROLES} />,
                children: [
                  { path: "/gezinnen/nieuw", lazy: newFamilyPage },
                  { path: "/gezinnen/:familyId/metingen/nieuw", lazy: measurementPage },
                  { path: "/gezinnen/:familyId/aanmelding", lazy: referralPage },
                  { path: "/trajecten/:trajectoryId/gezinsplan/bewerken", lazy: planEditPage },
                ],
              },
              {
                element: <RequireRole roles={OUTCOME_ROLES} redirectOthers />,
                children: [{ path: "/uitkomsten", lazy: outcomesPage }],
              },
              {
                // A ketenpartner sees only what families shared with their organisation.
                element: <RequireRole roles={["ketenpartner"]} redirectOthers />,
                children: [
                  { path: "/gedeeld", lazy: sharedFamiliesPage },
                  { path: "/gedeeld/:familyId", lazy: sharedFamilyPage },
                ],
              },
              {
                element: <RequireRole roles={["onderzoeker"]} redirectOthers />,
                children: [{ path: "/onderzoek", lazy: researcherPage }],
              },
              {
                element: <RequireRole roles={["teamleider"]} />,
                children: [{ path: "/noodtoegang", lazy: breakGlassPage }],
              },
              {
                element: <RequireRole roles={["beheerder", "teamleider"]} />,
                children: [
                  { path: "/beheer/ketenpartners", lazy: partnersPage },
                  { path: "/beheer/noodtoegang", lazy: breakGlassReviewPage },
                ],
              },
              {
                element: <RequireRole roles={["beheerder"]} />,
                children: [
                  { path: "/beheer/gebruikers", lazy: usersPage },
                  { path: "/beheer/logboek", lazy: auditLogPage },
                ],
              },
              // Every role reads the catalogue; team lead, ondersteuning and beheerder keep it.
              { path: "/wat-werkt", lazy: cataloguePage },
              { path: "/wat-werkt/:interventionId", lazy: interventionPage },
              {
                element: <RequireRole roles={["teamleider", "ondersteuning", "beheerder"]} />,
                children: [
                  { path: "/wat-werkt/nieuw", lazy: interventionEditPage },
                  { path: "/wat-werkt/:interventionId/bewerken", lazy: interventionEditPage },
                ],
              },
              { path: "/mijn-account", lazy: accountPage },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
