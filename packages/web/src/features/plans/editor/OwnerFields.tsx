import { OwnerPicker, type OwnerDraft } from "../OwnerPicker.tsx";
import { fid, type DraftAction } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

/** The owner of an action in the plan editor (see OwnerPicker). */
export function OwnerFields({ ed, action, path, number, gi, ai }: { ed: EditorApi; action: DraftAction; path: string; number: string; gi: number; ai: number }) {
  const onChange = (patch: Partial<OwnerDraft>) =>
    ed.edit((d) => {
      const a = d.goals[gi]?.actions[ai];
      if (a) Object.assign(a, patch);
    });
  return <OwnerPicker value={action} onChange={onChange} path={path} number={number} idOf={fid} errors={ed.errors} family={ed.family} people={ed.people} />;
}
