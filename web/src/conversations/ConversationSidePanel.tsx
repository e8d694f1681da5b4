import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useConversationList } from '../api/conversations';
import { useParty } from '../api/parties';
import type { Tag, Transaction } from '../api/types';
import { partyPhones } from '../customers/party-form';
import { LinkedConversationList } from './LinkedConversationList';
import { NewConversationDialog } from './NewConversationDialog';
import type { NoticeState } from './notices';
import { ReadingPane } from './ReadingPane';
import { StartTextDialog } from './StartTextDialog';

/** The search parameter that holds the conversation shown in the panel, e.g. ?conversation=12. */
export const SIDE_PANEL_PARAM = 'conversation';

const PARTY_WORD = { customer: 'Customer', vendor: 'Vendor' } as const;

/**
 * The Conversation Side Panel of a transaction window: the transaction's conversations (internal
 * and external, open and closed), and the selected one's reading pane — header, messages and a
 * composer that also attaches the transaction's barcode / QR code. "New Conversation" and "Text
 * Customer" / "Text Vendor" start one tagged with the transaction and its customer or vendor, then
 * show it here. The selection is in the address (?conversation=ID), so Back and reload keep it.
 */
export function ConversationSidePanel({ tx }: { tx: Transaction }) {
  const list = useConversationList('all', `transaction:${tx.id}`);
  const party = useParty(tx.party.kind, tx.party.id);
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [texting, setTexting] = useState(false);

  const raw = params.get(SIDE_PANEL_PARAM);
  const selected = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const hrefFor = (id: number) => `${location.pathname}?${SIDE_PANEL_PARAM}=${id}`;
  const select = (id: number, notice: string | null = null) => {
    const state: NoticeState = notice ? { notice } : {};
    navigate(hrefFor(id), { state });
  };

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const partyWord = PARTY_WORD[tx.party.kind];
  const txTag: Tag = { kind: 'transaction', id: tx.id, label: tx.transactionId };
  const partyTag: Tag = { kind: tx.party.kind, id: tx.party.id, label: tx.party.name };
  const phones = party.data ? partyPhones(party.data) : party.isError ? [] : undefined;

  return (
    <aside className="panel conv-side-panel" aria-label="Conversation Side Panel">
      <div className="panel-head">
        <h2>Conversations</h2>
        <div className="panel-head-actions">
          <button type="button" className="small" onClick={() => setTexting(true)}>
            Text {partyWord}
          </button>
          <button type="button" className="small" onClick={() => setCreating(true)}>
            New Conversation
          </button>
        </div>
      </div>
      <LinkedConversationList
        list={list}
        label={`Conversations tagged with ${tx.transactionId}`}
        className="conv-list conv-list-linked conv-side-list"
        moreClassName="small conv-list-more"
        hrefFor={hrefFor}
        selected={selected}
      />
      {selected !== null ? (
        <div className="conv-side-reading">
          <div className="conv-side-reading-tools">
            <Link to={`/conversations/${selected}?status=all`}>Open in Conversations</Link>
          </div>
          <ReadingPane
            key={selected}
            id={selected}
            transaction={{ id: tx.id, transactionId: tx.transactionId }}
            onOpenConversation={select}
          />
        </div>
      ) : (
        items.length > 0 && <p className="muted conv-side-hint">Select a conversation to read it here.</p>
      )}
      {creating && (
        <NewConversationDialog
          initialTags={[txTag, partyTag]}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            select(c.id);
          }}
        />
      )}
      {texting && (
        <StartTextDialog
          tag={partyTag}
          alsoTag={[txTag]}
          phones={phones}
          title={`Text ${partyWord}`}
          defaultSubject={`${tx.typeLabel} ${tx.transactionId}`}
          onClose={() => setTexting(false)}
          onStarted={(c, notice) => select(c.id, notice)}
        />
      )}
    </aside>
  );
}
