import type { FormEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { TransactionType } from '../../../core/transactions';
import { errorMessage } from '../api/client';
import type { TransactionOptionGroup } from '../api/message-transactions';
import { useCreateMessageTransaction, useTransactionOptions } from '../api/message-transactions';
import type { Message, PartyKind } from '../api/types';
import { PartySelect } from '../transactions/PartySelect';
import { useDismiss } from '../lib/use-dismiss';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';
import { RadioList } from '../ui/RadioList';
import type { Party, PartyChoice } from './create-transaction';
import {
  PARTY_WORDS,
  forParty,
  inputForChoice,
  kindForSide,
  menuIndexAfter,
  nextStep,
  offersTransaction,
  transactionPath,
  typeLabel,
} from './create-transaction';
import '../styles/message-transactions.css';

/** Rough size of the pop-up menu, to open it towards the side with room. */
const MENU_WIDTH = 240;
const MENU_HEIGHT = 260;

type CreateMutation = ReturnType<typeof useCreateMessageTransaction>;

/** The type chosen in the menu, and the group (side) it came from. */
interface Chosen {
  type: TransactionType;
  label: string;
  kind: PartyKind;
}

/** The pop-up of "Create Transaction": the types by side (A/R, A/P), asked of the server when it opens. */
function TransactionMenu({
  conversationId,
  messageId,
  menuId,
  placement,
  onChoose,
  onClose,
}: {
  conversationId: number;
  messageId: number;
  menuId: string;
  placement: { up: boolean; right: boolean };
  onChoose: (type: { type: TransactionType; label: string }, group: TransactionOptionGroup) => void;
  /** Closes the menu, the focus back on its button. */
  onClose: () => void;
}) {
  const options = useTransactionOptions(conversationId, messageId);
  const menu = useRef<HTMLDivElement>(null);
  const groups = options.data?.groups ?? [];
  const ready = groups.length > 0;

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  // Once the types are there, the first one takes the focus (as in any menu).
  useEffect(() => {
    if (ready) items()[0]?.focus();
  }, [ready]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Tab') {
      // Tab leaves the menu: it closes, the focus back on its button.
      e.preventDefault();
      onClose();
      return;
    }
    const all = items();
    const next = menuIndexAfter(e.key, all.indexOf(document.activeElement as HTMLElement), all.length);
    if (next === null) return;
    e.preventDefault();
    all[next]?.focus();
  };

  const classes = ['create-tx-popup'];
  if (placement.up) classes.push('open-up');
  if (placement.right) classes.push('align-right');
  return (
    <div className={classes.join(' ')}>
      {options.isPending ? (
        <Loading label="Loading transaction types…" />
      ) : options.isError ? (
        <div className="field-error" role="alert">
          {errorMessage(options.error)}
        </div>
      ) : (
        <div role="menu" id={menuId} aria-label="Create Transaction" ref={menu} onKeyDown={onKeyDown}>
          {groups.map((g) => (
            <div key={g.side} role="group" aria-label={g.label} className="create-tx-group">
              <div className="create-tx-group-title" aria-hidden="true">
                {g.label}
              </div>
              {g.types.map((t) => (
                <button
                  key={t.type}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="create-tx-item"
                  onClick={() => onChoose(t, g)}
                >
                  {t.label}
                </button>
              ))}
            </div>
          ))}
          {groups.length === 0 && <div className="muted create-tx-empty">No transaction types to offer.</div>}
        </div>
      )}
    </div>
  );
}

