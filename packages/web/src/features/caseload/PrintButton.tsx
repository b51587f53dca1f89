import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { printBlock } from "./printBlock.ts";

/** "Afdrukken" for one block; the hidden text says which, for screen-reader users. */
export function PrintButton({ target, what }: { target: string; what: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Button appearance="secondary" className="pw-no-print" onClick={() => printBlock(target)}>
      {t("caseloadOverview.print")}
      <span className="pw-visually-hidden">: {what}</span>
    </Button>
  );
}
