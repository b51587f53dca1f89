import type { TFunction } from "i18next";
import { isApiError } from "../../api/client.ts";

/**
 * The server's password refusals (reason password_common, password_personal, …) in the user's
 * language, for the field the server named; null for any other error.
 */
export function passwordRefusal(error: unknown, t: TFunction): { field: string; message: string } | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const field = error.invalidParams[0]?.name ?? "password";
  switch (error.reason) {
    case "password_common":
      return { field, message: t("account.errors.common") };
    case "password_personal":
      return { field, message: t("account.errors.personal") };
    case "password_unchanged":
      return { field, message: t("account.errors.unchanged") };
    case "wrong_password":
      return { field, message: field === "currentPassword" ? t("account.errors.currentWrong") : t("account.errors.passwordWrong") };
    default:
      return null;
  }
}
