import { createBrowserRouter } from "react-router";
import { Loading } from "../components/QueryState.tsx";
import { AppShell } from "./AppShell.tsx";
import { CaseloadPage } from "./CaseloadPage.tsx";
import { RequireRole, RequireSession } from "./guards.tsx";
import { LoginPage } from "./LoginPage.tsx";
import { MeasurementPage } from "./MeasurementPage.tsx";
import { NewFamilyPage } from "./NewFamilyPage.tsx";
import { NotFoundPage, RouteErrorPage } from "./NotFoundPage.tsx";
import { SetupPage } from "./SetupPage.tsx";
import { UsersPage } from "./UsersPage.tsx";

// The pages with charts load recharts on demand, keeping the first download small.
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
                  { path: "/gezinnen/:familyId/metingen/:measurementId", element: <MeasurementPage /> },
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
                  { path: "/gezinnen/nieuw", element: <NewFamilyPage /> },
                  { path: "/gezinnen/:familyId/metingen/nieuw", element: <MeasurementPage /> },
                  { path: "/gezinnen/:familyId/aanmelding", lazy: referralPage },
                  { path: "/trajecten/:trajectoryId/gezinsplan/bewerken", lazy: planEditPage },
                ],
              },
              { path: "/uitkomsten", lazy: outcomesPage },
              {
                element: <RequireRole roles={["beheerder"]} />,
                children: [{ path: "/beheer/gebruikers", element: <UsersPage /> }],
              },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
