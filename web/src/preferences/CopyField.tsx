import { useEffect, useId, useRef, useState } from 'react';

/** Puts text on the clipboard; falls back to a selected textarea where the Clipboard API is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** A read-only value (a URL to paste elsewhere) with a Copy button that confirms what it did. */
export function CopyField({
  label,
  copyLabel,
  value,
  hint,
}: {
  label: string;
  /** The Copy button's accessible name; it must not repeat `label`, or the button is labelled like the input. */
  copyLabel: string;
  value: string;
  hint?: string;
}) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    const ok = await copyText(value);
    setNote(ok ? 'Copied.' : 'Copy failed: select the text and copy it.');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setNote(null), 3000);
  };

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div>
        <div className="copy-field">
          <input
            id={id}
            value={value}
            readOnly
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby={hint ? `${id}-hint` : undefined}
          />
          <button type="button" onClick={() => void copy()} aria-label={copyLabel}>
            Copy
          </button>
          <span className="status-note" role="status" aria-live="polite">
            {note}
          </span>
        </div>
        {hint && (
          <div id={`${id}-hint`} className="field-hint">
            {hint}
          </div>
        )}
      </div>
    </>
  );
}
