import { describe, expect, it } from 'vitest';
import { LINK_PLACEHOLDERS, linkTemplatesKey } from './link-templates';
import { conversationKeys } from './conversations';
import { codeKindOf, transactionCodeFileName, transactionCodeLabel } from './transaction-panel';

describe('link templates', () => {
  it('knows the three placeholders', () => {
    expect(LINK_PLACEHOLDERS).toEqual(['{transactionId}', '{customerId}', '{vendorId}']);
  });

  it('keeps the links under the conversation, so refreshing the conversation refreshes them', () => {
    const one = conversationKeys.one(7);
    expect(linkTemplatesKey(7).slice(0, one.length)).toEqual([...one]);
  });
});

describe('transaction code words', () => {
  it('names the button and the file by kind', () => {
    expect(transactionCodeLabel('qr', 'SO-10001')).toBe('Attach QR code of SO-10001');
    expect(transactionCodeLabel('barcode', 'SO-10001')).toBe('Attach barcode of SO-10001');
    expect(transactionCodeFileName('qr', 'SO-10001')).toBe('SO-10001-qr.png');
    expect(transactionCodeFileName('barcode', 'PO-2')).toBe('PO-2-barcode.png');
  });

  it('falls back to QR code for a missing or unknown preference', () => {
    expect(codeKindOf('barcode')).toBe('barcode');
    expect(codeKindOf(undefined)).toBe('qr');
    expect(codeKindOf('datamatrix')).toBe('qr');
  });
});
