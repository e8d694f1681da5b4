/**
 * The buttons at the foot of a dialog's form: the primary submit button (its label while the
 * save is pending, and disabled then) and Cancel.
 */
export function FormActions({
  submitLabel,
  busyLabel = submitLabel,
  busy,
  disabled,
  onCancel,
  cancelLabel = 'Cancel',
}: {
  submitLabel: string;
  /** The submit button's label while `busy`; the same as `submitLabel` when not given. */
  busyLabel?: string;
  busy: boolean;
  /** Disabled besides while `busy` (e.g. nothing chosen yet). */
  disabled?: boolean;
  onCancel: () => void;
  cancelLabel?: string;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={disabled || busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
