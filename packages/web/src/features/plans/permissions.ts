import type { Role } from "@ploegwerk/domain";

/** As the server's "plan.write": the team's coaches and team lead write; ondersteuning reads along. */
export const canEditPlan = (role: Role | undefined) => role === "coach" || role === "teamleider";
