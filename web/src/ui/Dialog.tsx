import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing, e.g. "dialog-wide". */
  className?: string;
}

let openDialogs = 0;

/** While any dialog is open the page behind it is hidden from assistive technology, not only inert. */
function hideApp(hidden: boolean) {
  const root = document.getElementById('root');
  if (!root) return;
  if (hidden) root.setAttribute('aria-hidden', 'true');
  else root.removeAttribute('aria-hidden');
}

/**
 * A modal window on the native <dialog>, rendered at the end of <body>: focus is trapped inside,
 * Escape closes it, and focus goes back to what opened it.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    openDialogs += 1;
    hideApp(true);
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      openDialogs -= 1;
      if (openDialogs === 0) hideApp(false);
      opener?.focus?.();
    };
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      // React bubbles events through the portal to the opener's tree: a dialog opened inside a form
      // (a Contact Methods row) must not submit or Ctrl+S-save that form.
      onSubmit={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}
