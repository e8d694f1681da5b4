import type { ReactNode } from 'react';
import { useId } from 'react';

/**
 * A list of radio buttons choosing one item: a fieldset (its legend for screen readers only) with
 * a row for each item.
 */
export function RadioList<T, K extends string | number>({
  legend,
  name,
  items,
  idOf,
  labelOf,
  selected,
  onSelect,
}: {
  /** For screen readers: what the list chooses. */
  legend: ReactNode;
  /** The radio group's name; a unique one when not given. */
  name?: string;
  items: readonly T[];
  idOf: (item: T) => K;
  labelOf: (item: T) => string;
  /** The id of the chosen item, or null for none. */
  selected: K | null;
  onSelect: (id: K) => void;
}) {
  const ownName = useId();
  const group = name ?? ownName;
  return (
    <fieldset className="radio-list">
      <legend className="sr-only">{legend}</legend>
      {items.map((item) => {
        const id = idOf(item);
        return (
          <label key={id} className="radio-row">
            <input
              type="radio"
              name={group}
              value={id}
              checked={selected === id}
              onChange={() => onSelect(id)}
            />{' '}
            {labelOf(item)}
          </label>
        );
      })}
    </fieldset>
  );
}
