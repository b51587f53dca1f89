import type { Deviation, Family } from "@ploegwerk/domain";
import type { ChangeEvent } from "react";
import type { FieldErrors } from "../../../api/fieldErrors.ts";
import type { PlanLabels } from "../labels.ts";
import type { People } from "../people.ts";
import type { PlanDraft } from "./draft.ts";

/** What every part of the editor needs: the errors, a way to change the draft, focus and announcements. */
export interface EditorApi {
  family: Family;
  people: People;
  labels: PlanLabels;
  errors: FieldErrors;
  /** Changes the draft: `fn` edits a copy in place. */
  edit: (fn: (d: PlanDraft) => void) => void;
  /** An onChange handler that reads the control's value first, then edits the draft with it. */
  bind: (fn: (d: PlanDraft, value: string) => void) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  reasons: Readonly<Record<string, string>>;
  setReason: (id: string, text: string) => void;
  /** The deviation from the signed plan of a dated item (goal, overall goal or action), if its date moved. */
  datedDeviation: (id: string) => Deviation | undefined;
  /** Moves focus to a control after React has rendered it. */
  focus: (id: string) => void;
  /** Says something in the editor's live region ("Actie 1.2 verwijderd"). */
  announce: (text: string) => void;
  startDate: string;
}
