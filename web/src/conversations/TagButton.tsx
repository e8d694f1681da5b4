import { useCallback, useRef, useState } from 'react';
import type { Tag } from '../api/types';
import { useDismiss } from '../lib/use-dismiss';
import { TagPicker } from './TagPicker';

const PICKER_WIDTH = 340;

interface TagButtonProps {
  exclude: Tag[];
  onPick: (tag: Tag) => void;
  disabled?: boolean;
}

/** The "Tag" button and the picker it opens below itself; a click outside or Escape closes it. */
export function TagButton({ exclude, onPick, disabled }: TagButtonProps) {
  const [open, setOpen] = useState(false);
  const [alignRight, setAlignRight] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  useDismiss(wrapRef, open, () => setOpen(false));

  return (
    <div className="tag-button-wrap" ref={wrapRef}>
      <button
        type="button"
        ref={buttonRef}
        className="small"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => {
          // Open towards the side with room, so the picker never runs off the window.
          const rect = buttonRef.current?.getBoundingClientRect();
          setAlignRight(!!rect && rect.left + PICKER_WIDTH > window.innerWidth - 8);
          setOpen((o) => !o);
        }}
        disabled={disabled}
      >
        <span aria-hidden="true">+ </span>Tag
      </button>
      {open && (
        <TagPicker
          alignRight={alignRight}
          exclude={exclude}
          onClose={close}
          onPick={(t) => {
            onPick(t);
            close();
          }}
        />
      )}
    </div>
  );
}
