import type { FieldErrors } from '../lib/fields';
import { sentence } from '../lib/fields';
import { emptyContact } from './party-form';
import type { ContactRow } from './party-form';

interface Props {
  rows: ContactRow[];
  errors: FieldErrors;
  onChange: (rows: ContactRow[]) => void;
}

const COLUMNS = [
  { field: 'name', label: 'Name', type: 'text' },
  { field: 'title', label: 'Title', type: 'text' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'email', label: 'Email', type: 'email' },
] as const;

/** The Customer Contacts grid: the people at the customer. */
export function CustomerContactsTable({ rows, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<ContactRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="panel" aria-labelledby="customer-contacts-title">
      <div className="panel-head">
        <h2 id="customer-contacts-title">Customer Contacts</h2>
        <button type="button" className="small" onClick={() => onChange([...rows, emptyContact()])}>
          Add Contact
        </button>
      </div>
      <table className="grid">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col" className="col-actions">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-testid="customer-contact-row">
              {COLUMNS.map((c) => {
                const err = sentence(c.label, errors[`contacts.${i}.${c.field}`]);
                return (
                  <td key={c.field}>
                    <input
                      type={c.type}
                      aria-label={`Contact ${i + 1} ${c.label.toLowerCase()}`}
                      value={r[c.field]}
                      onChange={(e) => set(i, { [c.field]: e.target.value })}
                      aria-invalid={!!err || undefined}
                    />
                    {err && <div className="field-error">{err}</div>}
                  </td>
                );
              })}
              <td className="col-actions">
                <button
                  type="button"
                  className="small danger-text"
                  aria-label={`Remove contact ${i + 1}`}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No contacts.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {errors.contacts && <div className="field-error">{sentence('Customer Contacts', errors.contacts)}</div>}
    </section>
  );
}