/** "Which customer?" / "Which vendor?": the number is connected to several; choose one. */
function ChoosePartyDialog({
  chosen,
  parties,
  create,
  onClose,
}: {
  chosen: Chosen;
  parties: Party[];
  create: CreateMutation;
  onClose: () => void;
}) {
  const words = PARTY_WORDS[chosen.kind];
  const [partyId, setPartyId] = useState<number | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (partyId !== null) create.mutate(forParty(chosen.type, chosen.kind, partyId), { onSuccess: onClose });
  };
  return (
    <Dialog title={`Which ${words.one}?`} onClose={onClose}>
      <form className="dialog-body" onSubmit={submit}>
        <p className="muted">
          The number is connected to several {words.one}s. Choose the one this {chosen.label} is for; the
          message&apos;s text becomes its memo.
        </p>
        <RadioList
          legend={`${words.title}s connected to the number`}
          items={parties}
          idOf={(p) => p.id}
          labelOf={(p) => p.name}
          selected={partyId}
          onSelect={setPartyId}
        />
        <ErrorBanner error={create.error} />
        <FormActions
          submitLabel="Create"
          busyLabel="Creating…"
          busy={create.isPending}
          disabled={partyId === null}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

/**
 * "Create <Type>": the number is connected to no customer (vendor) of that side, or the message is
 * internal. Choose any existing one, or add a new one by name.
 */
function PickPartyDialog({
  chosen,
  create,
  onClose,
}: {
  chosen: Chosen;
  create: CreateMutation;
  onClose: () => void;
}) {
  const words = PARTY_WORDS[chosen.kind];
  const [mode, setMode] = useState<PartyChoice['mode']>('existing');
  const [partyId, setPartyId] = useState<number | null>(null);
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const choice: PartyChoice = mode === 'existing' ? { mode, partyId } : { mode, name: newName };

  // Using either field chooses its option.
  const choose = (next: PartyChoice['mode']) => {
    setMode(next);
    setProblem(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = inputForChoice(chosen.type, chosen.kind, choice);
    if ('error' in r) {
      setProblem(r.error);
      return;
    }
    create.mutate(r.input, { onSuccess: onClose });
  };

  return (
    <Dialog title={`Create ${chosen.label}`} onClose={onClose}>
      <form className="dialog-body create-tx-pick" onSubmit={submit} noValidate>
        <p className="muted">
          Choose the {words.one} of this {chosen.label}, or add a new one; the message&apos;s text becomes its
          memo.
        </p>
        <div className="create-tx-choices">
          <label className="radio-row">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'existing'}
              onChange={() => choose('existing')}
            />{' '}
            Existing {words.one}
          </label>
          <div className="create-tx-choice-body">
            <PartySelect
              kind={chosen.kind}
              value={partyId}
              onChange={(v) => {
                setPartyId(v);
                choose('existing');
              }}
              invalid={!!problem && mode === 'existing'}
              describedBy={problem && mode === 'existing' ? `${id}-problem` : undefined}
            />
          </div>
          <label className="radio-row">
            <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => choose('new')} />{' '}
            Add a new {words.one}
          </label>
          <div className="create-tx-choice-body create-tx-new">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={newName}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => {
                setNewName(e.target.value);
                choose('new');
              }}
              aria-invalid={(!!problem && mode === 'new') || undefined}
              aria-describedby={problem && mode === 'new' ? `${id}-problem` : undefined}
            />
          </div>
        </div>
        {problem ? (
          <div className="banner banner-error" role="alert" id={`${id}-problem`}>
            {problem}
          </div>
        ) : (
          <ErrorBanner error={create.error} />
        )}
        <FormActions submitLabel="Create" busyLabel="Creating…" busy={create.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The button on a message, its pop-up menu, and the dialog choosing the customer or vendor. */
function CreateTransactionButton({ m, conversationId }: { m: Message; conversationId: number }) {
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState({ up: false, right: false });
  const [dialog, setDialog] = useState<
    { chosen: Chosen; step: 'choose'; parties: Party[] } | { chosen: Chosen; step: 'pick' } | null
  >(null);
  const create = useCreateMessageTransaction(conversationId, m.id);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useDismiss(
    wrap,
    open,
    () => setOpen(false),
    () => {
      setOpen(false);
      button.current?.focus();
    },
  );

  const toggle = () => {
    if (!open) {
      // Open towards the room there is: up near the bottom of the thread, left near its right edge.
      const rect = button.current?.getBoundingClientRect();
      const area = button.current?.closest('.message-scroller')?.getBoundingClientRect();
      const bottom = area?.bottom ?? window.innerHeight;
      const top = area?.top ?? 0;
      setPlacement({
        up: !!rect && rect.bottom + MENU_HEIGHT > bottom && rect.top - MENU_HEIGHT > top,
        right: !!rect && rect.left + MENU_WIDTH > (area?.right ?? window.innerWidth) - 8,
      });
      create.reset();
    }
    setOpen((o) => !o);
  };

  const onChoose = (t: { type: TransactionType; label: string }, group: TransactionOptionGroup) => {
    // The dialog gives the focus back to what had it when it opened: the button, not a menu item.
    button.current?.focus();
    setOpen(false);
    create.reset();
    const chosen: Chosen = {
      type: t.type,
      label: t.label || typeLabel(t.type),
      kind: kindForSide(group.side),
    };
    const step = nextStep(group);
    if (step.step === 'create') create.mutate(forParty(t.type, chosen.kind, step.party.id));
    else if (step.step === 'choose') setDialog({ chosen, step: 'choose', parties: step.parties });
    else setDialog({ chosen, step: 'pick' });
  };

  const closeDialog = () => {
    setDialog(null);
    create.reset();
  };
  return (
    <div className="create-tx" ref={wrap}>
      <button
        type="button"
        ref={button}
        className="small create-tx-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
        disabled={create.isPending && !dialog}
      >
        {create.isPending && !dialog ? 'Creating…' : 'Create Transaction'}
      </button>
      {open && (
        <TransactionMenu
          conversationId={conversationId}
          messageId={m.id}
          menuId={menuId}
          placement={placement}
          onChoose={onChoose}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
      {create.isError && !dialog && (
        <span className="field-error" role="alert" data-testid="create-transaction-error">
          {errorMessage(create.error)}
        </span>
      )}
      {dialog?.step === 'choose' && (
        <ChoosePartyDialog
          chosen={dialog.chosen}
          parties={dialog.parties}
          create={create}
          onClose={closeDialog}
        />
      )}
      {dialog?.step === 'pick' && (
        <PickPartyDialog chosen={dialog.chosen} create={create} onClose={closeDialog} />
      )}
    </div>
  );
}

/**
 * Under a message: the transaction it is associated with (a chip opening it), or — on a user
 * message that is sent and not deleted — "Create Transaction".
 */
export function MessageTransactionLine({ m, conversationId }: { m: Message; conversationId: number }) {
  const t = m.transaction;
  if (t) {
    const label = typeLabel(t.type);
    return (
      <div className="message-transaction-line">
        <span className="message-transaction-kind">{label}</span>
        <Link
          className="chip chip-transaction message-transaction"
          data-testid="message-transaction"
          to={transactionPath(t)}
          title={`${label} ${t.transactionId} — open the transaction`}
        >
          {t.transactionId}
        </Link>
      </div>
    );
  }
  if (!offersTransaction(m)) return null;
  return (
    <div className="message-transaction-line">
      <CreateTransactionButton m={m} conversationId={conversationId} />
    </div>
  );
}
