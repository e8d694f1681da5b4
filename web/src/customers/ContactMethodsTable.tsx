import { CONTACT_METHOD_TYPES } from '../../../core/contact-methods';
import type { ContactMethodType } from '../../../core/contact-methods';
import { ContactCardButton } from '../contacts/ContactCardButton';
import type { CustomerName } from '../contacts/ContactCardDialog';
import type { FieldErrors } from '../lib/fields';
import { sentence } from '../lib/fields';
import { emptyMethod, rowPhoneNumber } from './party-form';
import type { MethodRow } from './party-form';

interface Props {
  rows: MethodRow[];
  errors: FieldErrors;
  onChange: (rows: MethodRow[]) => void;
  /** Set in Customer Details: the Contact Card offers "Use Contact Name" with it. */
  customer?: CustomerName;
}

/**
 * The Contact Methods grid. Rows whose type is Phone or Cell Phone, and only those, end with the
 * contact card button of their number.
 */
export function ContactMethodsTable({ rows, errors, onChange, customer }: Props) {
  const set = (i: number, patch: Partial<MethodRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="panel" aria-labelledby="contact-methods-title">
      <div className="panel-head">
        <h2 id="contact-methods-title">Contact Methods</h2>
        <button type="button" className="small" onClick={() => onChange([...rows, emptyMethod()])}>
          Add Contact Method
        </button>
      </div>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col" className="col-type">
              Type
            </th>
            <th scope="col">Value</th>
            <th scope="col">Description</th>
            <th scope="col" className="col-actions">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const valueErr = sentence('Value', errors[`contactMethods.${i}.value`]);
            const descErr = sentence('Description', errors[`contactMethods.${i}.description`]);
            const typeErr = sentence('Type', errors[`contactMethods.${i}.type`]);
            return (
              <tr key={r.key} data-testid="contact-method-row">
                <td>
                  <select
                    aria-label={`Contact method ${n} type`}
                    value={r.type}
                    onChange={(e) => set(i, { type: e.target.value as ContactMethodType })}
                  >
                    {CONTACT_METHOD_TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                  {typeErr && <div className="field-error">{typeErr}</div>}
                </td>
                <td>
                  <input
                    aria-label={`Contact method ${n} value`}
                    value={r.value}
                    onChange={(e) => set(i, { value: e.target.value })}
                    aria-invalid={!!valueErr || undefined}
                  />
                  {valueErr && <div className="field-error">{valueErr}</div>}
                </td>
                <td>
                  <input
                    aria-label={`Contact method ${n} description`}
                    value={r.description}
                    onChange={(e) => set(i, { description: e.target.value })}
                    aria-invalid={!!descErr || undefined}
                  />
                  {descErr && <div className="field-error">{descErr}</div>}
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="small danger-text"
                    aria-label={`Remove contact method ${n}`}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                  <RowCard row={r} customer={customer} />
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No contact methods.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {errors.contactMethods && (
        <div className="field-error">{sentence('Contact Methods', errors.contactMethods)}</div>
      )}
    </section>
  );
}

function RowCard({ row, customer }: { row: MethodRow; customer?: CustomerName }) {
  const number = rowPhoneNumber(row);
  if (!number) return null;
  // A stored number's card names it; a value still being typed is named as typed.
  const label = number === row.phoneNumber ? undefined : row.value.trim();
  return <ContactCardButton key={number} number={number} label={label} customer={customer} />;
}
