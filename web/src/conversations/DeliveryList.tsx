import type { Delivery, PhoneEndpoint } from '../api/types';
import { deliveryProblem, deliveryStatusLabel, deliveryTone, phoneLabel } from './texting';

/**
 * Under an outbound text: one compact line per recipient, "(201) 555-0123 · Delivered", with the
 * plain-English reason under a failed one. Updated live from `delivery.updated`.
 */
export function DeliveryList({
  deliveries,
  phoneNumbers,
}: {
  deliveries: readonly Delivery[];
  phoneNumbers: readonly PhoneEndpoint[];
}) {
  if (deliveries.length === 0) return null;
  return (
    <ul className="deliveries" aria-label="Delivery">
      {deliveries.map((d) => {
        const tone = deliveryTone(d.status);
        const problem = deliveryProblem(d);
        return (
          <li key={d.id} className={`delivery delivery-${tone}`} data-status={d.status}>
            <span className="delivery-line">
              <span className="delivery-to">{phoneLabel(phoneNumbers, d.to)}</span>
              <span className="delivery-sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="delivery-status" data-testid="delivery-status">
                {deliveryStatusLabel(d.status)}
              </span>
              {tone === 'pending' && <span className="delivery-spinner" aria-hidden="true" />}
            </span>
            {problem && <span className="delivery-problem">{problem}</span>}
          </li>
        );
      })}
    </ul>
  );
}
