import { describe, expect, it } from 'vitest';
import {
  emptyLinkRow,
  linkRowErrors,
  linkRowsFrom,
  linkTemplatesOf,
  removeLinkLabel,
  withoutBlankLinkRows,
} from './link-rows';

describe('Company Preferences > Links rows', () => {
  it('makes one row per saved link, each with its own key', () => {
    const rows = linkRowsFrom([
      { name: 'Order status', url: 'https://erp.example.com/o/{transactionId}' },
      { name: 'Portal', url: 'https://portal.example.com/{customerId}' },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Order status', 'Portal']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(linkRowsFrom(undefined)).toEqual([]);
  });

  it('drops rows left blank and trims what is saved', () => {
    const rows = [
      { key: 'a', name: ' Order status ', url: ' https://erp.example.com/o/{transactionId} ' },
      { ...emptyLinkRow(), name: '  ', url: '' },
    ];
    const kept = withoutBlankLinkRows(rows);
    expect(kept).toHaveLength(1);
    expect(linkTemplatesOf(kept)).toEqual([
      { name: 'Order status', url: 'https://erp.example.com/o/{transactionId}' },
    ]);
  });

  it('reports a missing name or URL and a long name on the row, keyed like the server', () => {
    const errors = linkRowErrors([
      { key: 'a', name: 'Fine', url: 'https://x.test' },
      { key: 'b', name: '', url: 'https://x.test' },
      { key: 'c', name: 'x'.repeat(61), url: ' ' },
    ]);
    expect(errors).toEqual({
      'linkTemplates.1.name': 'is required',
      'linkTemplates.2.name': 'must be at most 60 characters',
      'linkTemplates.2.url': 'is required',
    });
    expect(linkRowErrors([{ key: 'a', name: 'x'.repeat(60), url: 'https://x.test' }])).toEqual({});
  });

  it('names the Remove button by the link', () => {
    expect(removeLinkLabel({ key: 'a', name: ' Order status ', url: '' }, 0)).toBe('Remove Order status');
    expect(removeLinkLabel({ key: 'a', name: '', url: '' }, 1)).toBe('Remove link 2');
  });
});
