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
                ],
              },
              {
                element: <RequireRole roles={EDIT_ROLES} />,
                children: [
                  { path: "/gezinnen/nieuw", element: <NewFamilyPage /> },
                  { path: "/gezinnen/:familyId/metingen/nieuw", element: <MeasurementPage /> },
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
