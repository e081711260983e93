'use client';
// The version a form's next save is based on: the newest the user has seen. After a save
// it is the saved version; after a conflict, the newer one (shown to the user, whose own
// text stays in the form so they can compare and save again knowingly).
import { useState } from 'react';
import type { ActionResult } from '@/lib/action';

interface VersionBase<V> {
  /** The result this state was last adjusted to. */
  result: ActionResult<{ seq: number }> | null;
  baseSeq: number;
  conflict: V | null;
  hasConflict: boolean;
}

export function useVersionBase<V extends { seq: number }>(result: ActionResult<{ seq: number }> | null, initialSeq: number) {
  const [state, setState] = useState<VersionBase<V>>({ result, baseSeq: initialSeq, conflict: null, hasConflict: false });
  // A new result adjusts the state while rendering (React's way to follow a changing value, no effect).
  let current = state;
  if (result !== state.result) {
    current = { ...state, result };
    if (result?.status === 'ok' && result.data) {
      current = { result, baseSeq: result.data.seq, conflict: null, hasConflict: false };
    } else if (result?.status === 'error' && result.code === 'conflict') {
      const newer = (result.newer as V | null) ?? null;
      current = { result, baseSeq: newer?.seq ?? 0, conflict: newer, hasConflict: true };
    }
    setState(current);
  }
  return { baseSeq: current.baseSeq, conflict: current.conflict, hasConflict: current.hasConflict };
}
