import type { ActionOwner, ActionStatus, PlanContent, PlanDiffView } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import type { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";

type Change = PlanDiffView["changes"][number];
type Value = Change["fields"][number]["before"];

export interface ChangeInWords {
  key: string;
  title: string;
  lines: string[];
}

interface Context {
  from: PlanContent;
  to: PlanContent;
  people: People;
  labels: PlanLabels;
  fmt: ReturnType<typeof useFormat>;
  t: TFunction;
}

const DATE_FIELDS = new Set(["startDate", "targetDate", "dueDate"]);
const FIELDS = ["startDate", "instrumentKey", "description", "domain", "memberIds", "targetDate", "currentStep", "targetStep", "goalId", "owner", "dueDate", "status", "cancelReason"] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

function isOwner(v: Value): v is ActionOwner {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "kind" in v;
}

function goalText(id: string, c: Context): string {
  const g = c.to.goals.find((x) => x.id === id) ?? c.from.goals.find((x) => x.id === id);
  return g ? `“${g.description}” (${c.labels.domain(g.domain)})` : c.t("plan.diff.unknownGoal");
}

function valueText(field: string, v: Value, c: Context): string {
  if (v === null) return c.t("plan.diff.none");
  if (isOwner(v)) return c.people.owner(v);
  if (Array.isArray(v)) return field === "memberIds" ? c.people.forWhom(v as readonly string[]) : v.join(", ");
  if (typeof v === "number") return field === "currentStep" || field === "targetStep" ? c.labels.step(v) : String(v);
  if (typeof v !== "string") return String(v);
  if (DATE_FIELDS.has(field)) return c.fmt.date(v);
  if (field === "domain") return c.labels.domain(v);
  if (field === "status") return c.labels.status(v as ActionStatus);
  if (field === "goalId") return goalText(v, c);
  if (field === "description" || field === "cancelReason") return `“${v}”`;
  return v;
}

function fieldLabel(field: string, c: Context): string {
  return isField(field) ? c.t(`plan.diff.fields.${field}`) : field;
}

function nameOf(change: Change, c: Context): string {
  const after = (f: string) => change.fields.find((x) => x.field === f);
  const current = (f: string): Value => {
    const fc = after(f);
    if (fc) return change.kind === "removed" ? fc.before : fc.after;
    return null;
  };
  switch (change.entity) {
    case "plan":
      return "";
    case "participation":
      return c.people.member(change.id);
    case "overallGoal": {
      const g = c.to.overallGoals.find((x) => x.id === change.id) ?? c.from.overallGoals.find((x) => x.id === change.id);
      return `“${g?.description ?? String(current("description") ?? "")}”`;
    }
    case "goal":
      return goalText(change.id, c);
    case "action": {
      const a = [...c.to.goals, ...c.from.goals].flatMap((g) => g.actions).find((x) => x.id === change.id);
      return `“${a?.description ?? String(current("description") ?? "")}”`;
    }
  }
}

/** Each change between two versions as a sentence with its details: what was added, removed or changed. */
export function changesInWords(diff: PlanDiffView, c: Context): ChangeInWords[] {
  return diff.changes.map((change, i) => {
    const name = nameOf(change, c);
    const title = c.t(`plan.diff.${change.kind}.${change.entity}`, { name });
    let lines: string[];
    if (change.kind === "changed") {
      lines = change.fields.map((f) =>
        c.t("plan.diff.fieldChanged", { field: fieldLabel(f.field, c), before: valueText(f.field, f.before, c), after: valueText(f.field, f.after, c) }),
      );
    } else if (change.kind === "added") {
      lines = change.fields
        .filter((f) => f.after !== null && f.field !== "description" && !(change.entity === "action" && f.field === "status" && f.after === "open"))
        .map((f) => c.t("plan.diff.fieldValue", { field: fieldLabel(f.field, c), value: valueText(f.field, f.after, c) }));
    } else {
      const goal = change.fields.find((f) => f.field === "goalId");
      lines = change.entity === "action" && goal ? [c.t("plan.diff.fieldValue", { field: fieldLabel("goalId", c), value: valueText("goalId", goal.before, c) })] : [];
    }
    return { key: `${change.entity}-${change.id}-${i}`, title, lines };
  });
}
