import type { PossibleDuplicate } from "@ploegwerk/domain";
import { useEffect, useState } from "react";
import { api } from "../../api/endpoints.ts";
import { duplicateCandidate, type MemberDraft } from "./memberForm.ts";

/**
 * Asks the server, 600 ms after the last change, whether families with the same members
 * (name and date of birth) exist. Only complete members are sent.
 */
export function useDuplicateCheck(members: MemberDraft[], excludeFamilyId?: string): PossibleDuplicate[] {
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const candidates = members.map(duplicateCandidate).filter((c) => c !== null);
  const signature = JSON.stringify(candidates);

  useEffect(() => {
    const list = JSON.parse(signature) as { givenName: string; surname: string; dateOfBirth: string }[];
    if (list.length === 0) {
      setDuplicates([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .duplicateCheck({ members: list.slice(0, 50), ...(excludeFamilyId ? { excludeFamilyId } : {}) }, controller.signal)
        .then((answer) => setDuplicates(answer.possibleDuplicates))
        .catch(() => {
          // The check is advice; a failure must not block registering the family.
        });
    }, 600);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [signature, excludeFamilyId]);

  return duplicates;
}
