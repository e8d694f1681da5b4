import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';

/**
 * While `open`, closes a pop-up on a mouse press outside `ref` (`onOutside`) and, when `onEscape`
 * is given, on Escape anywhere in the document. The listeners are on the document only while it
 * is open; the latest callbacks are called, so they may be written inline.
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  onOutside: () => void,
  onEscape?: () => void,
): void {
  const latest = useRef({ onOutside, onEscape });
  useEffect(() => {
    latest.current = { onOutside, onEscape };
  });
  const listensForEscape = onEscape !== undefined;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) latest.current.onOutside();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') latest.current.onEscape?.();
    };
    document.addEventListener('mousedown', onDown);
    if (listensForEscape) document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      if (listensForEscape) document.removeEventListener('keydown', onKey);
    };
  }, [open, ref, listensForEscape]);
}
