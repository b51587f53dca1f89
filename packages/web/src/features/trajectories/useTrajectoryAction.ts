import type { Trajectory } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { actionProblem, noProblem, type ActionProblem } from "./actionErrors.ts";
import { useStoreTrajectory } from "./queries.ts";

/**
 * A change to a trajectory: calls the API, stores the trajectory it answers with, and sorts a
 * failure into field errors, a message, or "someone else changed this" (reported to `onStale`).
 */
export function useTrajectoryAction<V>(call: (vars: V) => Promise<Trajectory>, { onStale, onSaved }: { onStale: () => void; onSaved?: (saved: Trajectory, vars: V) => void }) {
  const { t } = useTranslation();
  const store = useStoreTrajectory();
  const [problem, setProblem] = useState<ActionProblem>(noProblem);
  const mutation = useMutation({
    mutationFn: call,
    onMutate: () => setProblem(noProblem),
    onSuccess: (saved, vars) => {
      store(saved);
      onSaved?.(saved, vars);
    },
    onError: (error) => {
      const found = actionProblem(error, t);
      setProblem(found);
      if (found.stale) onStale();
    },
  });
  return { mutation, problem, setProblem };
}

/** Focuses the first field with an error, in form order; true when there was one. */
export function focusFirstError(order: readonly string[], errors: Record<string, string>, idOf: (name: string) => string): boolean {
  const first = order.find((name) => errors[name]);
  if (!first) return false;
  document.getElementById(idOf(first))?.focus();
  return true;
}

/** Moves focus to the first field the server found wrong, once per answer. */
export function useFocusServerErrors(problem: ActionProblem, order: readonly string[], idOf: (name: string) => string): void {
  useEffect(() => {
    focusFirstError(order, problem.fields, idOf);
    // Only when a new answer arrives; the order and ids are stable for the form.
  }, [problem]);
}
