import type { Role } from "@ploegwerk/domain";

/**
 * What each role may do with a trajectory in the web app, as the server's rules (trajectory.*):
 * the team works the file, ondersteuning reads along, and only the team lead extends.
 */
export const canTrajectory = {
  read: (role: Role) => role === "coach" || role === "teamleider" || role === "ondersteuning",
  edit: (role: Role) => role === "coach" || role === "teamleider",
  decide: (role: Role) => role === "coach" || role === "teamleider",
  extend: (role: Role) => role === "teamleider",
};
