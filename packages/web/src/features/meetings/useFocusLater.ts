import { useEffect, useState } from "react";

/** Focus a control by id after React has rendered it (a new row, or the add button after a removal). */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return (id: string) => setTarget((t) => ({ id, n: (t?.n ?? 0) + 1 }));
}
