'use client';
// The version a form's next save is based on: the newest the user has seen. After a save
// it is the saved version; after a conflict, the newer one (shown to the user, whose own
// text stays in the form so they can compare and save again knowingly).
import { useEffect, useState } from 'react';
import type { ActionResult } from '@/lib/action';

export function useVersionBase<V extends { seq: number }>(result: ActionResult<{ seq: number }> | null, initialSeq: number) {
  const [baseSeq, setBaseSeq] = useState(initialSeq);
  const [conflict, setConflict] = useState<V | null>(null);
  const [hasConflict, setHasConflict] = useState(false);
  useEffect(() => {
    if (result?.status === 'ok' && result.data) {
      setBaseSeq(result.data.seq);
      setConflict(null);
      setHasConflict(false);
    } else if (result?.status === 'error' && result.code === 'conflict') {
      const newer = (result.newer as V | null) ?? null;
      setConflict(newer);
      setHasConflict(true);
      setBaseSeq(newer?.seq ?? 0);
    }
  }, [result]);
  return { baseSeq, conflict, hasConflict };
}
