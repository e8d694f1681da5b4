import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useConversationLinks } from '../api/link-templates';
import type { ConversationLink } from '../api/link-templates';
import { errorMessage } from '../api/client';
import { useDismiss } from '../lib/use-dismiss';

/** Said in the menu while the company has no links (Company Preferences > Links). */
export const NO_LINKS_MESSAGE = 'No links are set up. An administrator can add them in Company Preferences.';

/** A chain link, for the "Insert Link" button. */
export const LinkIcon = () => (
  <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" className="icon">
    <path
      d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

interface InsertLinkMenuProps {
  conversationId: number;
  disabled?: boolean;
  /** Puts the chosen link's URL (filled in for this conversation) into the text box. */
  onInsert: (url: string) => void;
}

/** The menu's items as focusable elements, in order. */
const itemsOf = (menu: HTMLElement | null): HTMLElement[] =>
  menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]')) : [];

/**
 * "Insert Link" beside the composer's text box: a menu of the company's links filled in for this
 * conversation (GET /api/conversations/:id/link-templates, fetched each time it opens). A link
 * whose placeholder cannot be filled here is listed disabled with the reason beneath. Arrow keys,
 * Home and End move through it, Escape closes it (focus back on the button), as does a click
 * outside or Tab.
 */
export function InsertLinkMenu({ conversationId, disabled, onInsert }: InsertLinkMenuProps) {
  const [open, setOpen] = useState(false);
  const links = useConversationLinks(conversationId, open);
  const id = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const items = links.data ?? [];
  const count = items.length;

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  useDismiss(wrapRef, open, () => setOpen(false));

  // Focus goes into the menu when it opens, and again when its items arrive (the "Loading…" item
  // it was on is gone then).
  useEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    if (menu && !menu.contains(document.activeElement)) itemsOf(menu)[0]?.focus();
  }, [open, links.status, count]);

  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);

  const onMenuKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = itemsOf(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        close(true);
        break;
      case 'ArrowDown':
        e.preventDefault();
        focusAt(at + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusAt(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusAt(0);
        break;
      case 'End':
        e.preventDefault();
        focusAt(-1);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const choose = (l: ConversationLink) => {
    if (!l.url) return;
    close(false);
    onInsert(l.url);
  };

  const note = (text: string, testId?: string) => (
    <li role="none">
      <div
        role="menuitem"
        tabIndex={-1}
        aria-disabled="true"
        className="menu-item menu-note"
        data-testid={testId}
      >
        {text}
      </div>
    </li>
  );

  return (
    <div className="menu-wrap" ref={wrapRef}>
      <button
        type="button"
        ref={buttonRef}
        id={`${id}-button`}
        className="attach-button"
        aria-label="Insert Link"
        title="Insert Link"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (!open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <LinkIcon />
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className="menu-popup insert-link-menu"
          onKeyDown={onMenuKeyDown}
        >
          {links.isPending
            ? note('Loading links…')
            : links.isError
              ? note(`The links could not be loaded. ${errorMessage(links.error)}`)
              : count === 0
                ? note(NO_LINKS_MESSAGE, 'insert-link-empty')
                : items.map((l, i) => {
                    const nameId = `${id}-${i}-name`;
                    const detailId = `${id}-${i}-detail`;
                    const off = !l.url;
                    return (
                      <li role="none" key={`${i}:${l.name}`}>
                        <button
                          type="button"
                          role="menuitem"
                          tabIndex={-1}
                          className={`menu-item${off ? ' menu-item-disabled' : ''}`}
                          aria-disabled={off || undefined}
                          aria-labelledby={nameId}
                          aria-describedby={detailId}
                          title={off ? (l.disabledReason ?? undefined) : (l.url ?? undefined)}
                          data-testid="link-template-item"
                          onClick={() => choose(l)}
                        >
                          <span id={nameId} className="menu-item-label">
                            {l.name}
                          </span>
                          <span
                            id={detailId}
                            className={off ? 'menu-item-detail menu-item-reason' : 'menu-item-detail'}
                          >
                            {off ? (l.disabledReason ?? 'This link cannot be filled in here.') : l.url}
                          </span>
                        </button>
                      </li>
                    );
                  })}
        </ul>
      )}
    </div>
  );
}
